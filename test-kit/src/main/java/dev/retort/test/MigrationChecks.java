package dev.retort.test;

import dev.retort.autogenerate.CompareOptions;
import dev.retort.autogenerate.Comparison;
import dev.retort.autogenerate.Introspection;
import dev.retort.autogenerate.snapshot.RevisionWalk;
import dev.retort.autogenerate.snapshot.SchemaSnapshots;
import dev.retort.graph.RevisionGraph;
import dev.retort.graph.RevisionNode;
import dev.retort.runtime.MigrationRegistry;
import dev.retort.runtime.Migrator;
import dev.retort.runtime.RevisionDefinition;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.schema.Metadata;
import dev.retort.test.internal.ScriptRunner;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The built-in checks of a project's migrations, each a method that returns when the
 * migrations pass it and throws an {@link AssertionError} naming the revision and the object
 * when they do not. {@link RetortChecks} runs them as JUnit tests; they work from any test
 * framework too:
 *
 * <pre>{@code
 * MigrationChecks checks = MigrationChecks.builder(GeneratedMigrations.REGISTRY).model(Schema.METADATA).build();
 * checks.singleHead();
 * checks.upDownConsistency(emptyDataSource);
 * }</pre>
 *
 * <p>Every check that takes a {@link DataSource} needs an empty database and leaves it
 * migrated; give each check a fresh one.
 */
public final class MigrationChecks {

    private final MigrationRegistry registry;
    private final Metadata model;
    private final String modelName;
    private final String versionTable;
    private final UnaryOperator<CompareOptions> compareOptions;

    private MigrationChecks(Builder builder) {
        this.registry = builder.registry;
        this.model = builder.model;
        this.modelName = builder.modelName;
        this.versionTable = builder.versionTable;
        this.compareOptions = builder.compareOptions;
    }

    /** Checks over {@code registry} ({@code GeneratedMigrations.REGISTRY}). */
    public static Builder builder(MigrationRegistry registry) {
        return new Builder(registry);
    }

    /** The registry checked. */
    public MigrationRegistry registry() {
        return registry;
    }

    /**
     * A migrator on {@code dataSource} configured as the checks use it (the version table, and
     * the migrator's INFO lines left out).
     */
    public Migrator migrator(DataSource dataSource) {
        return Migrator.builder(registry).dataSource(dataSource).versionTable(versionTable)
                .logger(RevisionWalk.quietLogger()).build();
    }

    /**
     * One head, or one head per branch label: two heads that no label tells apart are two
     * developers' revisions on the same parent, and the failure gives the merge command.
     */
    public void singleHead() {
        RevisionGraph graph = graph();
        Map<List<String>, List<String>> byLabels = new LinkedHashMap<>();
        for (String head : graph.heads()) {
            List<String> labels = new ArrayList<>(new TreeSet<>(graph.branchLabelsOf(head)));
            byLabels.computeIfAbsent(labels, k -> new ArrayList<>()).add(head);
        }
        List<String> problems = new ArrayList<>();
        byLabels.forEach((labels, heads) -> {
            if (heads.size() > 1) {
                problems.add(heads.size() + " heads" + (labels.isEmpty() ? "" : " on branch " + String.join(", ", labels))
                        + ": " + heads.stream().map(id -> RevisionWalk.describe(definition(id)))
                        .collect(Collectors.joining(", "))
                        + ". Merge them: retort merge -m \"merge heads\" " + String.join(" ", heads));
            }
        });
        if (!problems.isEmpty()) {
            throw new AssertionError("singleHead: the revisions of " + registry.packageName() + " have "
                    + String.join("; ", problems) + " (or give each branch its own branchLabels).");
        }
    }

    /** From an empty database, upgrading to every head succeeds and leaves the version table at the heads. */
    public void upgradeFromBase(DataSource dataSource) {
        Migrator migrator = migrator(dataSource);
        try {
            migrator.upgrade("heads");
        } catch (RuntimeException e) {
            throw new AssertionError("upgradeFromBase: upgrading an empty database to heads failed: "
                    + e.getMessage(), e);
        }
        List<String> current = new ArrayList<>(new TreeSet<>(migrator.current()));
        List<String> heads = graph().heads();
        if (!current.equals(heads)) {
            throw new AssertionError("upgradeFromBase: after upgrading to heads the version table holds "
                    + current + ", not the heads " + heads);
        }
    }

    /**
     * After upgrading an empty database to every head, comparing it with the model finds
     * nothing; otherwise the failure lists, one per line, the operation that would make the
     * database match (what {@code retort revision --autogenerate} writes in a new revision),
     * then the comparison's notes, the differences it leaves to a hand-written revision (a
     * sequence's increment). Notes alone do not fail the check. What is compared is the
     * builder's {@link Builder#compareOptions compareOptions}.
     *
     * @throws IllegalStateException when no model was given
     */
    public void modelMatchesDatabase(DataSource dataSource) {
        if (model == null) {
            throw new IllegalStateException("modelMatchesDatabase needs the model: give the builder model(…)");
        }
        upgradeFromBase(dataSource);
        try (Connection connection = dataSource.getConnection()) {
            Dialect dialect = Dialects.detect(connection);
            CompareOptions options = compareOptions.apply(CompareOptions.defaults().versionTable(versionTable));
            if (options.dialect().isEmpty()) {
                options = options.forDialect(dialect);
            }
            // As the CLI compares: the schemas the options include, defaults by value on the connection.
            Comparison comparison = Comparison.compareLive(model, connection, options);
            if (!comparison.isEmpty()) {
                String heads = graph().heads().stream().map(id -> RevisionWalk.describe(definition(id)))
                        .collect(Collectors.joining(", "));
                throw new AssertionError("modelMatchesDatabase: the database at " + heads + " differs from the model "
                        + modelName + " on " + dialect.name() + ". A new revision with these operations would make "
                        + "them match (retort revision --autogenerate -m \"…\" writes it):\n  "
                        + comparison.toString().replace("\n", "\n  "));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("modelMatchesDatabase: cannot read the schema: " + e.getMessage(), e);
        }
    }

    /**
     * The stairway: for every revision, in order, upgrade to it, downgrade one step and upgrade
     * again; the failure names the revision and the step, with the database's error.
     */
    public void upDownConsistency(DataSource dataSource) {
        try {
            new RevisionWalk(registry).walk(migrator(dataSource), new RevisionWalk.Observer() { });
        } catch (RevisionWalk.StepFailure e) {
            throw new AssertionError("upDownConsistency failed at " + e.getMessage(), e);
        }
    }

    /**
     * For every revision, the schema after upgrading to it and downgrading again equals the
     * schema before it, as introspection reads both; the failure names the revision and lists
     * each object the downgrade left behind or took away.
     */
    public void downgradeLeavesNoTrace(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            Dialect dialect = Dialects.detect(connection);
            Map<String, Metadata> before = new LinkedHashMap<>();
            new RevisionWalk(registry).walk(migrator(dataSource), new RevisionWalk.Observer() {
                @Override
                public void beforeUpgrade(RevisionDefinition revision) throws SQLException {
                    before.put(revision.id(), read(connection, dialect));
                }

                @Override
                public void afterDowngrade(RevisionDefinition revision, String target) throws SQLException {
                    List<String> differences = SchemaSnapshots.differences(before.remove(revision.id()),
                            read(connection, dialect), "before it", "after its downgrade");
                    if (!differences.isEmpty()) {
                        throw new AssertionError("downgradeLeavesNoTrace: upgrading to revision "
                                + RevisionWalk.describe(revision) + " and downgrading to " + target
                                + " does not give back the schema before it, on " + dialect.name() + ":\n  "
                                + String.join("\n  ", differences));
                    }
                }
            });
        } catch (RevisionWalk.StepFailure e) {
            throw new AssertionError("downgradeLeavesNoTrace failed at " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("downgradeLeavesNoTrace: cannot read the schema: " + e.getMessage(), e);
        }
    }

    /**
     * The offline script of the upgrade to every head ({@code retort upgrade heads --sql}), run
     * on the empty database {@code offline}, gives the schema that the online upgrade gives on
     * the empty database {@code online} of the same kind.
     */
    public void offlineMatchesOnline(DataSource online, DataSource offline) {
        upgradeFromBase(online);
        try (Connection onlineConnection = online.getConnection()) {
            Dialect dialect = Dialects.detect(onlineConnection);
            StringBuilder script = new StringBuilder();
            try {
                Migrator.builder(registry).dialect(dialect).versionTable(versionTable)
                        .logger(RevisionWalk.quietLogger()).build().sql(script).upgrade("heads");
            } catch (RuntimeException e) {
                throw new AssertionError("offlineMatchesOnline: the offline upgrade cannot be written: "
                        + e.getMessage(), e);
            }
            try {
                ScriptRunner.run(offline, script.toString());
            } catch (SQLException e) {
                throw new AssertionError("offlineMatchesOnline: " + e.getMessage(), e);
            }
            Metadata expected = read(onlineConnection, dialect);
            Metadata actual;
            try (Connection offlineConnection = offline.getConnection()) {
                actual = read(offlineConnection, dialect);
            }
            List<String> differences = SchemaSnapshots.differences(expected, actual, "online", "from the script");
            if (!differences.isEmpty()) {
                throw new AssertionError("offlineMatchesOnline: the offline script gives another schema than the "
                        + "online upgrade on " + dialect.name() + ":\n  " + String.join("\n  ", differences));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("offlineMatchesOnline: cannot read the schema: " + e.getMessage(), e);
        }
    }

    /**
     * Every schema snapshot committed under {@code directory} still matches what its revision
     * produces on the empty database {@code dataSource} (see {@link SchemaSnapshots}); the
     * failure names each revision whose snapshot changed (someone edited an applied revision)
     * and the objects that differ. Revisions without a snapshot fail too, with the command that
     * writes them, unless {@code writeMissing} is set, which writes them instead.
     */
    public void snapshotsMatch(DataSource dataSource, Path directory, boolean writeMissing) {
        SchemaSnapshots snapshots = SchemaSnapshots.of(registry, directory).versionTable(versionTable);
        List<String> missing = snapshots.missing();
        List<SchemaSnapshots.Mismatch> mismatches = snapshots.verify(dataSource, writeMissing);
        List<String> problems = new ArrayList<>();
        mismatches.forEach(m -> problems.add(m.toString().replaceFirst("^revision " + m.revision(),
                "revision " + RevisionWalk.describe(definition(m.revision())))));
        for (Path orphan : snapshots.orphans()) {
            problems.add(orphan + " names no revision of " + registry.packageName() + "; delete it");
        }
        if (!missing.isEmpty() && !writeMissing) {
            problems.add("no snapshot for " + String.join(", ", missing) + " under " + directory
                    + "; write them with retort snapshot --dir " + directory
                    + " (or -Dretort.snapshots.write=true) and commit them");
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("snapshotsMatch: " + String.join("\n", problems));
        }
    }

    private Metadata read(Connection connection, Dialect dialect) throws SQLException {
        return Introspection.read(connection, dialect, null, versionTable);
    }

    private RevisionGraph graph() {
        return RevisionGraph.of(registry.revisions().stream().map(RevisionDefinition::node).toList());
    }

    private RevisionDefinition definition(String id) {
        return registry.revisions().stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No revision " + id + " in " + registry));
    }

    /** Configures {@link MigrationChecks}. */
    public static final class Builder {
        private final MigrationRegistry registry;
        private Metadata model;
        private String modelName = "";
        private String versionTable = Migrator.DEFAULT_VERSION_TABLE;
        private UnaryOperator<CompareOptions> compareOptions = UnaryOperator.identity();

        private Builder(MigrationRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
        }

        /** The target model of {@link #modelMatchesDatabase}, named in failures as {@code name}. */
        public Builder model(Metadata model, String name) {
            this.model = Objects.requireNonNull(model, "model");
            this.modelName = Objects.requireNonNull(name, "name");
            return this;
        }

        /** The target model of {@link #modelMatchesDatabase}. */
        public Builder model(Metadata model) {
            return model(model, "the model");
        }

        /** The version table, when the application's migrator names another than {@value Migrator#DEFAULT_VERSION_TABLE}. */
        public Builder versionTable(String name) {
            this.versionTable = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * What the model comparison compares, e.g. {@code o -> o.compareServerDefaults(true)} or
         * {@code o -> o.includeSchemas("billing").compareCheckConstraints(true)}; the schemas
         * included are read from the database as well.
         */
        public Builder compareOptions(UnaryOperator<CompareOptions> options) {
            this.compareOptions = Objects.requireNonNull(options, "options");
            return this;
        }

        /** The checks. */
        public MigrationChecks build() {
            return new MigrationChecks(this);
        }
    }
}
