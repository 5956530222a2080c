package dev.retort.cli;

import dev.retort.cli.internal.Secrets;
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
        RetortCommand command = new RetortCommand(workingDirectory);
        rememberSecrets(command, args);
        CommandLine commandLine = RetortCommand.commandLine(command);
        commandLine.setOut(out);
        commandLine.setErr(err);
        // picocli echoes unmatched arguments, a --url or --password among them: mask them too.
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            CommandLine failing = e.getCommandLine();
            failing.getErr().println(command.mask(e.getMessage()));
            if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, failing.getErr())) {
                failing.usage(failing.getErr());
            }
            return failing.getCommandSpec().exitCodeOnInvalidInput();
        });
        // Subcommands turn every failure into FAILED themselves; this catches what escapes them.
        commandLine.setExecutionExceptionHandler((e, failing, parseResult) -> {
            failing.getErr().println(command.mask("FAILED: " + RetortCommand.Action.unexpected(e, false)));
            return 1;
        });
        int status = commandLine.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    /** The passwords among the arguments, known before parsing so that even an argument error echoing them hides them. */
    private static void rememberSecrets(RetortCommand command, String[] args) {
        for (int i = 0; i < args.length; i++) {
            for (String option : new String[] {"--password", "--url", "--shadow-url"}) {
                String value = args[i].equals(option) && i + 1 < args.length ? args[i + 1]
                        : args[i].startsWith(option + "=") ? args[i].substring(option.length() + 1)
                        : null;
                if (value == null) {
                    continue;
                }
                if (option.equals("--password")) {
                    command.rememberSecret(value);
                } else {
                    Secrets.inUrl(value).forEach(command::rememberSecret);
                }
            }
        }
    }
}
