package dev.retort.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * The {@code retort} command: its entry point, and the same command line run in process,
 * as a build tool or a test would.
 *
 * <pre>{@code
 * StringWriter out = new StringWriter();
 * StringWriter err = new StringWriter();
 * int status = Main.run(projectDir, new PrintWriter(out), new PrintWriter(err), "upgrade", "head", "--sql");
 * }</pre>
 *
 * <p>Prefer {@link Commands} to call one command from Java: it returns values rather than
 * text.
 */
public final class Main {

    private Main() {
    }

    /** Runs the command line with {@code args} in the process's working directory, and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(Path.of("").toAbsolutePath(), new PrintWriter(System.out, true),
                new PrintWriter(System.err, true), args));
    }

    /**
     * Runs the command line with {@code args} as if started in {@code workingDirectory}
     * (where it looks for {@code retort.properties}), printing to {@code out} and {@code
     * err}. Does not exit.
     *
     * @return the exit status: 0 on success, 1 after a {@code FAILED: …} line on {@code
     *     err}, 2 for arguments that do not parse (after the usage)
     */
    public static int run(Path workingDirectory, PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = RetortCommand.commandLine(workingDirectory);
        commandLine.setOut(out);
        commandLine.setErr(err);
        int status = commandLine.execute(args);
        out.flush();
        err.flush();
        return status;
    }
}
