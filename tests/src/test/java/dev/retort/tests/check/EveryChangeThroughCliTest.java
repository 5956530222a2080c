package dev.retort.tests.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.autogenerate.CompareOptions;
import dev.retort.autogenerate.Comparison;
import dev.retort.runtime.schema.Metadata;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every kind of model change through the command line, as a user makes it, on each
 * database: a model declared in Java is created from an empty database, then changed one
 * kind of change at a time (tables, columns, nullability, type, server default, indexes,
 * unique constraints, foreign keys, comments, sequences). At each step {@code check} fails and lists
 * the change, {@code revision --autogenerate} writes it and its reverse, the revision
 * compiles and applies, {@code check} is clean, {@code downgrade -1} restores the schema
 * of the step before, and {@code upgrade head} goes on.
 *
 * <p>Server defaults are compared ({@code compare_server_default=true}). On SQLite, which
 * alters no column or constraint in place, those changes come as one {@code
 * batchAlterTable} per table; comments and sequences are not stored there, so a comment or
 * a sequence in the model is no difference. On MariaDB a unique index reads back as a unique key and is dropped as
 * one; on H2 and MariaDB the index a kept foreign key uses is dropped between dropping and
 * recreating the key.
 */
class EveryChangeThroughCliTest {

    private static final String FQ = "dev.retort.runtime.schema.";

    static final Model INITIAL = new Model()
            .table("team",
                    ".column(Column.of(\"id\", Type.BIGINT).primaryKey())",
                    ".column(Column.of(\"title\", Type.varchar(50)).notNull())")
            .table("account",
                    ".column(Column.of(\"id\", Type.BIGINT).primaryKey())",
                    ".column(Column.of(\"name\", Type.varchar(50)).notNull())",
                    ".column(Column.of(\"team_id\", Type.BIGINT))",
                    ".column(Column.of(\"email\", Type.varchar(100)))",
                    // The foreign key added later uses this index, which a later step drops while
                    // the key stays (H2 and MariaDB refuse that unless the key is dropped around it).
                    ".index(\"ix_account_team\", \"team_id\")");

    static final String SEQUENCE = ".sequence(" + FQ + "Sequence.of(\"invoice_seq\").incrementBy(50))";
    static final String PHONE = ".column(Column.of(\"phone\", Type.varchar(30)))";
    static final String UNIQUE_EMAIL = ".unique(" + FQ + "UniqueConstraint.of(\"email\").named(\"uq_account_email\"))";
    static final String FK_TEAM = ".foreignKey(" + FQ + "ForeignKey.of(java.util.List.of(\"team_id\"), \"team\", "
            + "java.util.List.of(\"id\")).named(\"fk_account_team\"))";

    /** The changes, in order; each starts from the model the one before left. */
    static List<Step> steps(String kind) {
        boolean mariadb = kind.equals("mariadb");
        // H2 and MariaDB refuse to drop the index a foreign key uses: the key is dropped around it.
        boolean keyNeedsIndex = mariadb || kind.equals("h2");
        List<Step> steps = new ArrayList<>();
        steps.add(Step.of("add table tag", m -> m.table("tag",
                        ".column(Column.of(\"id\", Type.INTEGER).primaryKey())",
                        ".column(Column.of(\"label\", Type.varchar(30)).notNull())"))
                .op(null, "op.createTable(\"tag\"", "op.dropTable(\"tag\");"));
        steps.add(Step.of("add column phone", m -> m.add("account", PHONE))
                .op(null, "op.addColumn(\"account\", Column.of(\"phone\", Type.varchar(30)));",
                        "op.dropColumn(\"account\", \"phone\");"));
        steps.add(Step.of("email not null, name nullable", m -> m
                        .replace("account", ".column(Column.of(\"email\", Type.varchar(100)))",
                                ".column(Column.of(\"email\", Type.varchar(100)).notNull())")
                        .replace("account", ".column(Column.of(\"name\", Type.varchar(50)).notNull())",
                                ".column(Column.of(\"name\", Type.varchar(50)))"))
                .alter("account", "\"email\", c -> c.nullable(false)", "\"email\", c -> c.nullable(true)")
                .alter("account", "\"name\", c -> c.nullable(true)", "\"name\", c -> c.nullable(false)"));
        steps.add(Step.of("widen name and title", m -> m
                        .replace("account", ".column(Column.of(\"name\", Type.varchar(50)))",
                                ".column(Column.of(\"name\", Type.varchar(120)))")
                        .replace("team", ".column(Column.of(\"title\", Type.varchar(50)).notNull())",
                                ".column(Column.of(\"title\", Type.varchar(80)).notNull())"))
                .alter("account", "\"name\", c -> c.type(Type.varchar(120)).existingType(Type.varchar(50))",
                        "\"name\", c -> c.type(Type.varchar(50)).existingType(Type.varchar(120))")
                .alter("team", "\"title\", c -> c.type(Type.varchar(80)).existingType(Type.varchar(50))",
                        "\"title\", c -> c.type(Type.varchar(50)).existingType(Type.varchar(80))"));
        steps.add(Step.of("title default", m -> m
                        .replace("team", ".column(Column.of(\"title\", Type.varchar(80)).notNull())",
                                ".column(Column.of(\"title\", Type.varchar(80)).notNull().serverDefault(\"untitled\"))"))
                .alter("team", "\"title\", c -> c.serverDefault(Expr.literal(\"untitled\"))",
                        "\"title\", c -> c.dropServerDefault()"));
        steps.add(Step.of("index phone", m -> m.add("account", ".index(\"ix_account_phone\", \"phone\")"))
                .op(null, "op.createIndex(\"ix_account_phone\", \"account\", \"phone\");",
                        "op.dropIndex(\"ix_account_phone\""));
        steps.add(Step.of("drop index phone", m -> m.remove("account", ".index(\"ix_account_phone\", \"phone\")"))
                .op(null, "op.dropIndex(\"ix_account_phone\"",
                        "op.createIndex(\"ix_account_phone\", \"account\", \"phone\");"));
        steps.add(Step.of("unique index phone", m -> m.add("account", ".uniqueIndex(\"ux_account_phone\", \"phone\")"))
                .op(null, "op.createUniqueIndex(\"ux_account_phone\", \"account\", \"phone\");",
                        "op.dropIndex(\"ux_account_phone\""));
        // MariaDB reads a unique index back as a unique key: it is dropped, and recreated, as one.
        steps.add(Step.of("drop unique index phone",
                        m -> m.remove("account", ".uniqueIndex(\"ux_account_phone\", \"phone\")"))
                .op(null, mariadb ? "op.dropConstraint(\"ux_account_phone\", \"account\", ConstraintType.UNIQUE);"
                                : "op.dropIndex(\"ux_account_phone\"",
                        mariadb ? "op.createUniqueConstraint(\"ux_account_phone\", \"account\", \"phone\");"
                                : "op.createUniqueIndex(\"ux_account_phone\", \"account\", \"phone\");"));
        steps.add(Step.of("unique email", m -> m.add("account", UNIQUE_EMAIL))
                .op("account", "op.createUniqueConstraint(\"uq_account_email\", \"account\", \"email\");",
                        "op.dropConstraint(\"uq_account_email\", \"account\", ConstraintType.UNIQUE);")
                .batch("account", ".createUniqueConstraint(\"uq_account_email\", \"email\")",
                        ".dropConstraint(\"uq_account_email\", ConstraintType.UNIQUE)"));
        steps.add(Step.of("drop unique email", m -> m.remove("account", UNIQUE_EMAIL))
                .op("account", "op.dropConstraint(\"uq_account_email\", \"account\", ConstraintType.UNIQUE);",
                        "op.createUniqueConstraint(\"uq_account_email\", \"account\", \"email\");")
                .batch("account", ".dropConstraint(\"uq_account_email\", ConstraintType.UNIQUE)",
                        ".createUniqueConstraint(\"uq_account_email\", \"email\")"));
        steps.add(Step.of("team foreign key", m -> m.add("account", FK_TEAM))
                .op("account", "op.createForeignKey(\"fk_account_team\", \"account\", \"team\", List.of(\"team_id\"), "
                                + "List.of(\"id\"));",
                        "op.dropConstraint(\"fk_account_team\", \"account\", ConstraintType.FOREIGN_KEY);")
                .batch("account", ".createForeignKey(\"fk_account_team\", \"team\", List.of(\"team_id\"), List.of(\"id\"))",
                        ".dropConstraint(\"fk_account_team\", ConstraintType.FOREIGN_KEY)"));
        Step dropTeamIndex = Step.of("drop the index the team foreign key uses",
                        m -> m.remove("account", ".index(\"ix_account_team\", \"team_id\")"))
                .op(null, "op.dropIndex(\"ix_account_team\"",
                        "op.createIndex(\"ix_account_team\", \"account\", \"team_id\");");
        if (keyNeedsIndex) {
            dropTeamIndex.op(null, "op.dropConstraint(\"fk_account_team\", \"account\", ConstraintType.FOREIGN_KEY);",
                            "op.createForeignKey(\"fk_account_team\", \"account\", \"team\", List.of(\"team_id\"), "
                                    + "List.of(\"id\"));")
                    .op(null, "op.createForeignKey(\"fk_account_team\", \"account\", \"team\", List.of(\"team_id\"), "
                                    + "List.of(\"id\"));",
                            "op.dropConstraint(\"fk_account_team\", \"account\", ConstraintType.FOREIGN_KEY);");
        }
        steps.add(dropTeamIndex);
        steps.add(Step.of("drop team foreign key", m -> m.remove("account", FK_TEAM))
                .op("account", "op.dropConstraint(\"fk_account_team\", \"account\", ConstraintType.FOREIGN_KEY);",
                        "op.createForeignKey(\"fk_account_team\", \"account\", \"team\", List.of(\"team_id\"), "
                                + "List.of(\"id\"));")
                .batch("account", ".dropConstraint(\"fk_account_team\", ConstraintType.FOREIGN_KEY)",
                        ".createForeignKey(\"fk_account_team\", \"team\", List.of(\"team_id\"), List.of(\"id\"))"));
        steps.add(Step.of("comment name", m -> m
                        .replace("account", ".column(Column.of(\"name\", Type.varchar(120)))",
                                ".column(Column.of(\"name\", Type.varchar(120)).comment(\"Legal name\"))"))
                .op(null, "op.alterColumn(\"account\", \"name\", c -> c.comment(\"Legal name\")",
                        "op.alterColumn(\"account\", \"name\", c -> c.dropComment()")
                .nothingOnSqlite());
        steps.add(Step.of("comment account", m -> m.add("account", ".comment(\"Customers\")"))
                .op(null, "op.createTableComment(\"account\", \"Customers\");", "op.dropTableComment(\"account\");")
                .nothingOnSqlite());
        // SQLite has no sequences: a model's sequences are no difference there.
        steps.add(Step.of("add sequence", m -> m.with(SEQUENCE))
                .op(null, "op.createSequence(\"invoice_seq\", s -> s.incrementBy(50));",
                        "op.dropSequence(\"invoice_seq\");")
                .nothingOnSqlite());
        steps.add(Step.of("drop sequence", m -> m.without(SEQUENCE))
                .op(null, "op.dropSequence(\"invoice_seq\");",
                        "op.createSequence(\"invoice_seq\", s -> s.incrementBy(50));")
                .nothingOnSqlite());
        steps.add(Step.of("drop column phone", m -> m.remove("account", PHONE))
                .op("account", "op.dropColumn(\"account\", \"phone\");",
                        "op.addColumn(\"account\", Column.of(\"phone\", Type.varchar(30)));")
                .batch("account", ".dropColumn(\"phone\")", ".addColumn(Column.of(\"phone\", Type.varchar(30)))"));
        steps.add(Step.of("drop table tag", m -> m.dropTable("tag"))
                .op(null, "op.dropTable(\"tag\");", "op.createTable(\"tag\""));
        return steps;
    }

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql", "mariadb", "sqlite"})
    void everyKindOfChangeIsCheckedWrittenAppliedAndUndone(String kind) throws Exception {
        onDatabase(kind, project -> {
            long start = System.nanoTime();
            Walk walk = new Walk(kind, project, INITIAL);
            List<Step> steps = steps(kind);
            for (Step step : steps) {
                walk.step(step);
            }
            project.ok("downgrade", "base");
            assertThat(project.schema().tables()).as("%s: downgrade base leaves no table", kind).isEmpty();
            System.out.printf("[EveryChangeThroughCliTest] %s: %d steps in %.1f s%n", kind, steps.size(),
                    (System.nanoTime() - start) / 1e9);
        });
    }

    /**
     * A foreign key whose column has no index: on MariaDB InnoDB makes an index named after
     * the key, which introspection counts part of the key, so the downgrade's {@code
     * op.dropConstraint(…, FOREIGN_KEY)} must drop it too for {@code check} to stay clean.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql", "mariadb", "sqlite"})
    void foreignKeyOnAnUnindexedColumn(String kind) throws Exception {
        Model unindexed = INITIAL.remove("account", ".index(\"ix_account_team\", \"team_id\")");
        onDatabase(kind, project -> new Walk(kind, project, unindexed).step(Step.of("team foreign key",
                        m -> m.add("account", FK_TEAM))
                .op("account", "op.createForeignKey(\"fk_account_team\", \"account\", \"team\", List.of(\"team_id\"), "
                                + "List.of(\"id\"));",
                        "op.dropConstraint(\"fk_account_team\", \"account\", ConstraintType.FOREIGN_KEY);")
                .batch("account", ".createForeignKey(\"fk_account_team\", \"team\", List.of(\"team_id\"), List.of(\"id\"))",
                        ".dropConstraint(\"fk_account_team\", ConstraintType.FOREIGN_KEY)")));
    }

    /**
     * Dropping a NOT NULL column without a default: its reverse, adding a NOT NULL column
     * without a default, is one SQLite refuses in place, so there both go in a batch.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql", "mariadb", "sqlite"})
    void dropOfANotNullColumn(String kind) throws Exception {
        String notNull = ".column(Column.of(\"email\", Type.varchar(100)).notNull())";
        Model start = INITIAL.replace("account", ".column(Column.of(\"email\", Type.varchar(100)))", notNull);
        onDatabase(kind, project -> new Walk(kind, project, start).step(Step.of("drop email",
                        m -> m.remove("account", notNull))
                .op("account", "op.dropColumn(\"account\", \"email\");",
                        "op.addColumn(\"account\", Column.of(\"email\", Type.varchar(100)).notNull());")
                .batch("account", ".dropColumn(\"email\")",
                        ".addColumn(Column.of(\"email\", Type.varchar(100)).notNull())")));
    }

    /** Runs {@code body} on a project whose database is a fresh one of {@code kind}, comparing server defaults. */
    private void onDatabase(String kind, ProjectBody body) throws Exception {
        // H2 through a file: the command line loads its own H2 driver, which cannot see the test's in-memory one.
        TestDatabase database = kind.equals("h2") ? null : TestDatabases.open(kind);
        try {
            String url = database == null
                    ? "jdbc:h2:file:" + dir.resolve("db/app") + ";DB_CLOSE_ON_EXIT=FALSE" : database.url();
            CheckProject project = CheckProject.init(dir, url, database == null ? "sa" : "");
            Path properties = project.dir.resolve("retort.properties");
            Files.writeString(properties, Files.readString(properties) + "compare_server_default=true\n");
            body.run(project);
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }

    interface ProjectBody {
        void run(CheckProject project) throws Exception;
    }

    /** A project's model going through steps: where it is, and the schema the last step left. */
    static final class Walk {
        private final String kind;
        private final CheckProject project;
        private Model model;
        private Metadata previous;

        /** Writes {@code initial}, autogenerates its revision from the empty database, applies it, checks. */
        Walk(String kind, CheckProject project, Model initial) throws Exception {
            this.kind = kind;
            this.project = project;
            this.model = initial;
            project.model(model.source());
            project.compile();
            CheckProject.CliRunResult first = project.ok("revision", "--autogenerate", "-m", "initial");
            for (String table : model.tables.keySet()) {
                assertThat(first.err()).contains("Detected added table '" + table + "'");
            }
            project.compile();
            project.ok("upgrade", "head");
            assertClean(project);
            previous = project.schema();
            assertThat(previous.tables()).extracting(t -> t.name())
                    .containsExactlyInAnyOrderElementsOf(model.tables.keySet());
        }

        /**
         * The model changed by {@code step}: check lists the expected operations, autogenerate
         * writes them and their reverse, the revision compiles and applies, check is clean,
         * downgrade -1 restores the schema before, upgrade head comes back to the same schema.
         */
        void step(Step step) throws Exception {
            boolean sqlite = kind.equals("sqlite");
            String context = kind + ", step '" + step.message + "'";
            model = step.edit.apply(model);
            project.model(model.source());
            project.compile();
            List<Op> expected = sqlite && step.batched != null ? step.batched : step.inPlace;
            if (expected.isEmpty()) {
                assertThat(project.ok("check").out()).as(context).isEqualTo("No new upgrade operations detected.\n");
                return;
            }

            String drift = project.failed("check");
            List<String> listed = drift.lines().skip(1).map(String::strip).filter(l -> l.startsWith("op.")).toList();
            boolean batched = sqlite && step.batched != null;
            List<String> tables = expected.stream().map(op -> op.table).distinct().toList();
            assertThat(listed).as("%s: check lists\n%s", context, drift)
                    .hasSize(batched ? tables.size() : expected.size());
            for (Op op : expected) {
                String line = batched ? "op.batchAlterTable(\"" + op.table + "\", batch -> batch" : "";
                assertThat(listed).as("%s: check lists\n%s", context, drift)
                        .anySatisfy(l -> assertThat(squash(l)).startsWith(squash(line)).contains(squash(op.upgrade)));
            }

            CheckProject.CliRunResult written = project.ok("revision", "--autogenerate", "-m", step.message);
            String source = Files.readString(CheckProject.generatedPath(written));
            String upgrade = squash(body(source, "upgrade"));
            String downgrade = squash(body(source, "downgrade"));
            for (Op op : expected) {
                assertThat(upgrade).as("%s: upgrade of\n%s", context, source).contains(squash(op.upgrade));
                assertThat(downgrade).as("%s: downgrade of\n%s", context, source).contains(squash(op.downgrade));
            }
            if (batched) {
                for (String table : tables) {
                    String batch = squash("op.batchAlterTable(\"" + table + "\", batch -> batch");
                    assertThat(upgrade.split(Pattern.quote(batch), -1))
                            .as("%s: one batch for %s in the upgrade of\n%s", context, table, source).hasSize(2);
                    assertThat(downgrade.split(Pattern.quote(batch), -1))
                            .as("%s: one batch for %s in the downgrade of\n%s", context, table, source).hasSize(2);
                }
                assertThat(upgrade.split("batchAlterTable", -1)).as("%s: only batches per table", context)
                        .hasSize(tables.size() + 1);
            } else {
                assertThat(source).as("%s: no batch where the database alters in place", context)
                        .doesNotContain("batchAlterTable");
            }

            project.compile();
            project.ok("upgrade", "head");
            assertClean(project);
            Metadata current = project.schema();

            project.ok("downgrade", "-1");
            assertSameSchema(context + ", after downgrade -1", previous, project.schema());
            project.ok("upgrade", "head");
            assertSameSchema(context + ", upgraded again", current, project.schema());
            assertClean(project);
            previous = current;
        }
    }

    private static void assertClean(CheckProject project) {
        assertThat(project.ok("check").out()).isEqualTo("No new upgrade operations detected.\n");
    }

    private static void assertSameSchema(String context, Metadata expected, Metadata actual) {
        Comparison comparison = Comparison.compare(expected, actual, CompareOptions.defaults().compareServerDefaults(true));
        assertThat(comparison.changes()).as("%s: %s", context, comparison).isEmpty();
        assertThat(actual).as(context).isEqualTo(expected);
    }

    /** The body of the revision's {@code upgrade} or {@code downgrade} method. */
    private static String body(String source, String method) {
        int start = source.indexOf("public void " + method + "(Operations op) {");
        assertThat(start).as("%s in\n%s", method, source).isNotNegative();
        int end = source.indexOf("\n    }\n", start);
        return source.substring(start, end);
    }

    /** Without whitespace: the renderer wraps long calls onto continuation lines. */
    private static String squash(String text) {
        return text.replaceAll("\\s+", "");
    }

    /** One operation a step expects: its text in the upgrade, and the reverse's in the downgrade. */
    record Op(String table, String upgrade, String downgrade) {
    }

    /**
     * A change of the model with the operations expected where the database alters in
     * place, and on SQLite ({@code batched}: {@code null} when the same, empty when nothing
     * is found there).
     */
    static final class Step {
        final String message;
        final UnaryOperator<Model> edit;
        final List<Op> inPlace = new ArrayList<>();
        List<Op> batched;

        private Step(String message, UnaryOperator<Model> edit) {
            this.message = message;
            this.edit = edit;
        }

        static Step of(String message, UnaryOperator<Model> edit) {
            return new Step(message, edit);
        }

        Step op(String table, String upgrade, String downgrade) {
            inPlace.add(new Op(table, upgrade, downgrade));
            return this;
        }

        /** An altered column: {@code op.alterColumn("t", …)} in place, {@code .alterColumn(…)} in a batch on SQLite. */
        Step alter(String table, String upgrade, String downgrade) {
            op(table, "op.alterColumn(\"" + table + "\", " + upgrade, "op.alterColumn(\"" + table + "\", " + downgrade);
            return batch(table, ".alterColumn(" + upgrade, ".alterColumn(" + downgrade);
        }

        Step batch(String table, String upgrade, String downgrade) {
            if (batched == null) {
                batched = new ArrayList<>();
            }
            batched.add(new Op(table, upgrade, downgrade));
            return this;
        }

        Step nothingOnSqlite() {
            batched = List.of();
            return this;
        }
    }

    /** The model's source: each table's builder lines, in order; every edit returns a new model. */
    static final class Model {
        private final Map<String, List<String>> tables;
        /** Builder calls after the tables, such as {@code .sequence(…)}. */
        private final List<String> more;

        Model() {
            this(new LinkedHashMap<>(), new ArrayList<>());
        }

        private Model(Map<String, List<String>> tables, List<String> more) {
            this.tables = tables;
            this.more = more;
        }

        private Model copy() {
            Map<String, List<String>> out = new LinkedHashMap<>();
            tables.forEach((name, lines) -> out.put(name, new ArrayList<>(lines)));
            return new Model(out, new ArrayList<>(more));
        }

        Model with(String call) {
            Model out = copy();
            out.more.add(call);
            return out;
        }

        Model without(String call) {
            Model out = copy();
            assertThat(out.more.remove(call)).as(call).isTrue();
            return out;
        }

        Model table(String name, String... lines) {
            Model out = copy();
            assertThat(out.tables.put(name, new ArrayList<>(List.of(lines)))).as("table %s", name).isNull();
            return out;
        }

        Model dropTable(String name) {
            Model out = copy();
            assertThat(out.tables.remove(name)).as("table %s", name).isNotNull();
            return out;
        }

        Model add(String table, String line) {
            Model out = copy();
            out.tables.get(table).add(line);
            return out;
        }

        Model remove(String table, String line) {
            Model out = copy();
            assertThat(out.tables.get(table).remove(line)).as("%s in %s", line, table).isTrue();
            return out;
        }

        Model replace(String table, String old, String now) {
            Model out = copy();
            List<String> lines = out.tables.get(table);
            int at = lines.indexOf(old);
            assertThat(at).as("%s in %s", old, table).isNotNegative();
            lines.set(at, now);
            return out;
        }

        /** The builder chain after {@code Metadata.builder()}, as {@link CheckProject#model} takes it. */
        String source() {
            StringBuilder out = new StringBuilder();
            tables.forEach((name, lines) -> {
                if (out.length() > 0) {
                    out.append('\n');
                }
                out.append("            .table(\"").append(name).append("\", t -> t");
                lines.forEach(line -> out.append("\n                    ").append(line));
                out.append(')');
            });
            more.forEach(call -> out.append("\n            ").append(call));
            return out.toString();
        }
    }
}
