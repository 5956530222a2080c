package dev.retort.autogenerate.snapshot;

import dev.retort.autogenerate.Introspection;
import dev.retort.runtime.MigrationRegistry;
import dev.retort.runtime.Migrator;
import dev.retort.runtime.RevisionDefinition;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.schema.Metadata;
import dev.retort.autogenerate.internal.snapshot.SchemaDiff;
import dev.retort.autogenerate.internal.snapshot.SchemaJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * The schema at every revision, as JSON files to commit beside the migrations (Room's
 * {@code schemas/N.json}): {@code <directory>/<revision id>.json}, the schema introspected
 * right after that revision was applied on an empty database, with keys sorted and each
 * column, index and key on a line of its own, so a pull request shows a schema change as the
 * lines it changes. A committed file that no longer matches what its revision produces means
 * an applied revision was edited: {@link #verify} reports it.
 *
 * <pre>{@code
 * SchemaSnapshots snapshots = SchemaSnapshots.of(GeneratedMigrations.REGISTRY, Path.of("src/test/resources/schemas"));
 * snapshots.write(scratchDataSource);                                  // after adding a revision; commit the new file
 * List<SchemaSnapshots.Mismatch> edited = snapshots.verify(scratchDataSource);   // in CI: empty, or the edits
 * }</pre>
 *
 * <p>The database must be empty: every revision is applied to it from base. The files say
 * which database wrote them ({@code "database": "H2"}) and are compared only on that
 * database, since each one reads types back in its own words. The command line's {@code
 * retort snapshot} and the test kit's {@code snapshotsMatch} check call this class.
 */
public final class SchemaSnapshots {

    /** The folder users commit snapshots to unless they choose another. */
    public static final String DEFAULT_DIRECTORY = "src/test/resources/retort/schemas";

    private final MigrationRegistry registry;
    private final Path directory;
    private final String versionTable;

    private SchemaSnapshots(MigrationRegistry registry, Path directory, String versionTable) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.versionTable = Objects.requireNonNull(versionTable, "versionTable");
    }

    /** Snapshots of {@code registry}'s revisions under {@code directory}, with the default version table. */
    public static SchemaSnapshots of(MigrationRegistry registry, Path directory) {
        return new SchemaSnapshots(registry, directory, Migrator.DEFAULT_VERSION_TABLE);
    }

    /** The same snapshots for a migrator configured with another version table. */
    public SchemaSnapshots versionTable(String name) {
        return new SchemaSnapshots(registry, directory, name);
    }

    /** The folder the files live in. */
    public Path directory() {
        return directory;
    }

    /** The file of one revision: {@code <directory>/<id>.json}. */
    public Path file(String revision) {
        return directory.resolve(revision + ".json");
    }

    /**
     * The snapshot text of every revision, in topological order, applying each one to the
     * empty database {@code scratch}.
     *
     * @throws IllegalStateException naming the revision whose upgrade failed, or when the
     *     database is not empty
     */
    public Map<String, String> render(DataSource scratch) {
        Map<String, String> out = new LinkedHashMap<>();
        Migrator migrator = Migrator.builder(registry).dataSource(scratch).versionTable(versionTable)
                .logger(RevisionWalk.quietLogger()).build();
        try (Connection connection = scratch.getConnection()) {
            Dialect dialect = Dialects.detect(connection);
            if (!Introspection.read(connection, dialect, null, versionTable).isEmpty()) {
                throw new IllegalStateException("Schema snapshots need an empty database; "
                        + scratch + " has tables already. Point them at a scratch database.");
            }
            Set<String> applied = new TreeSet<>();
            for (RevisionDefinition revision : registry.revisions()) {
                try {
                    Set<String> below = ancestors(revision.id());
                    below.remove(revision.id());
                    if (!applied.equals(below)) {
                        // another branch's revisions are applied: start again from base, so each
                        // file holds its revision and its ancestors only
                        migrator.downgrade("base");
                    }
                    migrator.upgrade(revision.id());
                } catch (RuntimeException e) {
                    throw new IllegalStateException("Cannot snapshot revision " + RevisionWalk.describe(revision)
                            + ": its upgrade failed: " + e.getMessage(), e);
                }
                applied.clear();
                applied.addAll(ancestors(revision.id()));
                Metadata schema = Introspection.read(connection, dialect, null, versionTable);
                out.put(revision.id(), text(revision.id(), dialect, schema));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the schema of " + scratch + ": " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * Writes (or rewrites) the file of every revision, applying each one to the empty
     * database {@code scratch}, and returns the files whose content changed.
     */
    public List<Path> write(DataSource scratch) {
        List<Path> changed = new ArrayList<>();
        try {
            Files.createDirectories(directory);
            for (Map.Entry<String, String> entry : render(scratch).entrySet()) {
                Path file = file(entry.getKey());
                if (!Files.exists(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(entry.getValue())) {
                    Files.writeString(file, entry.getValue(), StandardCharsets.UTF_8);
                    changed.add(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write schema snapshots under " + directory + ": " + e.getMessage(), e);
        }
        return changed;
    }

    /**
     * Compares every committed file with what its revision produces on the empty database
     * {@code scratch}. A revision without a file is no mismatch (see {@link #missing}); a
     * file of the same database that differs is one, listing each object that changed. A file
     * written before snapshots recorded some part of a schema (enum types, the kind of
     * auto-increment, computed columns, primary-key names, other schemas) is compared on the
     * parts it records; {@link #write} brings it up to date.
     */
    public List<Mismatch> verify(DataSource scratch) {
        return verify(scratch, false);
    }

    /**
     * As {@link #verify(DataSource)}; with {@code writeMissing}, also writes the file of each
     * revision that has none (a new revision's snapshot, to commit with it).
     */
    public List<Mismatch> verify(DataSource scratch, boolean writeMissing) {
        List<Mismatch> mismatches = new ArrayList<>();
        for (Map.Entry<String, String> entry : render(scratch).entrySet()) {
            Path file = file(entry.getKey());
            if (!Files.exists(file)) {
                if (writeMissing) {
                    try {
                        Files.createDirectories(directory);
                        Files.writeString(file, entry.getValue(), StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
                    }
                }
                continue;
            }
            String committed;
            try {
                committed = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
            }
            if (committed.equals(entry.getValue())) {
                continue;
            }
            Map<String, Object> expected;
            try {
                expected = SchemaJson.parse(committed);
            } catch (IllegalArgumentException e) {
                mismatches.add(new Mismatch(entry.getKey(), file, List.of("the file is not a schema snapshot ("
                        + e.getMessage() + "); rewrite it with retort snapshot")));
                continue;
            }
            Map<String, Object> actual = SchemaJson.parse(entry.getValue());
            if (!Objects.equals(expected.get("database"), actual.get("database"))) {
                throw new IllegalStateException("The snapshot " + file + " was written on " + expected.get("database")
                        + ", but is compared on " + actual.get("database") + "; compare it on the database that "
                        + "wrote it, or rewrite every snapshot on this one (retort snapshot).");
            }
            long format = SchemaJson.format(expected);
            // A file of an older format is compared on what it records: what it could not
            // record is no edit of its revision.
            List<String> differences = SchemaDiff.diff(expected, SchemaJson.inFormat(actual, format),
                    "in the snapshot", "now");
            if (differences.isEmpty() && format < SchemaJson.FORMAT) {
                continue;
            }
            mismatches.add(new Mismatch(entry.getKey(), file, differences.isEmpty()
                    ? List.of("the file differs only in its layout; rewrite it with retort snapshot") : differences));
        }
        return mismatches;
    }

    /** The revisions with no file under the directory, in topological order. */
    public List<String> missing() {
        return registry.revisions().stream().map(RevisionDefinition::id)
                .filter(id -> !Files.exists(file(id))).toList();
    }

    /** Files under the directory that name no revision of the registry (a revision deleted or renamed). */
    public List<Path> orphans() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        Set<String> ids = new TreeSet<>(registry.revisions().stream().map(RevisionDefinition::id).toList());
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .filter(f -> !ids.contains(f.getFileName().toString().replaceFirst("\\.json$", "")))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + directory + ": " + e.getMessage(), e);
        }
    }

    /**
     * One line per object that differs between two schemas, as {@link Mismatch#differences()}
     * lists them: {@code index orders.ix_orders_account_id: {"columns": ["account_id"], "unique":
     * false} before, absent after}. A table on one side only is one line; empty when the
     * schemas are equal as snapshots record them. For comparing two schemas read by {@link
     * Introspection} (before and after a downgrade, online and offline).
     *
     * @param beforeLabel what {@code before} is, as the lines say it ({@code "before it"}, {@code "online"})
     * @param afterLabel  what {@code after} is
     */
    public static List<String> differences(Metadata before, Metadata after, String beforeLabel, String afterLabel) {
        return SchemaDiff.diff(SchemaJson.tree(before, Map.of()), SchemaJson.tree(after, Map.of()), beforeLabel,
                afterLabel);
    }

    /** The snapshot text of one schema, as the files hold it. */
    public static String text(String revision, Dialect dialect, Metadata schema) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("revision", revision);
        header.put("database", dialect.name());
        return SchemaJson.write(SchemaJson.tree(schema, header));
    }

    private Set<String> ancestors(String id) {
        Set<String> out = new TreeSet<>();
        List<String> todo = new ArrayList<>(List.of(id));
        Map<String, RevisionDefinition> byId = new LinkedHashMap<>();
        registry.revisions().forEach(r -> byId.put(r.id(), r));
        while (!todo.isEmpty()) {
            String next = todo.remove(todo.size() - 1);
            if (out.add(next) && byId.containsKey(next)) {
                todo.addAll(byId.get(next).node().downRevisions());
                todo.addAll(byId.get(next).node().dependsOn());
            }
        }
        return out;
    }

    /**
     * A committed snapshot that its revision no longer produces.
     *
     * @param revision    the revision id
     * @param file        the committed file
     * @param differences one line per object that differs, e.g. {@code column account.email:
     *                    {"type": "Type.varchar(100)", …} in the snapshot, {"type": "Type.varchar(200)", …} now}
     */
    public record Mismatch(String revision, Path file, List<String> differences) {

        /** Checks and copies the differences. */
        public Mismatch {
            Objects.requireNonNull(revision, "revision");
            Objects.requireNonNull(file, "file");
            differences = List.copyOf(differences);
        }

        /** The revision, its file and each difference on a line of its own. */
        @Override
        public String toString() {
            return "revision " + revision + " (" + file + ") no longer produces its snapshot:\n  "
                    + String.join("\n  ", differences);
        }
    }
}
