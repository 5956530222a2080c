package dev.retort.cli;

import dev.retort.autogenerate.Change;
import dev.retort.autogenerate.CompareOptions;
import dev.retort.autogenerate.Comparison;
import dev.retort.autogenerate.JavaRenderer;
import dev.retort.cli.internal.BuiltinTemplates;
import dev.retort.cli.internal.Names;
import dev.retort.cli.internal.ParsedRevision;
import dev.retort.cli.internal.RevisionBodies;
import dev.retort.cli.internal.SourceScanner;
import dev.retort.cli.internal.TemplateRenderer;
import dev.retort.graph.GraphProblem;
import dev.retort.graph.MultipleHeadsException;
import dev.retort.graph.RevisionGraph;
import dev.retort.graph.RevisionNode;
import dev.retort.runtime.JdbcUrls;
import dev.retort.runtime.MigrationResult;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.schema.Metadata;
import dev.retort.autogenerate.snapshot.SchemaSnapshots;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Every {@code retort} command as a plain Java call, as Alembic's {@code alembic.command}:
 * build tools and tests call these; the command line only parses arguments and prints
 * what they return.
 *
 * <pre>{@code
 * Config config = Config.load(Path.of("retort.properties"));
 * Commands.revision(config, "create account table");
 * // ... compile ...
 * Commands.upgrade(config, "head");
 * Commands.downgrade(config, "-1");
 * }</pre>
 *
 * <p>Source-side commands ({@link #revision}, {@link #merge}, {@link #heads},
 * {@link #branches}, {@link #history}, {@link #show}, {@link #edit}) read the revisions
 * from the source files with a Java parser and need no compilation. Database commands
 * ({@link #upgrade}, {@link #downgrade}, {@link #stamp}, {@link #current}) load the
 * compiled registry from the configured classpath; their offline forms ({@link
 * #upgradeSql}, {@link #downgradeSql}, {@link #stampSql}) write the SQL to an
 * {@link Appendable} instead, touching no database. Every failure is a {@link
 * CommandException}, or a {@link dev.retort.graph.RevisionException} /
 * {@link dev.retort.runtime.MigrationException} from the graph and the migrator, whose
 * message says what to do.
 */
public final class Commands {

    private static final DateTimeFormatter CREATE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** Where {@link #init} puts the development database: outside target/, which 'mvn clean' deletes. */
    private static final String DEVELOPMENT_DATABASE_FOLDER = "db";

    private Commands() {
    }

    // ---------------------------------------------------------------- init

    /**
     * Creates a Retort set-up in {@code directory}: {@code retort.properties}, the
     * migrations package folder under {@code src/main/java}, and the revision template
     * {@code retort/revision.java.tmpl} copied from the built-in template {@code template}, and
     * {@code db/.gitignore} for the development H2 database the default {@code url} names
     * ({@code db/dev}, outside {@code target/}). Refuses to overwrite an existing set-up.
     *
     * @param directory   the project folder; created if missing
     * @param packageName the Java package of the revisions, such as {@code com.acme.migrations}
     * @param template    a name from {@link #listTemplates()}, or {@code null} for {@code generic}
     * @return the files and folders created
     */
    public static List<Path> init(Path directory, String packageName, String template) {
        Path dir = directory.toAbsolutePath().normalize();
        if (!Names.isPackageName(packageName)) {
            throw new CommandException("'" + packageName + "' is not a Java package name. Pass --package like "
                    + "com.acme.migrations.");
        }
        String templateText = BuiltinTemplates.text(template == null ? BuiltinTemplates.DEFAULT : template);
        Path properties = dir.resolve(Config.DEFAULT_FILE_NAME);
        Path templateFile = dir.resolve(Config.DEFAULT_TEMPLATE);
        for (Path existing : List.of(properties, templateFile)) {
            if (Files.exists(existing)) {
                throw new CommandException(existing + " already exists: " + dir + " is already set up. Edit it, or "
                        + "run init in another folder.");
            }
        }
        Path packageFolder = SourceScanner.packageFolder(dir.resolve("src/main/java"), packageName);
        List<Path> created = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            Files.writeString(properties, defaultProperties(packageName), StandardCharsets.UTF_8);
            created.add(properties);
            if (!Files.isDirectory(packageFolder)) {
                Files.createDirectories(packageFolder);
                created.add(packageFolder);
            }
            Files.createDirectories(templateFile.getParent());
            Files.writeString(templateFile, templateText, StandardCharsets.UTF_8);
            created.add(templateFile);
            // The development database's folder ignores itself, so no database file is ever committed.
            Path ignore = dir.resolve(DEVELOPMENT_DATABASE_FOLDER).resolve(".gitignore");
            if (!Files.exists(ignore)) {
                Files.createDirectories(ignore.getParent());
                Files.writeString(ignore, "# The development database that retort.properties' url names.\n*\n",
                        StandardCharsets.UTF_8);
                created.add(ignore);
            }
        } catch (IOException e) {
            throw new CommandException("Cannot write in " + dir + ": " + e.getMessage(), e);
        }
        return created;
    }

    private static String defaultProperties(String packageName) {
        return """
                # Retort configuration. Relative paths are relative to this file's folder.
                # Values may use ${env:NAME} or ${env:NAME:-default} for secrets and per-machine settings.

                # The database: any JDBC URL. retort bundles the H2, PostgreSQL, MariaDB and SQLite drivers.
                # The development database lives in db/ (relative to the folder retort runs in), outside
                # target/ so that 'mvn clean' keeps it; db/.gitignore keeps it out of version control.
                url=jdbc:h2:file:./db/dev
                user=sa
                password=${env:RETORT_DB_PASSWORD:-}

                # Where the revisions are: the Java package and the source folders that hold it.
                package=%s
                source=src/main/java

                # Where the compiled revisions and the project's dependencies are, comma-separated; dir/* means
                # every jar in dir. By default target/classes and, in a Maven project, the dependencies that
                # 'mvnw dependency:build-classpath' lists (run once, cached in target/retort-classpath.txt),
                # or target/dependency/* when that folder exists. Run './mvnw compile' before 'retort upgrade'.
                # classpath=target/classes, target/dependency/*

                # The SQL dialect (h2, postgresql, mariadb, mysql, sqlite); by default the url's.
                # dialect=

                # The table that records the database's current revisions.
                version_table=retort_version
                # version_table_schema=

                # The class name of a new revision: ${id}, ${slug}, ${Slug}, ${year}, ${month}, ${day}, ...
                file_template=Rev_${id}_${slug}
                # The source template of a new revision (edit it to change what 'retort revision' writes).
                template=retort/revision.java.tmpl
                """.formatted(packageName);
    }

    /** The built-in revision templates, {@code generic} first. */
    public static List<TemplateInfo> listTemplates() {
        return BuiltinTemplates.descriptions().entrySet().stream()
                .map(e -> new TemplateInfo(e.getKey(), e.getValue()))
                .toList();
    }

    // ---------------------------------------------------------------- revision and merge

    /** Writes a new revision on the current head with {@code message}; see {@link #revision(Config, RevisionOptions)}. */
    public static RevisionScript revision(Config config, String message) {
        return revision(config, RevisionOptions.message(message));
    }

    /**
     * Writes a new revision source file: a fresh 12-hex-digit id (or {@link
     * RevisionOptions#revisionId()}), {@code downRevision} set to the resolved
     * {@link RevisionOptions#head()}, the message, the creation date and a javadoc link
     * to its parent, from the configured template. Works from the sources alone.
     *
     * @return the revision written, with its path
     * @throws CommandException when the head is ambiguous (several heads), not a head
     *                          without {@code splice}, or the class name or id is invalid or taken
     */
    public static RevisionScript revision(Config config, RevisionOptions options) {
        SourceGraph source = SourceGraph.read(config);
        List<String> parents = parentOf(source, options.head(), options.splice());
        return write(config, source, options, parents, null);
    }

    /** As {@link #revisionAutogenerate(Config, RevisionOptions)} with a revision on the current head. */
    public static AutogeneratedRevision revisionAutogenerate(Config config, String message) {
        return revisionAutogenerate(config, RevisionOptions.message(message));
    }

    /**
     * As {@link #revisionAutogenerate(Config, RevisionOptions, CompareOptions, Consumer)} with
     * the configuration's comparison ({@link Config#compareOptions()}).
     */
    public static AutogeneratedRevision revisionAutogenerate(Config config, RevisionOptions options) {
        return revisionAutogenerate(config, options, config.compareOptions(), null);
    }

    /**
     * {@code retort revision --autogenerate}: compares the target model ({@link
     * Config#metadata()}) with the configured database, which must be at the head of the
     * revisions, and writes a new revision as {@link #revision(Config, RevisionOptions)}
     * does (same id, class name and template), whose {@code upgrade} and {@code downgrade}
     * bodies hold the operations found and their reverse, as {@link
     * JavaRenderer#revision} renders them. When nothing differs, the revision is written
     * anyway with empty bodies, as Alembic does.
     *
     * @param compare what to compare, in place of the configuration's {@code compare_type},
     *                {@code include_tables}, … (start from {@link Config#compareOptions()} to
     *                keep them); its version table is set to the configured one
     * @param log     where the migrator's lines go, or {@code null} for its {@code System.Logger}
     * @throws CommandException when the database is not at head ("Target database is not
     *                          up to date"), the model cannot be loaded, or as {@link
     *                          #revision(Config, RevisionOptions)}
     */
    public static AutogeneratedRevision revisionAutogenerate(Config config, RevisionOptions options,
            CompareOptions compare, Consumer<String> log) {
        Database.dialect(config); // a database Retort cannot introspect fails here, before anything is created
        SourceGraph source = SourceGraph.read(config);
        List<String> parents = parentOf(source, options.head(), options.splice());
        Comparison comparison;
        try (Database database = Database.open(config, log, true)) {
            Autogenerate.requireAtHead(config, database, source, "retort revision --autogenerate");
            Metadata model = Autogenerate.model(config, database);
            comparison = Autogenerate.compareConfigured(config, database, model, compare);
        }
        List<Change> changes = comparison.changes();
        return new AutogeneratedRevision(write(config, source, options, parents, changes), changes,
                comparison.notes());
    }

    // ---------------------------------------------------------------- check

    /**
     * As {@link #check(Config, boolean, CompareOptions, Consumer)} with the configuration's
     * comparison ({@link Config#compareOptions()}).
     */
    public static CheckResult check(Config config, boolean shadow) {
        return check(config, shadow, config.compareOptions(), null);
    }

    /**
     * {@code retort check}: the differences between the target model ({@link
     * Config#metadata()}) and the configured database, which must be at the head of the
     * revisions; an empty result when they match ("No new upgrade operations detected.").
     *
     * <p>With {@code shadow}, the configured database is not compared: a scratch database
     * is made (see {@link Config#shadowUrl()}), every revision is applied to it from base,
     * it is compared with the model and dropped, so a model change without a revision is
     * caught with no shared database.
     *
     * @param compare what to compare, in place of the configuration's {@code compare_type},
     *                {@code include_tables}, … (start from {@link Config#compareOptions()} to
     *                keep them); its version table is set to the configured one
     * @param log     where the migrator's lines go (the shadow upgrade), or {@code null}
     * @throws CommandException when the configured database is not at head (without
     *                          {@code shadow}), or the model or the database cannot be read
     */
    public static CheckResult check(Config config, boolean shadow, CompareOptions compare, Consumer<String> log) {
        Database.dialect(config); // a database Retort cannot introspect fails here, before anything is created
        SourceGraph source = SourceGraph.read(config);
        try (Database database = Database.open(config, log, true)) {
            Metadata model = Autogenerate.model(config, database);
            if (shadow) {
                return Autogenerate.compareShadow(config, database, model, compare);
            }
            List<String> heads = Autogenerate.requireAtHead(config, database, source, "retort check");
            Comparison comparison = Autogenerate.compareConfigured(config, database, model, compare);
            return new CheckResult(comparison.changes(), comparison.notes(), heads,
                    JdbcUrls.redact(config.url().orElse("")));
        }
    }

    // ---------------------------------------------------------------- snapshot

    /**
     * {@code retort snapshot}: writes the schema at each revision to {@code <directory>/<id>.json}
     * (see {@link SchemaSnapshots}), applying every revision to a scratch database made beside
     * the configured one, as {@code check --shadow} does; returns the files whose content changed.
     */
    public static List<Path> snapshot(Config config, Path directory, Consumer<String> log) {
        return Snapshots.write(config, directory, log);
    }

    /**
     * {@code retort snapshot --check}: the committed snapshots under {@code directory} that
     * their revision no longer produces (an applied revision was edited); empty when all match.
     */
    public static List<SchemaSnapshots.Mismatch> snapshotCheck(Config config, Path directory, Consumer<String> log) {
        return Snapshots.verify(config, directory, log);
    }

    /**
     * Writes a merge revision whose {@code downRevision} lists {@code revisions} (ids,
     * prefixes, labels, or {@code heads} for every head).
     */
    public static RevisionScript merge(Config config, String message, List<String> revisions) {
        return merge(config, RevisionOptions.message(message), revisions);
    }

    /** As {@link #merge(Config, String, List)}, with the branch labels and id of {@code options}. */
    public static RevisionScript merge(Config config, RevisionOptions options, List<String> revisions) {
        SourceGraph source = SourceGraph.read(config);
        Set<String> parents = new LinkedHashSet<>();
        for (String revision : revisions.isEmpty() ? List.of("heads") : revisions) {
            parents.addAll(source.graph().resolve(revision, List.of()));
        }
        if (parents.size() < 2) {
            throw new CommandException("Nothing to merge: " + String.join(" ", revisions) + " resolves to "
                    + (parents.isEmpty() ? "no revision" : "only " + String.join(", ", parents))
                    + ". Name two or more revisions, or 'heads' when there are several heads.");
        }
        return write(config, source, options, List.copyOf(parents), null);
    }

    private static List<String> parentOf(SourceGraph source, String head, boolean splice) {
        RevisionGraph graph = source.graph();
        if (head.equals("base")) {
            return List.of();
        }
        if (source.isEmpty() && head.equals("head")) {
            return List.of();
        }
        List<String> resolved;
        try {
            resolved = graph.resolve(head, List.of());
        } catch (MultipleHeadsException e) {
            throw new CommandException("There are several heads (" + String.join(", ", e.heads()) + "). Pass --head "
                    + "<id> or --head <label>@head to choose the parent, or join them first with "
                    + "'retort merge -m \"merge heads\" heads'.", e);
        }
        if (resolved.size() != 1) {
            throw new CommandException("--head " + head + " names " + (resolved.isEmpty() ? "no revision"
                    : resolved.size() + " revisions (" + String.join(", ", resolved) + ")")
                    + "; a new revision has exactly one parent. Name one revision, or use 'retort merge'.");
        }
        String parent = resolved.get(0);
        if (!splice && !graph.upRevisions(parent).isEmpty()) {
            throw new CommandException("Revision " + parent + " is not a head revision. Pass --splice to start a "
                    + "new branch from it (with --branch-label to name the branch), or --head head.");
        }
        return resolved;
    }

    /** Writes the revision from the template; with {@code autogenerated}, its bodies hold those changes. */
    private static RevisionScript write(Config config, SourceGraph source, RevisionOptions options, List<String> parents,
                                        List<Change> autogenerated) {
        RevisionGraph graph = source.graph();
        String id = options.revisionId();
        if (id == null) {
            do {
                id = Names.newRevisionId();
            } while (graph.find(id).isPresent());
        } else if (!Names.isValidRevisionId(id)) {
            throw new CommandException("--rev-id '" + id + "' is not a valid id: use 1 to 32 letters, digits or '_'.");
        } else if (graph.find(id).isPresent()) {
            throw new CommandException("Revision id " + id + " already exists in " + source.parsed(id).path()
                    + ". Choose another --rev-id or leave it out for a fresh one.");
        }
        for (String label : options.branchLabels()) {
            if (!Names.isValidRevisionId(label)) {
                throw new CommandException("Branch label '" + label + "' is not valid: use letters, digits or '_'.");
            }
            for (RevisionNode node : graph.nodes()) {
                if (node.branchLabels().contains(label) || node.id().equals(label)) {
                    throw new CommandException("Branch label '" + label + "' is already used by revision " + node.id()
                            + ". Choose another label.");
                }
            }
        }
        List<String> dependsOn = new ArrayList<>();
        for (String dependency : options.dependsOn()) {
            List<String> ids = graph.resolve(dependency, List.of());
            if (ids.size() != 1) {
                throw new CommandException("--depends-on " + dependency + " names " + ids.size()
                        + " revisions; name exactly one.");
            }
            dependsOn.add(ids.get(0));
        }
        String message = options.message().strip();
        if (message.isEmpty()) {
            throw new CommandException("A revision needs a message: pass -m \"what it does\".");
        }
        RevisionNode node = new RevisionNode(id, parents, options.branchLabels(), dependsOn, message);
        checkPolicy(graph, node, source);

        LocalDateTime now = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        String className = className(config, id, message, now);
        for (ParsedRevision existing : source.parsed()) {
            if (existing.simpleName().equals(className)) {
                throw new CommandException("Class " + className + " already exists in " + existing.path()
                        + ". Change 'file_template' or the message.");
            }
        }
        Path root = sourceRoot(config, options.versionPath());
        Path file = SourceScanner.packageFolder(root, source.packageName()).resolve(className + ".java");
        if (Files.exists(file)) {
            throw new CommandException(file + " already exists. Change 'file_template' or the message.");
        }
        String text = renderSource(config, source, node, className, now);
        if (autogenerated != null) {
            String rendered = JavaRenderer.revision(source.packageName(), className, id,
                    parents.isEmpty() ? null : parents.get(0), message, autogenerated);
            text = new RevisionBodies().splice(text, rendered, config.template().toString());
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CommandException("Cannot write " + file + ": " + e.getMessage(), e);
        }
        List<ParsedRevision> written;
        try {
            written = new SourceScanner().parse(file);
        } catch (CommandException e) {
            deleteQuietly(file);
            throw new CommandException("The revision template " + config.template() + " produced invalid Java ("
                    + e.getMessage() + "). Fix the template; nothing was written.", e);
        }
        if (written.stream().noneMatch(r -> r.id().equals(node.id()))) {
            deleteQuietly(file);
            throw new CommandException("The revision template " + config.template() + " wrote no @Revision with id "
                    + node.id() + ". Keep ${revision_annotation} in the template; nothing was written.");
        }
        return SourceGraph.read(config).script(id);
    }

    /** Refuses a revision that would give the graph unlabelled heads or bases it did not have: the processor rejects those. */
    private static void checkPolicy(RevisionGraph graph, RevisionNode node, SourceGraph source) {
        List<RevisionNode> after = new ArrayList<>(graph.nodes());
        after.add(node);
        Set<GraphProblem.Kind> before = RevisionGraph.check(graph.nodes()).stream()
                .map(GraphProblem::kind).collect(Collectors.toSet());
        for (GraphProblem problem : RevisionGraph.check(after)) {
            if (!problem.isStructural() && !before.contains(problem.kind())) {
                throw new CommandException("Revision " + node.id() + " would leave "
                        + (problem.kind() == GraphProblem.Kind.MULTIPLE_HEADS ? "several heads (" : "several bases (")
                        + String.join(", ", problem.related()) + ") that no branch label tells apart, which the "
                        + "compiler rejects. Pass --branch-label NAME to start a named branch, or use 'retort merge'.");
            }
            if (problem.isStructural()) {
                throw new CommandException(problem.message());
            }
        }
    }

    private static String className(Config config, String id, String message, LocalDateTime now) {
        Map<String, String> values = new HashMap<>();
        values.put("id", id);
        values.put("slug", Names.slug(message));
        values.put("Slug", Names.camelSlug(message));
        values.put("year", String.format("%04d", now.getYear()));
        values.put("month", String.format("%02d", now.getMonthValue()));
        values.put("day", String.format("%02d", now.getDayOfMonth()));
        values.put("hour", String.format("%02d", now.getHour()));
        values.put("minute", String.format("%02d", now.getMinute()));
        values.put("second", String.format("%02d", now.getSecond()));
        String name = TemplateRenderer.render(config.fileTemplate(), values, "file_template");
        if (!Names.isJavaClassName(name)) {
            throw new CommandException("file_template '" + config.fileTemplate() + "' gives '" + name
                    + "', which is not a valid Java class name. Start it with a letter, such as Rev_${id}_${slug}.");
        }
        return name;
    }

    private static Path sourceRoot(Config config, Path versionPath) {
        if (versionPath == null) {
            return config.sourceDirectories().get(0);
        }
        Path root = config.baseDirectory().resolve(versionPath).normalize();
        if (!config.sourceDirectories().contains(root)) {
            throw new CommandException("--version-path " + root + " is not one of the configured source folders "
                    + config.sourceDirectories() + ". Add it to 'source=' in " + Database.configName(config) + ".");
        }
        return root;
    }

    private static String renderSource(Config config, SourceGraph source, RevisionNode node, String className,
                                       LocalDateTime now) {
        String template;
        Path templateFile = config.template();
        if (Files.isRegularFile(templateFile)) {
            try {
                template = Files.readString(templateFile);
            } catch (IOException e) {
                throw new CommandException("Cannot read the revision template " + templateFile + ": " + e.getMessage(), e);
            }
        } else if (templateFile.equals(config.baseDirectory().resolve(Config.DEFAULT_TEMPLATE).normalize())) {
            template = BuiltinTemplates.text(BuiltinTemplates.DEFAULT);
        } else {
            throw new CommandException("The revision template " + templateFile + " does not exist. Fix 'template=' in "
                    + Database.configName(config) + ".");
        }
        Map<String, String> values = new HashMap<>();
        values.put("package", source.packageName());
        values.put("class_name", className);
        values.put("id", node.id());
        values.put("message", Names.javadocText(node.message()));
        values.put("create_date", CREATE_DATE.format(now));
        values.put("down_revision", node.downRevisions().isEmpty() ? "<base>" : String.join(", ", node.downRevisions()));
        values.put("branch_labels", String.join(", ", node.branchLabels()));
        values.put("depends_on", String.join(", ", node.dependsOn()));
        values.put("revises", node.downRevisions().isEmpty() ? "&lt;base&gt;" : node.downRevisions().stream()
                .map(parent -> "{@link " + source.parsed(parent).simpleName() + "} (" + parent + ")")
                .collect(Collectors.joining(", ")));
        values.put("revision_annotation", annotation(node));
        return TemplateRenderer.render(template, values, templateFile.toString());
    }

    private static String annotation(RevisionNode node) {
        StringBuilder out = new StringBuilder("@Revision(id = \"").append(node.id()).append('"');
        if (!node.downRevisions().isEmpty()) {
            out.append(", downRevision = ").append(array(node.downRevisions()));
        }
        if (!node.branchLabels().isEmpty()) {
            out.append(", branchLabels = ").append(array(node.branchLabels()));
        }
        if (!node.dependsOn().isEmpty()) {
            out.append(", dependsOn = ").append(array(node.dependsOn()));
        }
        out.append(",\n        message = \"").append(Names.javaString(node.message())).append("\")");
        return out.toString();
    }

    private static String array(List<String> values) {
        String joined = values.stream().map(v -> '"' + Names.javaString(v) + '"').collect(Collectors.joining(", "));
        return values.size() == 1 ? joined : "{" + joined + "}";
    }

    // ---------------------------------------------------------------- reading the graph

    /**
     * The heads of the source graph. With {@code resolveDependencies}, a revision that
     * another one depends on is not a head either (Alembic's {@code --resolve-dependencies}).
     */
    public static List<RevisionScript> heads(Config config, boolean resolveDependencies) {
        SourceGraph source = SourceGraph.read(config);
        List<String> heads = source.graph().heads();
        if (resolveDependencies) {
            Set<String> dependedOn = source.nodes().stream().flatMap(n -> n.dependsOn().stream()).collect(Collectors.toSet());
            heads = heads.stream().filter(h -> !dependedOn.contains(h)).toList();
        }
        return heads.stream().map(source::script).toList();
    }

    /** The branch points of the source graph (revisions two or more revisions follow), newest first. */
    public static List<RevisionScript> branches(Config config) {
        return SourceGraph.read(config).newestFirst().stream().filter(RevisionScript::branchPoint).toList();
    }

    /**
     * The revisions, newest first, optionally within {@code range} ({@code start:end},
     * either side optional, inclusive, as Alembic's {@code history -r}). Sides are ids,
     * labels, {@code base}, {@code head(s)}, or {@code current} (read from the database).
     */
    public static List<RevisionScript> history(Config config, String range) {
        SourceGraph source = SourceGraph.read(config);
        List<RevisionScript> all = source.newestFirst();
        if (range == null || range.isBlank()) {
            return all;
        }
        int colon = range.indexOf(':');
        if (colon < 0) {
            throw new CommandException("History range '" + range + "' needs a colon: start:end, start: or :end.");
        }
        String start = range.substring(0, colon).strip();
        String end = range.substring(colon + 1).strip();
        Set<String> upper = source.ancestorsOrSelf(end.isEmpty() ? source.graph().heads() : resolveSide(config, source, end));
        Set<String> lower = start.isEmpty() || start.equals("base") ? null
                : source.descendantsOrSelf(resolveSide(config, source, start));
        return all.stream()
                .filter(s -> upper.contains(s.id()) && (lower == null || lower.contains(s.id())))
                .toList();
    }

    private static List<String> resolveSide(Config config, SourceGraph source, String side) {
        if (side.equals("current")) {
            return current(config);
        }
        boolean relative = side.startsWith("+") || side.startsWith("-");
        return source.graph().resolve(side, relative ? current(config) : List.of());
    }

    /** The revisions {@code revision} names ({@code head}, {@code heads}, an id, a prefix, a label, {@code current}). */
    public static List<RevisionScript> show(Config config, String revision) {
        SourceGraph source = SourceGraph.read(config);
        List<String> ids = revision.equals("current") ? current(config) : source.graph().resolve(revision, List.of());
        return ids.stream().map(source::script).toList();
    }

    /**
     * Opens the source file of {@code revision} in the configured editor ({@code editor=},
     * else {@code $VISUAL}, else {@code $EDITOR}) and waits for it to close.
     *
     * @return the file opened
     */
    public static Path edit(Config config, String revision) {
        List<RevisionScript> scripts = show(config, revision);
        if (scripts.size() != 1) {
            throw new CommandException("'" + revision + "' names " + scripts.size() + " revisions ("
                    + scripts.stream().map(RevisionScript::id).collect(Collectors.joining(", "))
                    + "); edit opens one. Name a single revision.");
        }
        Path file = scripts.get(0).path();
        String editor = config.editor()
                .or(() -> java.util.Optional.ofNullable(blankToNull(System.getenv("VISUAL"))))
                .or(() -> java.util.Optional.ofNullable(blankToNull(System.getenv("EDITOR"))))
                .orElseThrow(() -> new CommandException("No editor to open " + file + ". Set $EDITOR (or 'editor=' in "
                        + Database.configName(config) + "), or open the file yourself."));
        List<String> command = new ArrayList<>(Arrays.asList(editor.strip().split("\\s+")));
        command.add(file.toString());
        try {
            int status = new ProcessBuilder(command).inheritIO().start().waitFor();
            if (status != 0) {
                throw new CommandException("The editor '" + editor + "' exited with status " + status + " on " + file + ".");
            }
        } catch (IOException e) {
            throw new CommandException("Cannot start the editor '" + editor + "': " + e.getMessage()
                    + ". Set $EDITOR to an editor command.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandException("Interrupted while waiting for the editor on " + file + ".", e);
        }
        return file;
    }

    // ---------------------------------------------------------------- database

    /**
     * Upgrades the configured database to {@code target} ({@code head}, {@code heads},
     * {@code +1}, an id, {@code label@head}, …).
     *
     * @throws CommandException for a {@code start:end} range, which only offline SQL takes
     *                          (see {@link #upgradeSql(Config, String, Appendable)})
     */
    public static MigrationResult upgrade(Config config, String target) {
        return upgrade(config, target, null);
    }

    /**
     * As {@link #upgrade(Config, String)}, handing the migrator's progress lines ({@code
     * INFO  [retort] Running upgrade …}) to {@code log} as they happen; {@code null} logs
     * to the runtime's {@code System.Logger}.
     */
    public static MigrationResult upgrade(Config config, String target, Consumer<String> log) {
        requireNoRange("upgrade", target);
        try (Database database = Database.open(config, log)) {
            return database.online(m -> m.upgrade(target));
        }
    }

    /**
     * Downgrades the configured database to {@code target} ({@code base}, {@code -1}, an id, …).
     *
     * @throws CommandException for a {@code start:end} range, which only offline SQL takes
     *                          (see {@link #downgradeSql(Config, String, Appendable)})
     */
    public static MigrationResult downgrade(Config config, String target) {
        return downgrade(config, target, null);
    }

    /** As {@link #downgrade(Config, String)}, with progress lines to {@code log} (see {@link #upgrade(Config, String, Consumer)}). */
    public static MigrationResult downgrade(Config config, String target, Consumer<String> log) {
        requireNoRange("downgrade", target);
        try (Database database = Database.open(config, log)) {
            return database.online(m -> m.downgrade(target));
        }
    }

    /** Writes the version table to name {@code targets} ({@code head}, ids, {@code base}) without running any migration. */
    public static MigrationResult stamp(Config config, List<String> targets) {
        return stamp(config, targets, null);
    }

    /** As {@link #stamp(Config, List)}, with log lines to {@code log}. */
    public static MigrationResult stamp(Config config, List<String> targets, Consumer<String> log) {
        targets.forEach(t -> requireNoRange("stamp", t));
        try (Database database = Database.open(config, log)) {
            // An unknown target fails here, before the migrator warns that it replaces rows.
            RevisionGraph.of(database.registry().revisions().stream().map(d -> d.node()).toList())
                    .stampHeads(List.of(), targets);
            return database.online(m -> m.stamp(targets.toArray(String[]::new)));
        }
    }

    // ---------------------------------------------------------------- offline SQL

    /**
     * Writes the SQL of an upgrade to {@code out} instead of running it, as Alembic's
     * {@code upgrade --sql}: no connection is opened. The script starts at base (creating
     * the version table) unless {@code target} is a range {@code <start>:<target>} naming
     * the revision the database is at. The dialect is {@link Config#dialect()}, else the
     * one the URL's prefix implies.
     *
     * <pre>{@code
     * StringBuilder script = new StringBuilder();
     * Commands.upgradeSql(config, "head", script);               // from base
     * Commands.upgradeSql(config, "2b1ae634e5cd:head", script);  // from 2b1ae634e5cd
     * }</pre>
     *
     * @param out where the script goes; appended to, neither flushed nor closed. After a
     *            failure it holds an incomplete script.
     * @return the revisions the script assumes before and leaves after, and its steps
     * @throws CommandException when no dialect can be named, or no compiled registry is found
     * @see dev.retort.runtime.OfflineSql the script's layout
     */
    public static MigrationResult upgradeSql(Config config, String target, Appendable out) {
        return upgradeSql(config, target, out, null);
    }

    /** As {@link #upgradeSql(Config, String, Appendable)}, with the migrator's log lines to {@code log}. */
    public static MigrationResult upgradeSql(Config config, String target, Appendable out, Consumer<String> log) {
        Dialect dialect = Database.dialect(config);
        try (Database database = Database.open(config, log)) {
            return database.offline(dialect, out, sql -> sql.upgrade(target));
        }
    }

    /**
     * Writes the SQL of a downgrade over {@code range} to {@code out} instead of running it,
     * as Alembic's {@code downgrade --sql}. Offline SQL reads no version table, so the range
     * must name where the database is: {@code head:base}, {@code 3512b954651e:-1}, ….
     *
     * @param out where the script goes (see {@link #upgradeSql(Config, String, Appendable)})
     * @throws CommandException when {@code range} has no start, or as for {@link #upgradeSql(Config, String, Appendable)}
     */
    public static MigrationResult downgradeSql(Config config, String range, Appendable out) {
        return downgradeSql(config, range, out, null);
    }

    /** As {@link #downgradeSql(Config, String, Appendable)}, with the migrator's log lines to {@code log}. */
    public static MigrationResult downgradeSql(Config config, String range, Appendable out, Consumer<String> log) {
        if (range.indexOf(':') < 0) {
            throw new CommandException("downgrade with --sql needs a range <start>:<target>, since offline SQL does "
                    + "not read the database's current revision: write 'head:" + range + "' or '<revision>:" + range
                    + "'.");
        }
        Dialect dialect = Database.dialect(config);
        try (Database database = Database.open(config, log)) {
            return database.offline(dialect, out, sql -> sql.downgrade(range));
        }
    }

    /**
     * Writes the version-table statements of a stamp to {@code out} instead of running
     * them, as Alembic's {@code stamp --sql}: from base, or from a start given once as
     * {@code <start>:<revision>}.
     *
     * @param out where the script goes (see {@link #upgradeSql(Config, String, Appendable)})
     */
    public static MigrationResult stampSql(Config config, List<String> revisions, Appendable out) {
        return stampSql(config, revisions, out, null);
    }

    /** As {@link #stampSql(Config, List, Appendable)}, with the migrator's log lines to {@code log}. */
    public static MigrationResult stampSql(Config config, List<String> revisions, Appendable out, Consumer<String> log) {
        Dialect dialect = Database.dialect(config);
        try (Database database = Database.open(config, log)) {
            return database.offline(dialect, out, sql -> sql.stamp(revisions.toArray(String[]::new)));
        }
    }

    /** A range online would fail in the migrator with advice for its Java API; say what to type instead. */
    private static void requireNoRange(String command, String target) {
        if (target.indexOf(':') >= 0) {
            throw new CommandException("The range '" + target + "' is for offline SQL only: add --sql to write the "
                    + "script, or give just the target (the part after ':') to " + command + " the database from "
                    + "its current revision.");
        }
    }

    /** The revisions in the configured database's version table, sorted; empty at base. */
    public static List<String> current(Config config) {
        try (Database database = Database.open(config, null)) {
            return database.online(m -> m.current());
        }
    }

    /** The heads of the compiled registry (not the sources), sorted. */
    public static List<String> compiledHeads(Config config) {
        try (Database database = Database.open(config, null)) {
            return RevisionGraph.of(database.registry().revisions().stream().map(d -> d.node()).toList()).heads();
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the error already reported says what went wrong
        }
    }
}
