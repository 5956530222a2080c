package dev.retort.cli;

import dev.retort.autogenerate.Change;
import dev.retort.autogenerate.snapshot.SchemaSnapshots;
import dev.retort.cli.internal.Detections;
import dev.retort.cli.internal.Secrets;
import dev.retort.graph.RevisionException;
import dev.retort.runtime.AppliedStep;
import dev.retort.runtime.MigrationException;
import dev.retort.runtime.MigrationResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * The {@code retort} command line: parses arguments, calls {@link Commands} and prints
 * what it returns in Alembic's formats. A failure prints one line {@code FAILED: …} on the
 * error stream and exits with status 1 (the whole message and the stack trace with {@code
 * --verbose}); bad arguments print the usage and exit with status 2. Whatever it prints on
 * the error stream, and the URL of {@code current --verbose}, goes through {@link #mask}:
 * no password reaches the terminal or a CI log. Run it through {@link Main}.
 */
@Command(name = "retort", mixinStandardHelpOptions = true, versionProvider = RetortCommand.Version.class,
        description = "Database migrations for Java: a revision graph the compiler checks.",
        subcommands = {
            RetortCommand.Init.class, RetortCommand.ListTemplates.class, RetortCommand.Revision.class,
            RetortCommand.Merge.class, RetortCommand.Upgrade.class, RetortCommand.Downgrade.class,
            RetortCommand.Stamp.class, RetortCommand.Current.class, RetortCommand.Heads.class,
            RetortCommand.Branches.class, RetortCommand.History.class, RetortCommand.Show.class,
            RetortCommand.Edit.class, RetortCommand.Check.class, RetortCommand.Snapshot.class,
            CommandLine.HelpCommand.class
        })
final class RetortCommand implements Runnable {

    private final Path workingDirectory;

    /** The passwords of the configurations read so far, hidden from everything printed. */
    private final Set<String> secrets = new LinkedHashSet<>();

    @Spec
    CommandSpec spec;

    @Option(names = {"-c", "--config"}, scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "The configuration file (default: retort.properties in the working directory).")
    Path configFile;

    @Option(names = "-x", scope = ScopeType.INHERIT, paramLabel = "KEY=VALUE",
            description = "A value for the revisions, read as System.getProperty(\"retort.x.KEY\"). Repeatable.")
    Map<String, String> xArguments = new LinkedHashMap<>();

    @Option(names = "--url", scope = ScopeType.INHERIT, description = "The JDBC URL (overrides 'url').")
    String url;

    @Option(names = "--user", scope = ScopeType.INHERIT, description = "The database user (overrides 'user').")
    String user;

    @Option(names = "--password", scope = ScopeType.INHERIT, description = "The database password (overrides 'password').")
    String password;

    @Option(names = "--package", scope = ScopeType.INHERIT, paramLabel = "PACKAGE",
            description = "The Java package of the revisions (overrides 'package').")
    String packageName;

    @Option(names = "--source", scope = ScopeType.INHERIT, split = ",", paramLabel = "DIR",
            description = "Source folders holding the package (overrides 'source').")
    List<Path> sourceDirectories;

    @Option(names = "--classpath", scope = ScopeType.INHERIT, split = ",", paramLabel = "PATH",
            description = "Compiled classes and jars, dir/* for every jar (overrides 'classpath').")
    List<Path> classpath;

    @Option(names = "--version-table", scope = ScopeType.INHERIT, description = "The version table (overrides 'version_table').")
    String versionTable;

    @Option(names = "--version-table-schema", scope = ScopeType.INHERIT,
            description = "The version table's schema (overrides 'version_table_schema').")
    String versionTableSchema;

    @Option(names = "--file-template", scope = ScopeType.INHERIT,
            description = "The class name of new revisions, such as Rev_$${id}_$${slug} (overrides 'file_template').")
    String fileTemplate;

    @Option(names = "--dialect", scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "The SQL dialect: h2, postgresql, mariadb (or mysql), sqlite (overrides 'dialect'; "
                    + "default: from the url). --sql writes it; online commands use it instead of asking the connection.")
    String dialect;

    @Option(names = "--metadata", scope = ScopeType.INHERIT, paramLabel = "CLASS.FIELD",
            description = "The target model of --autogenerate and check: a static Metadata field such as "
                    + "com.acme.model.Schema.METADATA (overrides 'metadata').")
    String metadata;

    @Option(names = "--shadow-url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "Where check --shadow makes its scratch schema or database (overrides 'shadow_url').")
    String shadowUrl;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "More detail; on failure, the stack trace.")
    boolean verbose;

    /** A command line working in {@code workingDirectory} (where it looks for retort.properties). */
    RetortCommand(Path workingDirectory) {
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    }

    /** The global options that reach the database, shared by the commands that connect. */
    private static final List<String> DATABASE_OPTIONS = List.of("--config", "-x", "--url", "--user", "--password",
            "--package", "--source", "--classpath", "--version-table", "--version-table-schema", "--dialect",
            "--verbose");

    /** The global options that only read the revisions' sources. */
    private static final List<String> SOURCE_OPTIONS = List.of("--config", "--package", "--source", "--verbose");

    /**
     * Per command, the global options it reads: its help lists them after its own options,
     * and leaves the others out (they are accepted everywhere, and ignored where they do not apply).
     */
    private static final Map<String, List<String>> GLOBAL_OPTIONS = Map.ofEntries(
            Map.entry("init", List.of("--package", "--verbose")),
            Map.entry("list-templates", List.of("--verbose")),
            Map.entry("revision", concat(SOURCE_OPTIONS, List.of("--file-template", "--url", "--user", "--password",
                    "--classpath", "--version-table", "--version-table-schema", "--dialect", "--metadata"))),
            Map.entry("merge", concat(SOURCE_OPTIONS, List.of("--file-template"))),
            Map.entry("upgrade", DATABASE_OPTIONS),
            Map.entry("downgrade", DATABASE_OPTIONS),
            Map.entry("stamp", DATABASE_OPTIONS),
            Map.entry("current", DATABASE_OPTIONS.stream().filter(o -> !o.equals("-x")).toList()),
            Map.entry("check", concat(DATABASE_OPTIONS, List.of("--metadata", "--shadow-url"))),
            Map.entry("history", concat(SOURCE_OPTIONS, List.of("--url", "--user", "--password", "--classpath",
                    "--version-table", "--version-table-schema"))),
            Map.entry("heads", SOURCE_OPTIONS),
            Map.entry("branches", SOURCE_OPTIONS),
            Map.entry("show", SOURCE_OPTIONS),
            Map.entry("edit", SOURCE_OPTIONS));

    private static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }

    /**
     * The {@code retort} command line working in {@code workingDirectory}. Each command's
     * {@code --help} shows a short synopsis, then its own options, then only the global
     * options it reads ({@link #GLOBAL_OPTIONS}), instead of one alphabetical list of both.
     */
    static CommandLine commandLine(Path workingDirectory) {
        return commandLine(new RetortCommand(workingDirectory));
    }

    static CommandLine commandLine(RetortCommand command) {
        CommandLine commandLine = new CommandLine(command);
        commandLine.getSubcommands().forEach((name, sub) -> {
            List<String> globals = GLOBAL_OPTIONS.getOrDefault(name, List.of());
            sub.getCommandSpec().usageMessage().abbreviateSynopsis(true);
            sub.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST,
                    help -> optionList(help, globals));
        });
        return commandLine;
    }

    private static String optionList(CommandLine.Help help, List<String> globals) {
        List<CommandLine.Model.OptionSpec> own = help.commandSpec().options().stream()
                .filter(o -> !o.inherited() && !o.hidden()).toList();
        List<CommandLine.Model.OptionSpec> global = help.commandSpec().options().stream()
                .filter(o -> o.inherited() && !o.hidden() && globals.contains(o.longestName())).toList();
        StringBuilder out = new StringBuilder(help.optionListExcludingGroups(own, help.createDefaultLayout(),
                help.createDefaultOptionSort(), help.parameterLabelRenderer()));
        if (!global.isEmpty()) {
            out.append(System.lineSeparator()).append("Global options:")
                    .append(System.lineSeparator())
                    .append(help.optionListExcludingGroups(global, help.createDefaultLayout(),
                            help.createDefaultOptionSort(), help.parameterLabelRenderer()));
        }
        return out.toString();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The configuration: the file, overridden by the command-line options. */
    Config config(String tag) {
        Path file = workingDirectory.resolve(configFile == null ? Path.of(Config.DEFAULT_FILE_NAME) : configFile);
        Config.Builder builder;
        if (configFile != null || Files.exists(file)) {
            builder = Config.load(file).toBuilder();
        } else if (packageName != null) {
            builder = Config.builder(workingDirectory);
        } else {
            throw new CommandException("No " + Config.DEFAULT_FILE_NAME + " in " + workingDirectory
                    + ". Run 'retort init' to set up this folder, or pass -c FILE.");
        }
        if (url != null) {
            builder.url(url).origin(Config.URL, "--url");
        }
        if (user != null) {
            builder.user(user);
        }
        if (password != null) {
            builder.password(password);
        }
        if (packageName != null) {
            builder.packageName(packageName);
        }
        if (sourceDirectories != null) {
            builder.sourceDirectories(sourceDirectories);
        }
        if (classpath != null) {
            builder.classpath(classpath);
        }
        if (versionTable != null) {
            builder.versionTable(versionTable);
        }
        if (versionTableSchema != null) {
            builder.versionTableSchema(versionTableSchema);
        }
        if (fileTemplate != null) {
            builder.fileTemplate(fileTemplate);
        }
        if (dialect != null) {
            builder.dialect(dialect);
        }
        if (metadata != null) {
            builder.metadata(metadata);
        }
        if (shadowUrl != null) {
            builder.shadowUrl(shadowUrl);
        }
        xArguments.forEach(builder::xArgument);
        builder.tag(tag);
        Config config = builder.build();
        Database.secrets(config).forEach(this::rememberSecret);
        return config;
    }

    /** Adds a password to hide from everything printed. */
    void rememberSecret(String secret) {
        if (secret != null && !secret.isEmpty()) {
            secrets.add(secret);
        }
    }

    /**
     * {@code text} with every password hidden: those of the configuration and {@code
     * --password}, and every secret a JDBC URL in it carries. The one filter between the
     * command line and what it prints about databases.
     */
    String mask(String text) {
        rememberSecret(password);
        return Secrets.mask(text, secrets);
    }

    Path workingDirectory() {
        return workingDirectory;
    }

    /** Base of every subcommand: runs it, turning a failure into {@code FAILED: …} and status 1. */
    abstract static class Action implements Callable<Integer> {

        @ParentCommand
        RetortCommand root;

        @Spec
        CommandSpec spec;

        /** The status a command that did not throw exits with; {@code check} sets 1 when it found differences. */
        int exitStatus;

        @Override
        public final Integer call() {
            try {
                execute();
                out().flush();
                return exitStatus;
            } catch (CommandException | RevisionException | MigrationException e) {
                return failed(message(e), e);
            } catch (Throwable e) {
                // An Error (AssertionError, StackOverflowError) from a migration or a driver is
                // still one FAILED line and status 1, never a raw stack trace.
                return failed(unexpected(e, root.verbose), e);
            }
        }

        /** The FAILED text of a failure no command expected: its class and message. */
        static String unexpected(Throwable e, boolean verbose) {
            String message = e.getMessage() == null || e.getMessage().isBlank() ? "(no message)" : e.getMessage();
            return "Unexpected " + e.getClass().getSimpleName() + ": " + message
                    + (verbose ? "" : ". Run again with --verbose for the stack trace.");
        }

        abstract void execute();

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        Config config() {
            return root.config(null);
        }

        private int failed(String message, Throwable e) {
            out().flush();
            PrintWriter err = spec.commandLine().getErr();
            if (root.verbose) {
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                err.println(root.mask("FAILED: " + message));
                err.print(root.mask(trace.toString()));
            } else {
                err.println(root.mask("FAILED: " + oneLine(message, e)));
            }
            err.flush();
            return 1;
        }

        private static String message(RuntimeException e) {
            if (e instanceof MigrationException m) {
                StringBuilder out = new StringBuilder(String.valueOf(m.getMessage()));
                // Compared on one line: a message may quote a multi-line statement reflowed.
                if (m.statement() != null
                        && !oneLine(out.toString(), null).contains(oneLine(m.statement(), null))) {
                    out.append(" Statement: ").append(m.statement());
                }
                return out.toString();
            }
            return e.getMessage();
        }

        // H2 appends "; SQL statement:\n<the statement> [42001-224]" to its messages: a repeat
        // of the statement the migrator already quotes, and the reason the line broke.
        private static final Pattern H2_ECHO = Pattern.compile("(?s); SQL statement:\\R.*?(?= \\[\\d{5}-\\d+\\])");
        private static final Pattern LINE_BREAK = Pattern.compile("\\s*\\R\\s*");

        /**
         * The message on one line, as the default output promises: PostgreSQL's {@code
         * Position:} / {@code Detail:} lines, H2's echoed SQL and multi-line statements are
         * joined; {@code --verbose} prints the text as it is.
         */
        static String oneLine(String message, Throwable e) {
            String text = message == null ? "(no message)" : message;
            if (e instanceof MigrationException m && m.statement() != null) {
                text = H2_ECHO.matcher(text).replaceAll("");
            }
            return LINE_BREAK.matcher(text.strip()).replaceAll(" ");
        }

        /** A log line (migrator progress, autogenerate detections) live on the error stream, as Alembic's logging. */
        void log(String line) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(root.mask(line));
            err.flush();
        }

        /** The current revisions, or an empty set when the database cannot be asked (source-side commands). */
        Set<String> currentIfReachable(boolean wanted) {
            return wanted ? new HashSet<>(Commands.current(config())) : Set.of();
        }
    }

    /** Database commands share --sql and --tag. */
    abstract static class DatabaseAction extends Action {

        @Option(names = "--sql", description = "Print the SQL script instead of running it; touches no database "
                + "(the dialect comes from --dialect, 'dialect=' or the url's prefix).")
        boolean sql;

        @Option(names = "--tag", description = "An arbitrary string passed to the revisions as System.getProperty(\"retort.tag\").")
        String tag;

        @Override
        Config config() {
            return root.config(tag);
        }

        /**
         * Writes the script {@code write} produces to the output, only once it is complete:
         * a failure leaves no half script on stdout, only the FAILED line.
         */
        void printScript(java.util.function.Consumer<StringBuilder> write) {
            StringBuilder script = new StringBuilder();
            write.accept(script);
            out().print(script);
        }

        /** The migrator's log lines, live on the error stream as Alembic's logging: progress for long runs. */
        void progress(String line) {
            log(line);
        }

        void printSteps(MigrationResult result, String verb) {
            for (AppliedStep step : result.steps()) {
                out().println(Formats.stepLine(step));
            }
            if (result.steps().isEmpty()) {
                out().println("Nothing to " + verb + ": the database is at "
                        + Formats.revisionsOrBase(result.headsAfter()) + ".");
            }
        }
    }

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = "Create retort.properties, the migrations package folder and the revision template.")
    static final class Init extends Action {

        @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "The project folder (default: the working directory).")
        Path directory;

        @Option(names = {"-t", "--template"}, defaultValue = "generic",
                description = "The revision template to install (see list-templates; default: ${DEFAULT-VALUE}).")
        String template;

        @Override
        void execute() {
            Path dir = root.workingDirectory().resolve(directory == null ? Path.of("") : directory).normalize();
            String packageName = root.packageName == null ? "db.migrations" : root.packageName;
            for (Path created : Commands.init(dir, packageName, template)) {
                out().println("Creating " + created + " ... done");
            }
            out().println("Please edit the database settings in '" + dir.resolve(Config.DEFAULT_FILE_NAME)
                    + "' before proceeding (the default is an H2 database in db/, which db/.gitignore keeps out of "
                    + "version control); then run: retort revision -m \"first revision\"");
        }
    }

    @Command(name = "list-templates", mixinStandardHelpOptions = true, description = "List the revision templates init can install.")
    static final class ListTemplates extends Action {
        @Override
        void execute() {
            out().println("Available templates:");
            out().println();
            for (TemplateInfo template : Commands.listTemplates()) {
                out().println(template.name() + " - " + template.description());
            }
            out().println();
            out().println("Templates are used via the 'init' command, e.g.:");
            out().println();
            out().println("  retort init --template data-migration --package com.acme.migrations ./myproject");
        }
    }

    @Command(name = "revision", mixinStandardHelpOptions = true, description = "Write a new revision source file.")
    static final class Revision extends Action {

        @Option(names = {"-m", "--message"}, required = true, description = "What the revision does.")
        String message;

        @Option(names = "--head", defaultValue = "head",
                description = "The parent: head (default), an id, label@head, or base for a new base.")
        String head;

        @Option(names = "--splice", description = "Allow a parent that is not a head (starts a new branch).")
        boolean splice;

        @Option(names = "--branch-label", paramLabel = "LABEL", description = "A branch label for the new revision. Repeatable.")
        List<String> branchLabels = List.of();

        @Option(names = "--depends-on", paramLabel = "REV", description = "A revision the new one depends on. Repeatable.")
        List<String> dependsOn = List.of();

        @Option(names = "--rev-id", paramLabel = "ID", description = "Use this id instead of a fresh one.")
        String revId;

        @Option(names = "--version-path", paramLabel = "DIR", description = "The source folder to write to (one of 'source').")
        Path versionPath;

        @Option(names = "--autogenerate", description = "Fill upgrade and downgrade with the differences between the "
                + "model ('metadata=') and the database, which must be at head.")
        boolean autogenerate;

        @Mixin
        CompareFlags compare;

        @Override
        void execute() {
            RevisionOptions options = RevisionOptions.message(message).withHead(head).withSplice(splice)
                    .withRevisionId(revId).withVersionPath(versionPath);
            for (String label : branchLabels) {
                options = options.withBranchLabel(label);
            }
            for (String dependency : dependsOn) {
                options = options.withDependsOn(dependency);
            }
            if (!autogenerate) {
                compare.refuseWithout("--autogenerate");
                RevisionScript script = Commands.revision(config(), options);
                out().println("Generating " + script.path() + " ... done");
                return;
            }
            Config config = compare.apply(config());
            AutogeneratedRevision written = Commands.revisionAutogenerate(config, options, config.compareOptions(),
                    this::log);
            for (Change change : written.changes()) {
                for (String line : Detections.describe(change.operation())) {
                    log(Detections.PREFIX + line);
                }
                for (String note : change.notes()) {
                    log(Detections.PREFIX + "  CHECK: " + note);
                }
            }
            if (written.changes().isEmpty()) {
                log(Detections.PREFIX + "No changes in schema detected; the revision's bodies are empty.");
            }
            // Left out of the revision on purpose: each says what to write by hand, if anything.
            written.notes().forEach(note -> log("NOTE: " + note));
            out().println("Generating " + written.script().path() + " ... done");
            if (written.changes().stream().anyMatch(Change::needsReview)) {
                out().println("Review the // CHECK: comments in it before running it.");
            }
        }
    }

    /** What {@code revision --autogenerate} and {@code check} compare; each flag overrides its key in the file. */
    static final class CompareFlags {

        @Option(names = "--compare-type", negatable = true, defaultValue = Option.NULL_VALUE,
                description = "Compare column types (overrides 'compare_type', default true).")
        Boolean compareType;

        @Option(names = "--compare-server-default", negatable = true, defaultValue = Option.NULL_VALUE,
                description = "Compare server defaults (overrides 'compare_server_default', default false).")
        Boolean compareServerDefault;

        @Option(names = "--compare-check-constraints", negatable = true, defaultValue = Option.NULL_VALUE,
                description = "Compare CHECK constraints, by name (overrides 'compare_check_constraints', default false).")
        Boolean compareCheckConstraints;

        @Option(names = "--include-schemas", split = ",", paramLabel = "SCHEMA",
                description = "Compare these schemas too, besides the connection's: names or patterns, * for every "
                        + "schema (overrides 'include_schemas').")
        List<String> includeSchemas;

        @Option(names = "--include-tables", split = ",", paramLabel = "NAME",
                description = "Compare only these tables: names or patterns, * for any text (overrides 'include_tables').")
        List<String> includeTables;

        @Option(names = "--exclude-tables", split = ",", paramLabel = "NAME",
                description = "Leave these tables out: names or patterns, * for any text (overrides 'exclude_tables').")
        List<String> excludeTables;

        Config apply(Config config) {
            if (!given()) {
                return config;
            }
            Config.Builder builder = config.toBuilder();
            if (compareType != null) {
                builder.compareType(compareType);
            }
            if (compareServerDefault != null) {
                builder.compareServerDefault(compareServerDefault);
            }
            if (compareCheckConstraints != null) {
                builder.compareCheckConstraints(compareCheckConstraints);
            }
            if (includeSchemas != null) {
                builder.includeSchemas(includeSchemas.stream().map(String::strip).filter(n -> !n.isEmpty()).toList());
            }
            if (includeTables != null) {
                builder.includeTables(includeTables.stream().map(String::strip).filter(n -> !n.isEmpty()).toList());
            }
            if (excludeTables != null) {
                builder.excludeTables(excludeTables.stream().map(String::strip).filter(n -> !n.isEmpty()).toList());
            }
            return builder.build();
        }

        /** Comparison flags on a command that compares nothing would be silently ignored: refuse them. */
        void refuseWithout(String option) {
            if (given()) {
                throw new CommandException("--compare-type, --compare-server-default, --compare-check-constraints, "
                        + "--include-schemas, --include-tables and --exclude-tables only apply with " + option
                        + ". Add " + option + " or leave them out.");
            }
        }

        private boolean given() {
            return compareType != null || compareServerDefault != null || compareCheckConstraints != null
                    || includeSchemas != null || includeTables != null || excludeTables != null;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Fail (status 1) when the model ('metadata=') has changes no revision makes yet.")
    static final class Check extends Action {

        @Option(names = "--shadow", description = "Compare a scratch database built from every revision instead "
                + "of the configured one (see 'shadow_url'), then drop it.")
        boolean shadow;

        @Mixin
        CompareFlags compare;

        @Override
        void execute() {
            Config config = compare.apply(config());
            CheckResult result = Commands.check(config, shadow, config.compareOptions(), this::log);
            // Notes never fail the check: they are differences left to the author on purpose.
            result.notes().forEach(note -> log("NOTE: " + note));
            if (result.isClean()) {
                out().println("No new upgrade operations detected.");
                return;
            }
            int count = result.changes().size();
            StringBuilder message = new StringBuilder("New upgrade operations detected (" + count
                    + (count == 1 ? " operation" : " operations") + " between the model and the "
                    + (shadow ? "revisions" : "database") + "). Write them with: retort revision --autogenerate "
                    + "-m \"MESSAGE\"");
            for (Change change : result.changes()) {
                message.append("\n  ").append(Detections.oneLine(change.operation()));
                for (String note : change.notes()) {
                    message.append("\n      CHECK: ").append(note);
                }
            }
            log("FAILED: " + message);
            exitStatus = 1;
        }
    }

    @Command(name = "snapshot", mixinStandardHelpOptions = true,
            description = "Write the schema at each revision as <dir>/<revision>.json, or with --check fail (status 1) "
                    + "when a committed one no longer matches its revision.")
    static final class Snapshot extends Action {

        @Option(names = "--dir", paramLabel = "DIR", description = "Where the snapshots live (default: "
                + SchemaSnapshots.DEFAULT_DIRECTORY + ").")
        Path dir = Path.of(SchemaSnapshots.DEFAULT_DIRECTORY);

        @Option(names = "--check", description = "Compare the committed snapshots instead of writing them.")
        boolean check;

        @Override
        void execute() {
            Config config = config();
            Path directory = root.workingDirectory().resolve(dir).normalize();
            if (!check) {
                List<Path> written = Commands.snapshot(config, directory, this::log);
                out().println(written.isEmpty() ? "Every snapshot under " + directory + " is up to date."
                        : "Wrote " + written.size() + " snapshot" + (written.size() == 1 ? "" : "s") + " under "
                        + directory + ": " + written.stream().map(p -> p.getFileName().toString()).toList());
                return;
            }
            List<SchemaSnapshots.Mismatch> mismatches = Commands.snapshotCheck(config, directory, this::log);
            if (mismatches.isEmpty()) {
                out().println("Every committed snapshot under " + directory + " matches its revision.");
                return;
            }
            log("FAILED: " + mismatches.size() + " committed snapshot" + (mismatches.size() == 1 ? "" : "s")
                    + " no longer match their revision (an applied revision was edited; restore it and write a "
                    + "new revision):\n" + mismatches.stream().map(Object::toString)
                    .collect(java.util.stream.Collectors.joining("\n")));
            exitStatus = 1;
        }
    }

    @Command(name = "merge", mixinStandardHelpOptions = true, description = "Write a revision that merges two or more revisions.")
    static final class Merge extends Action {

        @Option(names = {"-m", "--message"}, required = true, description = "What the merge does.")
        String message;

        @Option(names = "--branch-label", paramLabel = "LABEL", description = "A branch label for the merge revision.")
        List<String> branchLabels = List.of();

        @Option(names = "--rev-id", paramLabel = "ID", description = "Use this id instead of a fresh one.")
        String revId;

        @Parameters(arity = "1..*", paramLabel = "REVS", description = "The revisions to merge, or 'heads' for every head.")
        List<String> revisions;

        @Override
        void execute() {
            RevisionOptions options = RevisionOptions.message(message).withRevisionId(revId);
            for (String label : branchLabels) {
                options = options.withBranchLabel(label);
            }
            RevisionScript script = Commands.merge(config(), options, revisions);
            out().println("Generating " + script.path() + " ... done");
        }
    }

    @Command(name = "upgrade", mixinStandardHelpOptions = true,
            description = "Upgrade the database to TARGET: head, heads, +N, an id, label@head, ...")
    static final class Upgrade extends DatabaseAction {

        @Parameters(index = "0", paramLabel = "TARGET",
                description = "Where to go; with --sql also START:TARGET, the script starting at START.")
        String target;

        @Override
        void execute() {
            if (sql) {
                printScript(script -> Commands.upgradeSql(config(), target, script, this::progress));
            } else {
                printSteps(Commands.upgrade(config(), target, this::progress), "upgrade");
            }
        }
    }

    @Command(name = "downgrade", mixinStandardHelpOptions = true,
            description = "Downgrade the database to TARGET: base, -N, an id, label@-1, ...")
    static final class Downgrade extends DatabaseAction {

        @Parameters(index = "0", paramLabel = "TARGET",
                description = "Where to go; with --sql START:TARGET, such as head:base.")
        String target;

        @Override
        void execute() {
            if (sql) {
                printScript(script -> Commands.downgradeSql(config(), target, script, this::progress));
            } else {
                printSteps(Commands.downgrade(config(), target, this::progress), "downgrade");
            }
        }
    }

    @Command(name = "stamp", mixinStandardHelpOptions = true,
            description = "Write the version table to TARGETs without running migrations.")
    static final class Stamp extends DatabaseAction {

        @Parameters(arity = "1..*", paramLabel = "TARGET",
                description = "The revisions to record, or base; with --sql the first may be START:TARGET.")
        List<String> targets;

        @Override
        void execute() {
            if (sql) {
                printScript(script -> Commands.stampSql(config(), targets, script, this::progress));
                return;
            }
            MigrationResult result = Commands.stamp(config(), targets, this::progress);
            out().println("Stamped " + Formats.revisionsOrBase(result.headsBefore()) + " -> "
                    + Formats.revisionsOrBase(result.headsAfter()));
        }
    }

    @Command(name = "current", mixinStandardHelpOptions = true, description = "Show the database's current revisions.")
    static final class Current extends Action {
        @Override
        void execute() {
            Config config = config();
            List<String> current = Commands.current(config);
            Set<String> marks = new HashSet<>(current);
            if (root.verbose) {
                out().println("Current revision(s) for " + root.mask(config.url().orElse("")) + ":");
            }
            for (String id : current) {
                RevisionScript script = sourceScript(config, id);
                if (script == null) {
                    out().println(id);
                } else if (root.verbose) {
                    out().println(Formats.logEntry(script, marks));
                } else {
                    out().println(Formats.headOnly(script, Set.of(), true));
                }
            }
        }

        private static RevisionScript sourceScript(Config config, String id) {
            try {
                return Commands.show(config, id).stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
            } catch (CommandException | RevisionException e) {
                return null;
            }
        }
    }

    @Command(name = "heads", mixinStandardHelpOptions = true, description = "Show the heads of the revision graph.")
    static final class Heads extends Action {

        @Option(names = "--resolve-dependencies", description = "Treat dependencies as down revisions.")
        boolean resolveDependencies;

        @Override
        void execute() {
            for (RevisionScript script : Commands.heads(config(), resolveDependencies)) {
                out().println(root.verbose ? Formats.logEntry(script, Set.of()) : Formats.headOnly(script, Set.of(), false));
            }
        }
    }

    @Command(name = "branches", mixinStandardHelpOptions = true, description = "Show the branch points of the revision graph.")
    static final class Branches extends Action {
        @Override
        void execute() {
            Config config = config();
            for (RevisionScript script : Commands.branches(config)) {
                out().println(root.verbose ? Formats.logEntry(script, Set.of()) : Formats.headOnly(script, Set.of(), true));
                String indent = " ".repeat(script.id().length());
                for (String up : script.upRevisions()) {
                    RevisionScript next = Commands.show(config, up).get(0);
                    out().println(indent + " -> " + Formats.headOnly(next, Set.of(), true) + ", " + next.message());
                }
            }
        }
    }

    @Command(name = "history", mixinStandardHelpOptions = true, description = "List the revisions, newest first.")
    static final class History extends Action {

        @Option(names = {"-r", "--rev-range"}, paramLabel = "RANGE", description = "start:end, start: or :end (inclusive).")
        String range;

        @Option(names = {"-i", "--indicate-current"}, description = "Mark the database's current revisions.")
        boolean indicateCurrent;

        @Override
        void execute() {
            Config config = config();
            Set<String> current = currentIfReachable(indicateCurrent);
            for (RevisionScript script : Commands.history(config, range)) {
                out().println(root.verbose ? Formats.logEntry(script, current) : Formats.historyLine(script, current));
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a revision: id, parents, path and javadoc.")
    static final class Show extends Action {

        @Parameters(index = "0", paramLabel = "REV", description = "An id, a prefix, a label, head, heads or current.")
        String revision;

        @Override
        void execute() {
            for (RevisionScript script : Commands.show(config(), revision)) {
                out().println(Formats.logEntry(script, Set.of()));
            }
        }
    }

    @Command(name = "edit", mixinStandardHelpOptions = true, description = "Open a revision's source file in $EDITOR.")
    static final class Edit extends Action {

        @Parameters(index = "0", paramLabel = "REV", description = "An id, a prefix, a label or head.")
        String revision;

        @Override
        void execute() {
            Commands.edit(config(), revision);
        }
    }

    /** The version the build wrote into {@code version.properties}, and the Java that runs it. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws java.io.IOException {
            java.util.Properties properties = new java.util.Properties();
            try (java.io.InputStream in = RetortCommand.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            }
            return new String[] {"retort " + properties.getProperty("version", "(development build)"),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
