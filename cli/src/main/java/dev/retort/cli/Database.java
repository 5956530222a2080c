package dev.retort.cli;

import dev.retort.cli.internal.DialectNames;
import dev.retort.cli.internal.DriverDataSource;
import dev.retort.cli.internal.ParsedRevision;
import dev.retort.cli.internal.ProjectClasspath;
import dev.retort.cli.internal.Secrets;
import dev.retort.cli.internal.SourceScanner;
import dev.retort.runtime.JdbcUrls;
import dev.retort.runtime.MigrationRegistry;
import dev.retort.runtime.Migrator;
import dev.retort.runtime.OfflineSql;
import dev.retort.runtime.RevisionDefinition;
import dev.retort.runtime.dialect.Dialect;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The compiled side of a project: its class loader, the registry of the configured
 * package, and a migrator on the configured database. Close it to release the class loader.
 */
final class Database implements AutoCloseable {

    private final Config config;
    private final URLClassLoader classLoader;
    private final MigrationRegistry registry;

    private final Consumer<String> log;

    private Database(Config config, URLClassLoader classLoader, MigrationRegistry registry, Consumer<String> log) {
        this.config = config;
        this.classLoader = classLoader;
        this.registry = registry;
        this.log = log;
    }

    /** Loads the compiled registry of the configured package; an error that says how to compile when there is none. */
    static Database open(Config config, Consumer<String> log) {
        return open(config, log, false);
    }

    /**
     * As {@link #open(Config, Consumer)}; with {@code allowNoRevisions}, a package whose
     * sources hold no revision yet gets an empty registry instead of an error (autogenerate
     * writes the first revision of a project).
     */
    static Database open(Config config, Consumer<String> log, boolean allowNoRevisions) {
        String packageName = config.requirePackage();
        List<Path> entries = ProjectClasspath.expand(classpath(config, log));
        URLClassLoader loader = ProjectClasspath.classLoader(entries, Database.class.getClassLoader());
        try {
            List<MigrationRegistry> registries;
            try {
                registries = MigrationRegistry.load(loader);
            } catch (ServiceConfigurationError e) {
                throw new CommandException("Cannot load a migration registry from the classpath: " + e.getMessage()
                        + ". Recompile the project (./mvnw clean compile).", e);
            }
            MigrationRegistry registry = registries.stream()
                    .filter(r -> r.packageName().equals(packageName))
                    .findFirst()
                    .orElse(null);
            if (registry == null && allowNoRevisions
                    && new SourceScanner().scan(config.sourceDirectories(), packageName).isEmpty()) {
                registry = MigrationRegistry.of(packageName, List.of());
            }
            if (registry == null) {
                String others = registries.isEmpty() ? "" : " (found registries for "
                        + registries.stream().map(MigrationRegistry::packageName).sorted().collect(Collectors.joining(", "))
                        + " only)";
                throw new CommandException("No compiled registry for package " + packageName + " on the classpath "
                        + config.classpath() + others + ". Compile the revisions with the retort processor first: "
                        + "./mvnw compile (or set 'classpath=' in " + configName(config) + ").");
            }
            checkUpToDate(config, packageName, registry);
            return new Database(config, loader, registry, log);
        } catch (RuntimeException e) {
            closeQuietly(loader);
            throw e;
        }
    }

    /**
     * The configured classpath; the default one ({@code classpath=} unset) finds a Maven
     * project's dependencies itself (see {@link ProjectClasspath#defaultEntries}).
     */
    private static List<Path> classpath(Config config, Consumer<String> log) {
        Path base = config.baseDirectory();
        List<Path> defaults = List.of(base.resolve("target/classes").normalize(),
                base.resolve("target/dependency/*").normalize());
        if (!config.classpath().equals(defaults)) {
            return config.classpath();
        }
        try {
            return ProjectClasspath.defaultEntries(base, log);
        } catch (IllegalStateException e) {
            throw new CommandException("Cannot list the project's dependencies: " + e.getMessage() + ". Run "
                    + "'./mvnw compile dependency:copy-dependencies' (retort then reads target/dependency), or set "
                    + "'classpath=' in " + configName(config) + ".", e);
        }
    }

    /** Refuses a registry compiled from other sources than those on disk: running it would surprise. */
    private static void checkUpToDate(Config config, String packageName, MigrationRegistry registry) {
        List<ParsedRevision> sources = new SourceScanner().scan(config.sourceDirectories(), packageName);
        if (sources.isEmpty()) {
            return;
        }
        Set<String> inSources = sources.stream().map(ParsedRevision::id).collect(Collectors.toCollection(TreeSet::new));
        Set<String> compiled = registry.revisions().stream().map(RevisionDefinition::id)
                .collect(Collectors.toCollection(TreeSet::new));
        if (inSources.equals(compiled)) {
            return;
        }
        Set<String> notCompiled = new TreeSet<>(inSources);
        notCompiled.removeAll(compiled);
        Set<String> gone = new TreeSet<>(compiled);
        gone.removeAll(inSources);
        throw new CommandException("The compiled registry of " + packageName + " is out of date"
                + (notCompiled.isEmpty() ? "" : "; not compiled yet: " + String.join(", ", notCompiled))
                + (gone.isEmpty() ? "" : "; compiled but no longer in the sources: " + String.join(", ", gone))
                + ". Recompile: ./mvnw compile.");
    }

    MigrationRegistry registry() {
        return registry;
    }

    /** The project's class loader: compiled classes and jars of the configured classpath. */
    URLClassLoader classLoader() {
        return classLoader;
    }

    /** A migrator on the configured database, after checking that the driver exists and the database answers. */
    private Migrator onlineMigrator() {
        Dialect dialect = config.dialect().isPresent() ? dialect(config) : null;
        return MigratorFactory.build(registry, dataSource(), dialect, config, log);
    }

    /** A migrator on another database (a scratch one) with this project's registry and log. */
    Migrator migrator(javax.sql.DataSource dataSource, Dialect dialect, Config migratorConfig) {
        return MigratorFactory.build(registry, dataSource, dialect, migratorConfig, log);
    }

    /** The configured database, after checking that the driver exists and the database answers. */
    DriverDataSource dataSource() {
        String url = config.url().orElseThrow(() -> new CommandException("No database URL configured. Set 'url=' in "
                + configName(config) + " or pass --url."));
        return dataSource(url, "url");
    }

    /** A database of the project's drivers at {@code url}, after checking that it answers; {@code key} names where the URL came from. */
    DriverDataSource dataSource(String url, String key) {
        DriverDataSource dataSource = new DriverDataSource(url, config.user().orElse(null),
                config.password().orElse(null), classLoader);
        if (!dataSource.hasDriver()) {
            throw new CommandException(masked("No JDBC driver for " + url + " on the classpath " + config.classpath()
                    + ". The retort distribution bundles the H2, PostgreSQL, MariaDB and SQLite drivers; for "
                    + "another database add its driver to the project's dependencies, or its jar to 'classpath=' in "
                    + configName(config) + "."));
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.getMetaData();
        } catch (SQLException e) {
            String origin = config.origin(key).orElse("'" + key + "' in " + configName(config));
            throw new CommandException(masked("Cannot connect to " + url + ": " + firstLine(e.getMessage())
                    + ". Check that the database is running and that " + origin
                    + " names it, with the right user and password."), e);
        }
        return dataSource;
    }

    /**
     * The dialect of offline SQL: {@code dialect=} / {@code --dialect}, else the one the URL's
     * prefix implies. Never connects.
     */
    static Dialect dialect(Config config) {
        try {
            return DialectNames.resolve(config.dialect(), config.url(), configName(config));
        } catch (IllegalArgumentException e) {
            throw new CommandException(Secrets.mask(e.getMessage(), secrets(config)), e);
        }
    }

    /**
     * Runs {@code action} on a migrator connected to the configured database, with the
     * {@code -x} arguments and the tag visible to the revisions (see {@link #withArguments}).
     */
    <T> T online(Function<Migrator, T> action) {
        Migrator migrator = onlineMigrator();
        return withArguments(() -> action.apply(migrator));
    }

    /**
     * Runs {@code action} on the offline SQL writer of a migrator with no database that
     * writes {@code dialect} to {@code out}, with the {@code -x} arguments and the tag
     * visible to the revisions (see {@link #withArguments}).
     */
    <T> T offline(Dialect dialect, Appendable out, Function<OfflineSql, T> action) {
        OfflineSql sql = MigratorFactory.build(registry, null, dialect, config, log).sql(out);
        return withArguments(() -> action.apply(sql));
    }

    /**
     * Runs {@code action} with the {@code -x} arguments and the tag visible to the revisions
     * as system properties {@code retort.x.<key>} and {@code retort.tag}, and the project's
     * class loader as the context class loader, restoring the previous values afterwards.
     */
    <T> T withArguments(Supplier<T> action) {
        Map<String, String> properties = new HashMap<>();
        config.xArguments().forEach((k, v) -> properties.put("retort.x." + k, v));
        config.tag().ifPresent(t -> properties.put("retort.tag", t));
        Map<String, String> previous = new HashMap<>();
        List<String> absent = new ArrayList<>();
        properties.forEach((k, v) -> {
            String old = System.getProperty(k);
            if (old == null) {
                absent.add(k);
            } else {
                previous.put(k, old);
            }
            System.setProperty(k, v);
        });
        Thread thread = Thread.currentThread();
        ClassLoader contextLoader = thread.getContextClassLoader();
        thread.setContextClassLoader(classLoader);
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(contextLoader);
            absent.forEach(System::clearProperty);
            previous.forEach(System::setProperty);
        }
    }

    @Override
    public void close() {
        closeQuietly(classLoader);
    }

    /** {@code text} with the configured password and every URL secret hidden: these messages quote the URL. */
    private String masked(String text) {
        return Secrets.mask(text, secrets(config));
    }

    /** The secrets of a configuration: its password and those its URLs carry. */
    static List<String> secrets(Config config) {
        List<String> secrets = new ArrayList<>();
        config.password().ifPresent(secrets::add);
        config.url().ifPresent(u -> secrets.addAll(Secrets.inUrl(u)));
        config.shadowUrl().ifPresent(u -> secrets.addAll(Secrets.inUrl(u)));
        return secrets;
    }

    static String configName(Config config) {
        return config.file().map(Path::toString).orElse(Config.DEFAULT_FILE_NAME);
    }

    /** The driver's first line, without a final period: the message goes on after it. */
    private static String firstLine(String message) {
        String line = message == null ? "no message" : message.lines().findFirst().orElse("").strip();
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }

    private static void closeQuietly(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
