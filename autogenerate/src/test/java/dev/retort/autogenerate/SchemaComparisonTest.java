package dev.retort.autogenerate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.runtime.Migration;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.operation.AddColumn;
import dev.retort.runtime.operation.CreateForeignKey;
import dev.retort.runtime.operation.CreateIndex;
import dev.retort.runtime.operation.CreateSequence;
import dev.retort.runtime.operation.CreateTable;
import dev.retort.runtime.operation.DropConstraint;
import dev.retort.runtime.operation.DropTable;
import dev.retort.runtime.operation.Operation;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.ForeignKey;
import dev.retort.runtime.schema.Metadata;
import dev.retort.runtime.schema.Sequence;
import dev.retort.runtime.schema.Table;
import dev.retort.runtime.schema.Type;
import dev.retort.testing.LiveOperations;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tables, indexes, foreign keys and sequences in a schema other than the connection's, as
 * Alembic's {@code include_schemas}: invisible by default, compared when taken in, written
 * into their schema; a foreign key's referent schema is compared. Each change found is applied
 * as a compiled revision, after which the comparison is clean, and its downgrade restores the
 * "before" state. On MariaDB a schema is a database.
 */
class SchemaComparisonTest {

    @TempDir
    Path work;

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2", "mariadb"})
    void aSecondSchemaIsComparedOnlyWhenTakenIn(String kind) throws Exception {
        try (TestDatabase db = TestDatabases.open(kind); Connection connection = db.dataSource().getConnection()) {
            Dialect dialect = Dialects.detect(connection);
            String other = otherSchema(db);
            try {
                execute(connection, "CREATE SCHEMA " + other,
                        "CREATE TABLE " + other + ".users (id INT PRIMARY KEY)",
                        // The version table lives in one schema; wherever it is, it is never compared.
                        "CREATE TABLE " + other + ".retort_version (version_num VARCHAR(32) NOT NULL)",
                        "CREATE TABLE " + other + ".retort_version_lock (id INT NOT NULL)",
                        "CREATE TABLE orders (id INT PRIMARY KEY, user_id INT)");
                CompareOptions defaults = CompareOptions.defaults().forDialect(dialect);
                CompareOptions taken = defaults.includeSchemas(other);

                // By default the other schema is invisible: neither its tables nor the model's there.
                Metadata ordersOnly = Metadata.builder().table(orders(Optional.empty())).build();
                assertThat(compare(connection, dialect, ordersOnly, defaults).changes()).isEmpty();
                Metadata model = model(other);
                assertThat(compare(connection, dialect, model, defaults).operations())
                        .extracting(Object::getClass).containsExactly(CreateForeignKey.class);

                // Taken in: its new sequence, table and index, a new column, and the key to it.
                Comparison found = compare(connection, dialect, model, taken);
                assertThat(found.operations()).as(found.toString()).extracting(Object::getClass).containsExactly(
                        CreateSequence.class, CreateTable.class, CreateIndex.class, AddColumn.class,
                        CreateForeignKey.class);
                assertThat(found.operations()).extracting(SchemaComparisonTest::schema).containsExactly(
                        Optional.of(other), Optional.of(other), Optional.of(other), Optional.of(other),
                        Optional.empty());
                assertThat(((CreateForeignKey) found.operations().get(4)).referentSchema()).contains(other);
                Metadata before = Introspection.read(connection, dialect, taken);
                roundTrip(connection, dialect, "TakeInSchema", found, model, before, taken);
            } finally {
                dropSchema(connection, kind, other);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2", "mariadb"})
    void aForeignKeyRepointedFromAnotherSchemaIsFound(String kind) throws Exception {
        try (TestDatabase db = TestDatabases.open(kind); Connection connection = db.dataSource().getConnection()) {
            Dialect dialect = Dialects.detect(connection);
            String other = otherSchema(db);
            try {
                execute(connection, "CREATE SCHEMA " + other,
                        "CREATE TABLE " + other + ".users (id INT PRIMARY KEY)",
                        "CREATE TABLE users (id INT PRIMARY KEY)",
                        "CREATE TABLE orders (id INT PRIMARY KEY, user_id INT, CONSTRAINT fk_orders_user"
                                + " FOREIGN KEY (user_id) REFERENCES " + other + ".users (id))");
                CompareOptions options = CompareOptions.defaults().forDialect(dialect);
                Metadata before = Introspection.read(connection, dialect, options);
                assertThat(before.table("orders").orElseThrow().foreignKeys()).singleElement()
                        .satisfies(fk -> assertThat(fk.referentSchema()).contains(other));
                Metadata model = Metadata.builder()
                        .table("users", t -> t.column(Column.of("id", Type.INTEGER).primaryKey()))
                        .table(Table.builder("orders").column(Column.of("id", Type.INTEGER).primaryKey())
                                .column(Column.of("user_id", Type.INTEGER))
                                .foreignKey(ForeignKey.of(List.of("user_id"), "users", List.of("id"))
                                        .named("fk_orders_user"))
                                .build())
                        .build();
                Comparison found = compare(connection, dialect, model, options);
                assertThat(found.operations()).as(found.toString()).extracting(Object::getClass)
                        .containsExactly(DropConstraint.class, CreateForeignKey.class);
                CreateForeignKey key = (CreateForeignKey) found.operations().get(1);
                assertThat(key.referentSchema()).isEmpty();
                assertThat(key.referentTable()).isEqualTo("users");
                roundTrip(connection, dialect, "RepointKey", found, model, before, options);
            } finally {
                dropSchema(connection, kind, other);
            }
        }
    }

    /** On H2, whose in-memory database is the test's own: every schema, or those a filter takes. */
    @Test
    void everySchemaOrAFilteredFewAreTakenIn() throws Exception {
        try (TestDatabase db = TestDatabases.h2(); Connection connection = db.dataSource().getConnection()) {
            Dialect dialect = Dialects.detect(connection);
            execute(connection, "CREATE SCHEMA other", "CREATE SCHEMA audit",
                    "CREATE TABLE other.users (id INT PRIMARY KEY)",
                    "CREATE TABLE other.retort_version (version_num VARCHAR(32) NOT NULL)",
                    "CREATE TABLE audit.entry (id INT PRIMARY KEY)",
                    "CREATE SEQUENCE audit.entry_seq");
            CompareOptions every = CompareOptions.defaults().forDialect(dialect).includeSchemas("*");
            Comparison all = compare(connection, dialect, Metadata.empty(), every);
            assertThat(all.operations()).as(all.toString()).extracting(o -> schema(o).orElseThrow() + "."
                    + o.getClass().getSimpleName()).containsExactly("audit.DropTable", "other.DropTable",
                    "audit.DropSequence");

            // includeObject sees each object's schema.
            Comparison noAuditSequence = compare(connection, dialect, Metadata.empty(), every.includeObject(
                    o -> !(o.kind() == SchemaObject.Kind.SEQUENCE && o.schema().equals(Optional.of("audit")))));
            assertThat(noAuditSequence.operations()).extracting(o -> schema(o).orElseThrow() + "."
                    + o.getClass().getSimpleName()).containsExactly("audit.DropTable", "other.DropTable");

            CompareOptions filtered = every.includeSchemas(s -> !s.equals("audit"));
            Comparison some = compare(connection, dialect, Metadata.empty(), filtered);
            assertThat(some.operations()).singleElement().isInstanceOfSatisfying(DropTable.class,
                    drop -> assertThat(drop.schema()).contains("other"));
            Metadata model = Metadata.builder()
                    .table(Table.builder("users").schema("other").column(Column.of("id", Type.INTEGER).primaryKey())
                            .build())
                    .table(Table.builder("entry").schema("audit").column(Column.of("id", Type.INTEGER).primaryKey())
                            .build())
                    .sequence(Sequence.of("entry_seq").inSchema("audit"))
                    .build();
            assertThat(compare(connection, dialect, model, every).changes()).isEmpty();
        }
    }

    private static Table orders(Optional<String> userSchema) {
        ForeignKey key = ForeignKey.of(List.of("user_id"), "users", List.of("id")).named("fk_orders_user");
        Table.Builder orders = Table.builder("orders").column(Column.of("id", Type.INTEGER).primaryKey())
                .column(Column.of("user_id", Type.INTEGER));
        userSchema.ifPresent(s -> orders.foreignKey(key.referentSchema(s)));
        return orders.build();
    }

    private static Metadata model(String other) {
        return Metadata.builder()
                .table(orders(Optional.of(other)))
                .table(Table.builder("users").schema(other)
                        .column(Column.of("id", Type.INTEGER).primaryKey())
                        .column(Column.of("name", Type.varchar(50))).build())
                .table(Table.builder("audit").schema(other)
                        .column(Column.of("id", Type.INTEGER).primaryKey())
                        .column(Column.of("user_id", Type.INTEGER))
                        .column(Column.of("note", Type.varchar(20)))
                        .index("ix_audit_note", "note")
                        .foreignKey(ForeignKey.of(List.of("user_id"), "users", List.of("id")).named("fk_audit_user"))
                        .build())
                .sequence(Sequence.of("audit_seq").inSchema(other))
                .build();
    }

    /** Upgrades with the compiled revision, compares clean, downgrades, compares {@code before} clean. */
    private void roundTrip(Connection connection, Dialect dialect, String className, Comparison found, Metadata model,
            Metadata before, CompareOptions options) throws Exception {
        Migration revision = RevisionRunner.compile(work, className, found.changes());
        var op = LiveOperations.on(dialect, connection);
        revision.upgrade(op);
        Comparison after = compare(connection, dialect, model, options);
        assertThat(after.changes()).as(after.toString()).isEmpty();
        revision.downgrade(op);
        Comparison restored = compare(connection, dialect, before, options);
        assertThat(restored.changes()).as(restored.toString()).isEmpty();
    }

    private static Comparison compare(Connection connection, Dialect dialect, Metadata model, CompareOptions options)
            throws SQLException {
        return Comparison.compare(model, Introspection.read(connection, dialect, options), options);
    }

    private static Optional<String> schema(Operation operation) {
        try {
            @SuppressWarnings("unchecked")
            Optional<String> schema = (Optional<String>) operation.getClass().getMethod("schema").invoke(operation);
            return schema;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(operation + " has no schema", e);
        }
    }

    /** A schema of the test's own: the server's are shared by every test running on it. */
    private static String otherSchema(TestDatabase db) {
        return db.kind().equals("h2") ? "other" : db.schema() + "_o";
    }

    private static void execute(Connection connection, String... statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static void dropSchema(Connection connection, String kind, String schema) throws SQLException {
        if (kind.equals("mariadb")) {
            // The test's own database, dropped after this one, may still reference it.
            execute(connection, "SET FOREIGN_KEY_CHECKS = 0", "DROP DATABASE IF EXISTS " + schema,
                    "SET FOREIGN_KEY_CHECKS = 1");
        } else if (kind.equals("postgresql")) {
            execute(connection, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
