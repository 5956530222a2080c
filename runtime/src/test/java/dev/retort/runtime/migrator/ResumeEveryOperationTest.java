package dev.retort.runtime.migrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.graph.RevisionNode;
import dev.retort.runtime.Migration;
import dev.retort.runtime.MigrationException;
import dev.retort.runtime.MigrationRegistry;
import dev.retort.runtime.Migrator;
import dev.retort.runtime.Operations;
import dev.retort.runtime.RevisionDefinition;
import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.operation.ConstraintType;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Type;
import dev.retort.testing.SchemaReader;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each operation, interrupted right after it took effect but before its journal row
 * committed (the state a {@code kill -9} leaves on MariaDB and H2), is repeated safely by
 * the next run: through its {@code IF [NOT] EXISTS} form or the catalogue. The database then
 * has the schema of a run that was never interrupted.
 */
class ResumeEveryOperationTest {

    private static final String R1 = "cccc00000001";
    private static final String R2 = "cccc00000002";

    private static final Map<String, Consumer<Operations>> CASES = new LinkedHashMap<>();

    static {
        CASES.put("createTable", op -> op.createTable("made", List.of(Column.of("id", Type.BIGINT).primaryKey()),
                t -> t.comment("made here")));
        CASES.put("dropTable", op -> op.dropTable("lonely"));
        CASES.put("addColumn", op -> op.addColumn("child", Column.of("extra", Type.INTEGER)));
        CASES.put("dropColumn", op -> op.dropColumn("child", "note"));
        CASES.put("createIndex", op -> op.createIndex("ix_child_note", "child", "note"));
        CASES.put("createUniqueIndex", op -> op.createUniqueIndex("ux_child_note", "child", "note", "id"));
        CASES.put("dropIndex", op -> op.dropIndex("ix_child_name", "child"));
        CASES.put("createSequence", op -> op.createSequence("seq_made"));
        CASES.put("alterColumn", op -> op.alterColumn("child", "note", c -> c.type(Type.varchar(80))
                .existingNullable(true).existingNoServerDefault()));
        CASES.put("renameColumn", op -> op.renameColumn("child", "note", "remark"));
        CASES.put("renameTable", op -> op.renameTable("lonely", "renamed"));
        CASES.put("createForeignKey", op -> op.createForeignKey("fk_child_parent", "child", "parent",
                List.of("parent_id"), List.of("id")));
        CASES.put("createUniqueConstraint", op -> op.createUniqueConstraint("uq_child_name", "child", "name"));
        CASES.put("createCheckConstraint", op -> op.createCheckConstraint("ck_child_id", "child", "id > 0"));
        CASES.put("dropForeignKey", op -> op.dropConstraint("fk_lonely_parent", "lonely", ConstraintType.FOREIGN_KEY));
    }

    static Stream<Arguments> cases() {
        List<Arguments> arguments = new ArrayList<>();
        for (String kind : List.of("h2", "mariadb")) {
            for (String name : CASES.keySet()) {
                arguments.add(Arguments.of(kind, name));
            }
        }
        return arguments.stream();
    }

    private static Migrator migrator(TestDatabase db, Consumer<Operations> second, AtomicBoolean crash) {
        Migration first = migration(op -> {
            op.createTable("parent", Column.of("id", Type.BIGINT).primaryKey());
            op.createTable("child", Column.of("id", Type.BIGINT).primaryKey(), Column.of("parent_id", Type.BIGINT),
                    Column.of("name", Type.varchar(20)), Column.of("note", Type.varchar(40)));
            op.createIndex("ix_child_name", "child", "name");
            op.createTable("lonely", Column.of("id", Type.BIGINT).primaryKey(), Column.of("parent_id", Type.BIGINT));
            op.createForeignKey("fk_lonely_parent", "lonely", "parent", List.of("parent_id"), List.of("id"));
        });
        Migration then = migration(op -> {
            second.accept(op);
            if (crash.get()) {
                throw new IllegalStateException("simulated crash");
            }
        });
        return Migrator.builder(MigrationRegistry.of("com.example.resume", List.of(
                        new RevisionDefinition(RevisionNode.of(R1), "com.example.resume.First", () -> first),
                        new RevisionDefinition(RevisionNode.of(R2, R1), "com.example.resume.Second", () -> then))))
                .dataSource(db.dataSource()).build();
    }

    private static Migration migration(Consumer<Operations> upgrade) {
        return new Migration() {
            @Override
            public void upgrade(Operations op) {
                upgrade.accept(op);
            }

            @Override
            public void downgrade(Operations op) {
                throw new UnsupportedOperationException();
            }
        };
    }

    /** The test's own schema (MariaDB: its database) as {@link SchemaReader} reads it, from the JDBC metadata. */
    private static Map<String, SchemaReader.TableShape> schema(TestDatabase db) throws SQLException {
        try (Connection connection = db.dataSource().getConnection()) {
            return new SchemaReader(connection, db, Dialects.detect(connection)).allTables();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void anOperationThatTookEffectIsRepeatedSafely(String kind, String name) throws SQLException {
        Consumer<Operations> operation = CASES.get(name);
        Map<String, SchemaReader.TableShape> expected;
        try (TestDatabase clean = TestDatabases.open(kind)) {
            migrator(clean, operation, new AtomicBoolean(false)).upgrade("head");
            expected = schema(clean);
        }
        try (TestDatabase db = TestDatabases.open(kind)) {
            AtomicBoolean crash = new AtomicBoolean(true);
            Migrator migrator = migrator(db, operation, crash);
            assertThatThrownBy(() -> migrator.upgrade("head")).isInstanceOf(MigrationException.class);
            assertThat(migrator.current()).containsExactly(R1);
            crash.set(false);
            assertThat(migrator.upgrade("head").headsAfter()).containsExactly(R2);
            assertThat(schema(db)).isEqualTo(expected);
        }
    }
}
