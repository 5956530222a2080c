package dev.retort.cli;

import dev.retort.autogenerate.CompareOptions;
import dev.retort.cli.internal.EnvExpander;
import dev.retort.cli.internal.PropertiesFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Where a project's revisions live and which database they migrate: the equivalent of
 * Alembic's {@code Config}. Built from {@code retort.properties} with {@link #load(Path)}
 * or in code with {@link #builder(Path)}; immutable.
 *
 * <pre>{@code
 * # retort.properties (paths are relative to this file's folder)
 * url=jdbc:postgresql://localhost:5432/app
 * user=app
 * password=${env:APP_DB_PASSWORD}
 * package=com.acme.migrations
 * source=src/main/java
 * classpath=target/classes, target/dependency/*
 * version_table=retort_version
 * file_template=Rev_${id}_${slug}
 * }</pre>
 *
 * <p>Keys: {@value #URL}, {@value #USER}, {@value #PASSWORD}, {@value #PACKAGE},
 * {@value #SOURCE} (comma-separated folders, default {@code src/main/java}),
 * {@value #CLASSPATH} (comma-separated folders and jars where the compiled revisions and
 * the JDBC driver live; {@code dir/*} means every jar in {@code dir}; default
 * {@code target/classes, target/dependency/*}, which {@code ./mvnw compile
 * dependency:copy-dependencies} fills), {@value #VERSION_TABLE},
 * {@value #VERSION_TABLE_SCHEMA}, {@value #FILE_TEMPLATE} (the class name of a new
 * revision; placeholders {@code ${id}}, {@code ${slug}}, {@code ${Slug}}, {@code ${year}},
 * {@code ${month}}, {@code ${day}}, {@code ${hour}}, {@code ${minute}}, {@code ${second}}),
 * {@value #TEMPLATE} (the revision source template, default
 * {@code retort/revision.java.tmpl}), {@value #EDITOR}, {@value #METADATA} (the target model of {@code revision
 * --autogenerate} and {@code check}), {@value #SHADOW_URL} (where {@code check --shadow}
 * builds its scratch database), {@value #DIALECT} (the SQL
 * dialect of {@code --sql}: {@code h2}, {@code postgresql}, …; default: from the URL's
 * prefix), and what the comparison compares, as Alembic's {@code env.py} options:
 * {@value #COMPARE_TYPE} ({@code true} or {@code false}, default {@code true}),
 * {@value #COMPARE_SERVER_DEFAULT} (default {@code false}), {@value #COMPARE_CHECK_CONSTRAINTS}
 * (default {@code false}), {@value #INCLUDE_TABLES} and {@value #EXCLUDE_TABLES}
 * (comma-separated table names, {@code *} matching any text), {@value #INCLUDE_SCHEMAS}
 * (comma-separated schemas compared besides the connection's own, {@code *} for every one).
 * Every value may use
 * {@code ${env:NAME}} or {@code ${env:NAME:-default}}.
 */
public final class Config {

    /** The file {@code retort} reads from the working directory when {@code -c} is not given. */
    public static final String DEFAULT_FILE_NAME = "retort.properties";
    /** Key of the JDBC URL. */
    public static final String URL = "url";
    /** Key of the database user. */
    public static final String USER = "user";
    /** Key of the database password. */
    public static final String PASSWORD = "password";
    /** Key of the Java package that holds the revisions. */
    public static final String PACKAGE = "package";
    /** Key of the source folders that hold the revisions' package. */
    public static final String SOURCE = "source";
    /** Key of the classpath with the compiled revisions and the JDBC driver. */
    public static final String CLASSPATH = "classpath";
    /** Key of the version table's name. */
    public static final String VERSION_TABLE = "version_table";
    /** Key of the version table's schema. */
    public static final String VERSION_TABLE_SCHEMA = "version_table_schema";
    /** Key of the template that names a new revision's class. */
    public static final String FILE_TEMPLATE = "file_template";
    /** Key of the revision source template. */
    public static final String TEMPLATE = "template";
    /** Key of the editor command {@code retort edit} runs; default {@code $VISUAL} or {@code $EDITOR}. */
    public static final String EDITOR = "editor";
    /** Key of the SQL dialect ({@code h2}, {@code postgresql}, …); default: implied by the URL. */
    public static final String DIALECT = "dialect";
    /**
     * Key of the target model of {@code revision --autogenerate} and {@code check}: a static
     * {@code Metadata} field, {@code com.acme.model.Schema.METADATA} or {@code
     * com.acme.model.Schema#METADATA}; default {@code <package>.GeneratedSchema.METADATA}.
     */
    public static final String METADATA = "metadata";
    /**
     * Key of the JDBC URL where {@code check --shadow} makes its scratch schema or database;
     * default: an in-memory H2 database for H2, a temporary file for SQLite, the configured
     * server otherwise.
     */
    public static final String SHADOW_URL = "shadow_url";
    /** Key of whether the comparison compares column types ({@code true} or {@code false}; default {@code true}). */
    public static final String COMPARE_TYPE = "compare_type";
    /**
     * Key of whether the comparison compares server defaults ({@code true} or {@code false};
     * default {@code false}, as Alembic: databases rewrite defaults, so some only look different).
     */
    public static final String COMPARE_SERVER_DEFAULT = "compare_server_default";
    /**
     * Key of whether the comparison compares CHECK constraints, by name ({@code true} or
     * {@code false}; default {@code false}, as Alembic: a model read from JPA entities lacks
     * the checks Hibernate and hand-written migrations create).
     */
    public static final String COMPARE_CHECK_CONSTRAINTS = "compare_check_constraints";
    /** Key of the only tables compared: comma-separated names or patterns ({@code *} matches any text); default every table. */
    public static final String INCLUDE_TABLES = "include_tables";
    /** Key of the tables the comparison leaves out: comma-separated names or patterns ({@code *} matches any text). */
    public static final String EXCLUDE_TABLES = "exclude_tables";
    /**
     * Key of the schemas compared besides the connection's current one, as Alembic's {@code
     * include_schemas}: comma-separated names or patterns ({@code *} matches any text, so
     * {@code *} alone takes in every schema but the database's catalogue); default none.
     */
    public static final String INCLUDE_SCHEMAS = "include_schemas";

    /** The default version table, as Alembic's {@code alembic_version}. */
    public static final String DEFAULT_VERSION_TABLE = "retort_version";
    /** The default class name template. */
    public static final String DEFAULT_FILE_TEMPLATE = "Rev_${id}_${slug}";
    /** The default revision template, relative to the base directory. */
    public static final String DEFAULT_TEMPLATE = "retort/revision.java.tmpl";

    private static final Set<String> KEYS = Set.of(URL, USER, PASSWORD, PACKAGE, SOURCE, CLASSPATH,
            VERSION_TABLE, VERSION_TABLE_SCHEMA, FILE_TEMPLATE, TEMPLATE, EDITOR, DIALECT, METADATA, SHADOW_URL,
            COMPARE_TYPE, COMPARE_SERVER_DEFAULT, COMPARE_CHECK_CONSTRAINTS, INCLUDE_TABLES, EXCLUDE_TABLES,
            INCLUDE_SCHEMAS);

    private final Path baseDirectory;
    private final Path file;
    private final String url;
    private final String user;
    private final String password;
    private final String packageName;
    private final List<Path> sourceDirectories;
    private final List<Path> classpath;
    private final String versionTable;
    private final String versionTableSchema;
    private final String fileTemplate;
    private final Path template;
    private final String editor;
    private final String dialect;
    private final String metadata;
    private final String shadowUrl;
    private final boolean compareType;
    private final boolean compareServerDefault;
    private final boolean compareCheckConstraints;
    private final List<String> includeTables;
    private final List<String> excludeTables;
    private final List<String> includeSchemas;
    private final Map<String, String> xArguments;
    private final String tag;
    private final Map<String, String> origins;

    private Config(Builder b) {
        this.baseDirectory = b.baseDirectory;
        this.file = b.file;
        this.url = b.url;
        this.user = b.user;
        this.password = b.password;
        this.packageName = b.packageName;
        this.sourceDirectories = b.sourceDirectories.isEmpty()
                ? List.of(b.baseDirectory.resolve("src/main/java").normalize())
                : List.copyOf(b.sourceDirectories);
        this.classpath = b.classpath.isEmpty()
                ? List.of(b.baseDirectory.resolve("target/classes").normalize(),
                        b.baseDirectory.resolve("target/dependency/*").normalize())
                : List.copyOf(b.classpath);
        this.versionTable = b.versionTable;
        this.versionTableSchema = b.versionTableSchema;
        this.fileTemplate = b.fileTemplate;
        this.template = b.template == null ? b.baseDirectory.resolve(DEFAULT_TEMPLATE).normalize() : b.template;
        this.editor = b.editor;
        this.dialect = b.dialect;
        this.metadata = b.metadata;
        this.shadowUrl = b.shadowUrl;
        this.compareType = b.compareType;
        this.compareServerDefault = b.compareServerDefault;
        this.compareCheckConstraints = b.compareCheckConstraints;
        this.includeTables = List.copyOf(b.includeTables);
        this.excludeTables = List.copyOf(b.excludeTables);
        this.includeSchemas = List.copyOf(b.includeSchemas);
        this.xArguments = Collections.unmodifiableMap(new LinkedHashMap<>(b.xArguments));
        this.tag = b.tag;
        this.origins = Map.copyOf(b.origins);
    }

    /**
     * Reads a {@code retort.properties} file, expanding {@code ${env:NAME}} from the
     * process environment. Relative paths are taken from the file's folder.
     *
     * @throws CommandException when the file is missing or unreadable, is not UTF-8, has a
     *                          malformed &#92;u escape or an unknown key, or names an
     *                          environment variable that is not set or in a reference left unclosed
     */
    public static Config load(Path file) {
        return load(file, System::getenv);
    }

    /** As {@link #load(Path)}, looking environment variables up with {@code environment}. */
    public static Config load(Path file, Function<String, String> environment) {
        Path absolute = file.toAbsolutePath().normalize();
        Properties properties = PropertiesFile.read(absolute);
        Set<String> unknown = new TreeSet<>(properties.stringPropertyNames());
        unknown.removeAll(KEYS);
        if (!unknown.isEmpty()) {
            throw new CommandException("Unknown key(s) " + unknown + " in " + absolute + ". Known keys: "
                    + new TreeSet<>(KEYS) + ".");
        }
        Builder builder = builder(absolute.getParent());
        builder.file = absolute;
        for (String key : properties.stringPropertyNames()) {
            String raw = properties.getProperty(key).strip();
            String where = "key '" + key + "' in " + absolute;
            String value;
            try {
                value = EnvExpander.expand(raw, environment, where);
            } catch (IllegalArgumentException e) {
                throw new CommandException(e.getMessage(), e);
            }
            builder.set(key, value, where);
        }
        return builder.build();
    }

    /** Starts a configuration whose relative paths are taken from {@code baseDirectory}. */
    public static Builder builder(Path baseDirectory) {
        return new Builder(baseDirectory);
    }

    /** A builder that starts from this configuration, to override some values. */
    public Builder toBuilder() {
        Builder b = new Builder(baseDirectory);
        b.file = file;
        b.url = url;
        b.user = user;
        b.password = password;
        b.packageName = packageName;
        b.sourceDirectories.addAll(sourceDirectories);
        b.classpath.addAll(classpath);
        b.versionTable = versionTable;
        b.versionTableSchema = versionTableSchema;
        b.fileTemplate = fileTemplate;
        b.template = template;
        b.editor = editor;
        b.dialect = dialect;
        b.metadata = metadata;
        b.shadowUrl = shadowUrl;
        b.compareType = compareType;
        b.compareServerDefault = compareServerDefault;
        b.compareCheckConstraints = compareCheckConstraints;
        b.includeTables.addAll(includeTables);
        b.excludeTables.addAll(excludeTables);
        b.includeSchemas.addAll(includeSchemas);
        b.xArguments.putAll(xArguments);
        b.tag = tag;
        b.origins.putAll(origins);
        return b;
    }

    /** The folder relative paths are resolved against: the configuration file's folder. */
    public Path baseDirectory() {
        return baseDirectory;
    }

    /** The file this configuration was read from, if any. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** The JDBC URL, if configured. */
    public Optional<String> url() {
        return Optional.ofNullable(url);
    }

    /**
     * Where the value of {@code key} came from when not from the file, such as {@code --url}:
     * an error about that value blames what the user typed. Empty for values from the file.
     */
    public Optional<String> origin(String key) {
        return Optional.ofNullable(origins.get(key));
    }

    /** The database user, if configured. */
    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    /** The database password, if configured. */
    public Optional<String> password() {
        return Optional.ofNullable(password);
    }

    /** The Java package of the revisions, if configured. */
    public Optional<String> packageName() {
        return Optional.ofNullable(packageName);
    }

    /** The source folders (absolute) whose {@link #packageName()} folder holds the revisions; the first is where new revisions go. */
    public List<Path> sourceDirectories() {
        return sourceDirectories;
    }

    /** Classpath entries (absolute): folders, jars, and {@code dir/*} for every jar in a folder. */
    public List<Path> classpath() {
        return classpath;
    }

    /** The version table's name. */
    public String versionTable() {
        return versionTable;
    }

    /** The version table's schema, if not the connection's default. */
    public Optional<String> versionTableSchema() {
        return Optional.ofNullable(versionTableSchema);
    }

    /** The template of a new revision's class name, such as {@code Rev_${id}_${slug}}. */
    public String fileTemplate() {
        return fileTemplate;
    }

    /** The revision source template file (absolute). */
    public Path template() {
        return template;
    }

    /** The editor command for {@code retort edit}, if configured (otherwise {@code $VISUAL}, then {@code $EDITOR}). */
    public Optional<String> editor() {
        return Optional.ofNullable(editor);
    }

    /**
     * The SQL dialect named by {@code dialect=} or {@code --dialect}, if any: {@code h2},
     * {@code postgresql}, …. Offline SQL ({@code --sql}) uses it, or when it is absent the
     * dialect the {@link #url()} prefix implies ({@code jdbc:h2:}, {@code jdbc:postgresql:},
     * …) without connecting. Online commands use it instead of detecting the dialect from
     * the connection.
     */
    public Optional<String> dialect() {
        return Optional.ofNullable(dialect);
    }

    /**
     * The target model of {@code revision --autogenerate} and {@code check}, if configured:
     * a static field holding a {@code dev.retort.runtime.schema.Metadata}, written {@code
     * com.acme.model.Schema.METADATA} or {@code com.acme.model.Schema#METADATA}. When absent
     * the commands use {@code <package>.GeneratedSchema.METADATA}, which the processor
     * generates from JPA entities.
     */
    public Optional<String> metadata() {
        return Optional.ofNullable(metadata);
    }

    /**
     * Where {@code check --shadow} makes its scratch schema or database, if not the
     * default: an in-memory H2 database for H2, a temporary file for SQLite, a throw-away
     * schema (PostgreSQL, H2) or database (MariaDB) on the configured server otherwise.
     */
    public Optional<String> shadowUrl() {
        return Optional.ofNullable(shadowUrl);
    }

    /** Whether {@code revision --autogenerate} and {@code check} compare column types ({@value #COMPARE_TYPE}; default true). */
    public boolean compareType() {
        return compareType;
    }

    /**
     * Whether {@code revision --autogenerate} and {@code check} compare server defaults
     * ({@value #COMPARE_SERVER_DEFAULT}; default false, as Alembic's {@code compare_server_default}).
     */
    public boolean compareServerDefault() {
        return compareServerDefault;
    }

    /** Whether CHECK constraints are compared ({@value #COMPARE_CHECK_CONSTRAINTS}; default false). */
    public boolean compareCheckConstraints() {
        return compareCheckConstraints;
    }

    /** The only tables compared, names or {@code *} patterns ({@value #INCLUDE_TABLES}); empty for every table. */
    public List<String> includeTables() {
        return includeTables;
    }

    /** The tables the comparison leaves out, names or {@code *} patterns ({@value #EXCLUDE_TABLES}). */
    public List<String> excludeTables() {
        return excludeTables;
    }

    /**
     * The schemas compared besides the connection's current one, names or {@code *} patterns
     * ({@value #INCLUDE_SCHEMAS}); empty for the current schema only.
     */
    public List<String> includeSchemas() {
        return includeSchemas;
    }

    /**
     * What {@code revision --autogenerate} and {@code check} compare, from {@link
     * #compareType()}, {@link #compareServerDefault()}, {@link #compareCheckConstraints()},
     * {@link #includeTables()}, {@link #excludeTables()} and {@link #includeSchemas()}: the
     * options {@link Commands} uses when it is given none. The version table and the dialect
     * are set by the commands themselves.
     */
    public CompareOptions compareOptions() {
        CompareOptions options = CompareOptions.defaults().compareTypes(compareType)
                .compareServerDefaults(compareServerDefault).compareCheckConstraints(compareCheckConstraints);
        if (!includeTables.isEmpty()) {
            options = options.includeTables(includeTables.toArray(String[]::new));
        }
        if (!excludeTables.isEmpty()) {
            options = options.excludeTables(excludeTables.toArray(String[]::new));
        }
        if (!includeSchemas.isEmpty()) {
            options = options.includeSchemas(includeSchemas.toArray(String[]::new));
        }
        return options;
    }

    /**
     * The {@code -x key=value} arguments. While a database command runs, each is also
     * visible to the revisions as the system property {@code retort.x.<key>}.
     */
    public Map<String, String> xArguments() {
        return xArguments;
    }

    /**
     * The {@code --tag} of a database command, if any. Retort does not interpret it;
     * while the command runs it is visible to the revisions as the system property
     * {@code retort.tag}, as Alembic passes {@code tag} to {@code env.py}.
     */
    public Optional<String> tag() {
        return Optional.ofNullable(tag);
    }

    /** The configured package, or a {@link CommandException} that says how to set it. */
    String requirePackage() {
        if (packageName == null || packageName.isBlank()) {
            throw new CommandException("No migrations package configured. Set '" + PACKAGE + "=' in "
                    + (file == null ? DEFAULT_FILE_NAME : file.toString()) + " or pass --package.");
        }
        return packageName;
    }

    /** Options of a {@link Config}; every setter returns the builder. */
    public static final class Builder {
        private final Path baseDirectory;
        private Path file;
        private String url;
        private String user;
        private String password;
        private String packageName;
        private final List<Path> sourceDirectories = new ArrayList<>();
        private final List<Path> classpath = new ArrayList<>();
        private String versionTable = DEFAULT_VERSION_TABLE;
        private String versionTableSchema;
        private String fileTemplate = DEFAULT_FILE_TEMPLATE;
        private Path template;
        private String editor;
        private String dialect;
        private String metadata;
        private String shadowUrl;
        private boolean compareType = true;
        private boolean compareServerDefault;
        private boolean compareCheckConstraints;
        private final List<String> includeTables = new ArrayList<>();
        private final List<String> excludeTables = new ArrayList<>();
        private final List<String> includeSchemas = new ArrayList<>();
        private final Map<String, String> xArguments = new LinkedHashMap<>();
        private String tag;
        private final Map<String, String> origins = new java.util.HashMap<>();

        private Builder(Path baseDirectory) {
            this.baseDirectory = baseDirectory.toAbsolutePath().normalize();
        }

        /**
         * Sets one {@code retort.properties} key from its text value (lists are comma-separated).
         *
         * @throws CommandException when the key is unknown or its value is not one it takes
         */
        public Builder set(String key, String value) {
            return set(key, value, "key '" + key + "'");
        }

        /**
         * As {@link #set(String, String)}, first expanding {@code ${env:NAME}} and {@code
         * ${env:NAME:-default}} in {@code value} as {@link #load(Path)} does: for tools that take
         * the keys from elsewhere than a file, such as the Maven plugin's parameters.
         *
         * @param environment looks a variable up; returns {@code null} when it is not set
         * @throws CommandException when a variable without default is not set, or as {@link #set(String, String)}
         */
        public Builder set(String key, String value, Function<String, String> environment) {
            String where = "key '" + key + "'";
            try {
                return set(key, EnvExpander.expand(value, environment, where), where);
            } catch (IllegalArgumentException e) {
                throw new CommandException(e.getMessage(), e);
            }
        }

        /** As {@link #set(String, String)}; {@code where} names the key (and file) in an error. */
        Builder set(String key, String value, String where) {
            switch (key) {
                case URL -> url(value);
                case USER -> user(value);
                case PASSWORD -> password(value);
                case PACKAGE -> packageName(value);
                case SOURCE -> sourceDirectories(split(value).stream().map(Path::of).toList());
                case CLASSPATH -> classpath(split(value).stream().map(Path::of).toList());
                case VERSION_TABLE -> versionTable(value);
                case VERSION_TABLE_SCHEMA -> versionTableSchema(value.isEmpty() ? null : value);
                case FILE_TEMPLATE -> fileTemplate(value);
                case TEMPLATE -> template(Path.of(value));
                case EDITOR -> editor(value.isEmpty() ? null : value);
                case DIALECT -> dialect(value);
                case METADATA -> metadata(value);
                case SHADOW_URL -> shadowUrl(value);
                case COMPARE_TYPE -> compareType(bool(value, where));
                case COMPARE_SERVER_DEFAULT -> compareServerDefault(bool(value, where));
                case COMPARE_CHECK_CONSTRAINTS -> compareCheckConstraints(bool(value, where));
                case INCLUDE_TABLES -> includeTables(tableNames(value));
                case EXCLUDE_TABLES -> excludeTables(tableNames(value));
                case INCLUDE_SCHEMAS -> includeSchemas(tableNames(value));
                default -> throw new CommandException("Unknown configuration key '" + key + "'. Known keys: "
                        + new TreeSet<>(KEYS) + ".");
            }
            return this;
        }

        /** The JDBC URL. */
        public Builder url(String url) {
            this.url = emptyToNull(url);
            origins.remove(URL);
            return this;
        }

        /** Records that the value of {@code key} came from {@code origin} (such as {@code --url}), for messages. */
        public Builder origin(String key, String origin) {
            origins.put(key, origin);
            return this;
        }

        /** The database user. */
        public Builder user(String user) {
            this.user = emptyToNull(user);
            return this;
        }

        /** The database password. */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /** The Java package of the revisions, such as {@code com.acme.migrations}. */
        public Builder packageName(String packageName) {
            this.packageName = emptyToNull(packageName);
            return this;
        }

        /** The source folders (relative to the base directory or absolute); replaces the default {@code src/main/java}. */
        public Builder sourceDirectories(List<Path> directories) {
            sourceDirectories.clear();
            directories.forEach(d -> sourceDirectories.add(resolve(d)));
            return this;
        }

        /** The classpath entries (relative or absolute; {@code dir/*} for every jar); replaces the default. */
        public Builder classpath(List<Path> entries) {
            classpath.clear();
            entries.forEach(e -> classpath.add(resolve(e)));
            return this;
        }

        /** The version table's name; default {@value Config#DEFAULT_VERSION_TABLE}. */
        public Builder versionTable(String versionTable) {
            this.versionTable = Objects.requireNonNull(versionTable, "versionTable");
            return this;
        }

        /** The version table's schema, or {@code null} for the connection's default. */
        public Builder versionTableSchema(String schema) {
            this.versionTableSchema = emptyToNull(schema);
            return this;
        }

        /** The class name template; default {@value Config#DEFAULT_FILE_TEMPLATE}. */
        public Builder fileTemplate(String fileTemplate) {
            this.fileTemplate = Objects.requireNonNull(fileTemplate, "fileTemplate");
            return this;
        }

        /** The revision source template file. */
        public Builder template(Path template) {
            this.template = resolve(template);
            return this;
        }

        /** The editor command of {@code retort edit}. */
        public Builder editor(String editor) {
            this.editor = emptyToNull(editor);
            return this;
        }

        /** The SQL dialect's name ({@code h2}, {@code postgresql}, …), or {@code null} to imply it from the URL. */
        public Builder dialect(String dialect) {
            this.dialect = emptyToNull(dialect);
            return this;
        }

        /** The target model's static field ({@code com.acme.model.Schema.METADATA}), or {@code null} for the default. */
        public Builder metadata(String metadata) {
            this.metadata = emptyToNull(metadata);
            return this;
        }

        /** The JDBC URL where {@code check --shadow} makes its scratch database, or {@code null} for the default. */
        public Builder shadowUrl(String shadowUrl) {
            this.shadowUrl = emptyToNull(shadowUrl);
            return this;
        }

        /** Whether column types are compared; default true. */
        public Builder compareType(boolean compare) {
            this.compareType = compare;
            return this;
        }

        /** Whether CHECK constraints are compared; default false. */
        public Builder compareCheckConstraints(boolean compare) {
            this.compareCheckConstraints = compare;
            return this;
        }

        /** Whether server defaults are compared; default false. */
        public Builder compareServerDefault(boolean compare) {
            this.compareServerDefault = compare;
            return this;
        }

        /** The only tables compared (names or {@code *} patterns); empty for every table. Replaces the previous list. */
        public Builder includeTables(List<String> names) {
            includeTables.clear();
            names.forEach(n -> includeTables.add(Objects.requireNonNull(n, "table name")));
            return this;
        }

        /** The tables left out of the comparison (names or {@code *} patterns). Replaces the previous list. */
        public Builder excludeTables(List<String> names) {
            excludeTables.clear();
            names.forEach(n -> excludeTables.add(Objects.requireNonNull(n, "table name")));
            return this;
        }

        /**
         * The schemas compared besides the connection's current one (names or {@code *}
         * patterns); empty for the current schema only. Replaces the previous list.
         */
        public Builder includeSchemas(List<String> names) {
            includeSchemas.clear();
            names.forEach(n -> includeSchemas.add(Objects.requireNonNull(n, "schema name")));
            return this;
        }

        /** Adds one {@code -x key=value} argument. */
        public Builder xArgument(String key, String value) {
            xArguments.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** The {@code --tag} passed to the revisions, or {@code null}. */
        public Builder tag(String tag) {
            this.tag = emptyToNull(tag);
            return this;
        }

        /** The configuration. */
        public Config build() {
            return new Config(this);
        }

        private Path resolve(Path path) {
            return baseDirectory.resolve(path).normalize();
        }

        private static String emptyToNull(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }

        private static boolean bool(String value, String where) {
            if (value.equalsIgnoreCase("true")) {
                return true;
            }
            if (value.equalsIgnoreCase("false")) {
                return false;
            }
            throw new CommandException("Invalid value '" + value + "' for " + where + ". Write true or false.");
        }

        /** Comma-separated table or schema names or patterns; only commas separate, not the path separator as in path lists. */
        private static List<String> tableNames(String value) {
            return Arrays.stream(value.split(",")).map(String::strip).filter(n -> !n.isEmpty()).toList();
        }

        private static List<String> split(String value) {
            return Arrays.stream(value.split("[," + java.io.File.pathSeparator + "]"))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .toList();
        }
    }
}
