package dev.retort.cli;

/** Entry point of the {@code retort} command: runs {@link RetortCommand} and exits with its status. */
public final class Main {

    private Main() {
    }

    /** Runs the command line with {@code args} in the current working directory. */
    public static void main(String[] args) {
        System.exit(RetortCommand.run(args));
    }
}
