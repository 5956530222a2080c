package dev.retort.maven;

import dev.retort.cli.CommandException;
import dev.retort.cli.Config;
import dev.retort.cli.internal.Secrets;
import dev.retort.graph.RevisionException;
import dev.retort.runtime.MigrationException;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * What every goal shares: the keys of {@code retort.properties} as parameters with {@code
 * retort.*} user properties, the project's class path, and failures as one line with no
 * password in it.
 */
abstract class AbstractRetortMojo extends AbstractMojo {

    // "INFO  [retort] Running upgrade ..." as the command layer's line logger writes it.
    private static final Pattern LOG_LINE = Pattern.compile("(TRACE|DEBUG|INFO|WARN|ERROR)\\s+\\[retort[^]]*] (.*)",
            Pattern.DOTALL);

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    MojoExecution mojoExecution;

    /** Skips the goal. */
    @Parameter(property = "retort.skip", defaultValue = "false")
    boolean skip;

    /**
     * The {@code retort.properties} file to read; by default {@code retort.properties} in
     * the project's folder, when it exists. Parameters given here override its keys.
     */
    @Parameter(property = "retort.configFile")
    File configFile;

    /** The JDBC URL ({@code url}). */
    @Parameter(property = "retort.url")
    String url;

    /** The database user ({@code user}). */
    @Parameter(property = "retort.user")
    String user;

    /** The database password ({@code password}); never printed. */
    @Parameter(property = "retort.password")
    String password;

    /** The Java package of the revisions ({@code package}). */
    @Parameter(property = "retort.package", alias = "package")
    String packageName;

    /** Comma-separated source folders that hold the package ({@code source}); default the project's source folder. */
    @Parameter(property = "retort.source")
    String source;

    /** The version table ({@code version_table}); default {@code retort_version}. */
    @Parameter(property = "retort.versionTable")
    String versionTable;

    /** The version table's schema ({@code version_table_schema}); default the connection's. */
    @Parameter(property = "retort.versionTableSchema")
    String versionTableSchema;

    /** The SQL dialect ({@code dialect}: h2, postgresql, mariadb, sqlite); default from the URL or the connection. */
    @Parameter(property = "retort.dialect")
    String dialect;

    /** The target model of {@code check} and {@code revision -Dretort.autogenerate} ({@code metadata}). */
    @Parameter(property = "retort.metadata")
    String metadata;

    /** Where {@code check -Dretort.shadow} makes its scratch database ({@code shadow_url}). */
    @Parameter(property = "retort.shadowUrl")
    String shadowUrl;

    /** Whether the comparison compares column types ({@code compare_type}); default true. */
    @Parameter(property = "retort.compareType")
    Boolean compareType;

    /** Whether the comparison compares server defaults ({@code compare_server_default}); default false. */
    @Parameter(property = "retort.compareServerDefault")
    Boolean compareServerDefault;

    /**
     * Whether the comparison compares CHECK constraints, by name ({@code
     * compare_check_constraints}); default false. Leave it off when the model does not declare
     * every check the database has, as a model read from JPA entities does not.
     */
    @Parameter(property = "retort.compareCheckConstraints")
    Boolean compareCheckConstraints;

    /**
     * Comma-separated schemas (or {@code *} patterns; {@code *} alone for every one) the
     * comparison takes in besides the connection's own ({@code include_schemas}); default none.
     */
    @Parameter(property = "retort.includeSchemas")
    String includeSchemas;

    /** Comma-separated tables (or {@code *} patterns) the comparison is limited to ({@code include_tables}). */
    @Parameter(property = "retort.includeTables")
    String includeTables;

    /** Comma-separated tables (or {@code *} patterns) the comparison leaves out ({@code exclude_tables}). */
    @Parameter(property = "retort.excludeTables")
    String excludeTables;

    /** The class name of a new revision ({@code file_template}); default {@code Rev_${id}_${slug}}. */
    @Parameter(property = "retort.fileTemplate")
    String fileTemplate;

    /** The revision source template ({@code template}); default {@code retort/revision.java.tmpl}. */
    @Parameter(property = "retort.template")
    String template;

    /** A string passed to the revisions as {@code System.getProperty("retort.tag")}. */
    @Parameter(property = "retort.tag")
    String tag;

    /** Values for the revisions, each read as {@code System.getProperty("retort.x.KEY")} (the CLI's {@code -x}). */
    @Parameter
    Map<String, String> arguments;

    private String secret;
    private List<String> urls = List.of();

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping retort:" + goal() + " (retort.skip).");
            return;
        }
        if ("pom".equals(project.getPackaging())) {
            getLog().info("Skipping retort:" + goal() + ": " + project.getArtifactId() + " has pom packaging, no "
                    + "revisions of its own.");
            return;
        }
        secret = password;
        try {
            Config config = config();
            secret = config.password().orElse(password);
            urls = Arrays.asList(config.url().orElse(null), config.shadowUrl().orElse(null));
            if (config.packageName().isEmpty()) {
                throw new CommandException("No migrations package configured for " + project.getArtifactId()
                        + ". Set <packageName> in the retort-maven-plugin's <configuration>, pass -Dretort.package=…, "
                        + "or write package= in " + Config.DEFAULT_FILE_NAME + ".");
            }
            run(config);
        } catch (CommandException | RevisionException | MigrationException e) {
            // Maven prints the causes' messages after the failure's own unless it contains them:
            // the copy repeats the message, so the failure stays one line, and -e shows where.
            // The command layer advises the retort command's flags and keys: put them as parameters.
            String message = redact(MavenAdvice.rewrite(message(e)));
            throw new MojoFailureException(message, redactedCopy(message, e, false));
        } catch (RuntimeException e) {
            String message = "Unexpected " + e.getClass().getSimpleName() + ": " + redact(e.getMessage());
            throw new MojoExecutionException(message, redactedCopy(message, e, true));
        }
    }

    /** The goal's work on the assembled configuration. */
    abstract void run(Config config) throws MojoFailureException;

    /** The goal's name, for messages. */
    abstract String goal();

    /** The configuration: {@code retort.properties} if present, overridden by every parameter given. */
    Config config() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put(Config.URL, raw("url", url));
        keys.put(Config.USER, raw("user", user));
        keys.put(Config.PASSWORD, raw("password", password));
        keys.put(Config.PACKAGE, raw("packageName", packageName));
        keys.put(Config.SOURCE, raw("source", source));
        keys.put(Config.VERSION_TABLE, raw("versionTable", versionTable));
        keys.put(Config.VERSION_TABLE_SCHEMA, raw("versionTableSchema", versionTableSchema));
        keys.put(Config.DIALECT, raw("dialect", dialect));
        keys.put(Config.METADATA, raw("metadata", metadata));
        keys.put(Config.SHADOW_URL, raw("shadowUrl", shadowUrl));
        keys.put(Config.COMPARE_TYPE, compareType == null ? null : compareType.toString());
        keys.put(Config.COMPARE_SERVER_DEFAULT, compareServerDefault == null ? null : compareServerDefault.toString());
        keys.put(Config.COMPARE_CHECK_CONSTRAINTS, compareCheckConstraints == null ? null
                : compareCheckConstraints.toString());
        keys.put(Config.INCLUDE_SCHEMAS, includeSchemas);
        keys.put(Config.INCLUDE_TABLES, includeTables);
        keys.put(Config.EXCLUDE_TABLES, excludeTables);
        keys.put(Config.FILE_TEMPLATE, fileTemplate);
        keys.put(Config.TEMPLATE, template);
        Path base = project.getBasedir().toPath();
        Config config = ConfigAssembler.assemble(base, configFile == null ? null : configFile.toPath(), keys,
                Path.of(project.getBuild().getSourceDirectory()), classpath(), System::getenv);
        if (tag == null && (arguments == null || arguments.isEmpty())) {
            return config;
        }
        Config.Builder builder = config.toBuilder().tag(tag);
        if (arguments != null) {
            arguments.forEach((k, v) -> builder.xArgument(k, v == null ? "" : v));
        }
        return builder.build();
    }

    /**
     * The parameter's value; when Maven made it null because the whole value is {@code
     * ${env:NAME}}, an expression Maven does not know, the text as written, for {@link
     * ConfigAssembler} to expand as in {@code retort.properties}.
     */
    private String raw(String parameter, String value) {
        if (value != null || mojoExecution == null || mojoExecution.getConfiguration() == null) {
            return value;
        }
        Xpp3Dom child = mojoExecution.getConfiguration().getChild(parameter);
        String written = child == null ? null : child.getValue();
        return written != null && written.strip().startsWith("${env:") ? written.strip() : null;
    }

    /**
     * The project's test class path: its compiled classes and every dependency, so a JDBC
     * driver of any scope is found; the plugin's own {@code <dependencies>} add to it, as
     * the project class loader's parent.
     */
    private List<Path> classpath() {
        try {
            List<Path> out = new ArrayList<>();
            for (String element : project.getTestClasspathElements()) {
                out.add(Path.of(element));
            }
            return out;
        } catch (DependencyResolutionRequiredException e) {
            throw new IllegalStateException("The project's dependencies are not resolved: " + e.getMessage(), e);
        }
    }

    /** Hands a line of the command layer's log to Maven's log at its level, without secrets. */
    void progress(String line) {
        Matcher m = LOG_LINE.matcher(line);
        String text = redact(m.matches() ? m.group(2) : line);
        String level = m.matches() ? m.group(1) : "INFO";
        switch (level) {
            case "WARN" -> getLog().warn(text);
            case "ERROR" -> getLog().error(text);
            case "DEBUG", "TRACE" -> getLog().debug(text);
            default -> getLog().info(text);
        }
    }

    /**
     * Warns of each difference the comparison left to the author, as the command line's
     * {@code NOTE:} lines: a warning, never a failure.
     */
    void notes(List<String> notes) {
        notes.forEach(note -> getLog().warn("NOTE: " + redact(note)));
    }

    /** Prints a line of the goal's result. */
    void print(String line) {
        getLog().info(redact(line));
    }

    /**
     * {@code text} with the configured password, the secrets the configured URLs carry (which
     * a driver may echo outside any URL) and every password a JDBC URL in it carries hidden,
     * as the command line hides them.
     */
    String redact(String text) {
        List<String> secrets = new ArrayList<>();
        secrets.add(secret);
        urls.forEach(u -> secrets.addAll(Secrets.inUrl(u)));
        return Secrets.mask(text, secrets);
    }

    /** The configured URL as it may be printed. */
    String describe(Config config) {
        return config.url().map(this::redact).orElse("(no url)");
    }

    private static String message(RuntimeException e) {
        if (e instanceof MigrationException m && m.statement() != null && !m.getMessage().contains(m.statement())) {
            return m.getMessage() + " Statement: " + m.statement();
        }
        return e.getMessage();
    }

    /**
     * The failure's stack for {@code mvn -e} under {@code message}, its causes (with {@code
     * causes}) redacted too: the exceptions below a connection error may quote the URL,
     * password included.
     */
    private Throwable redactedCopy(String message, Throwable e, boolean causes) {
        Throwable cause = e.getCause();
        RedactedException copy = new RedactedException(message, causes && cause != null && cause != e
                ? redactedCopy(cause.getClass().getName() + ": " + redact(cause.getMessage()), cause, true) : null);
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }

    /** A failure as it happened, but with its message redacted. */
    private static final class RedactedException extends Exception {
        private static final long serialVersionUID = 1L;

        RedactedException(String message, Throwable cause) {
            super(message, cause);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
