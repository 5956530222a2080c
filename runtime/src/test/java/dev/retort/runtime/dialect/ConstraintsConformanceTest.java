package dev.retort.runtime.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.runtime.NamingConvention;
import dev.retort.runtime.dialect.OperationsConformanceTest.Fixture;
import dev.retort.runtime.dialect.SchemaReader.ForeignKeyInfo;
import dev.retort.runtime.dialect.SchemaReader.IndexInfo;
import dev.retort.runtime.internal.DefaultOperations;
import dev.retort.runtime.operation.AlterColumn;
import dev.retort.runtime.operation.ConstraintType;
import dev.retort.runtime.operation.CreateCheckConstraint;
import dev.retort.runtime.operation.CreateExcludeConstraint;
import dev.retort.runtime.operation.CreateForeignKey;
import dev.retort.runtime.operation.CreatePrimaryKey;
import dev.retort.runtime.operation.CreateTableComment;
import dev.retort.runtime.operation.CreateUniqueConstraint;
import dev.retort.runtime.operation.Operation;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.ReferentialAction;
import dev.retort.runtime.schema.TableConstraint;
import dev.retort.runtime.schema.Type;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table constraints, constraint operations, comments and the naming convention on each real
 * database: applied, read back through JDBC metadata, then reversed. A dialect is one value
 * of {@link #kinds()}; what it cannot do is listed in {@link #UNSUPPORTED} and asserted to
 * fail with {@link OperationNotSupportedException} before anything runs, never skipped.
 */
class ConstraintsConformanceTest {

    /** The databases under test. New dialects are appended here. */
    static Stream<String> kinds() {
        return OperationsConformanceTest.kinds();
    }

    /** Per database, the capabilities it lacks: each must raise the clear error. */
    static final Map<String, Set<String>> UNSUPPORTED = Map.of(
            "h2", Set.of("deferrable", "exclude", "using"),
            "postgresql", Set.of(),
            "mariadb", Set.of("deferrable", "exclude", "using"),
            "sqlite", Set.of("deferrable", "exclude", "using", "comments"));

    private static boolean supports(String kind, String capability) {
        return !UNSUPPORTED.getOrDefault(kind, Set.of()).contains(capability);
    }

    /** Runs {@code operation}, or, where the dialect lacks {@code capability}, checks it fails cleanly and runs nothing. */
    private static boolean runOrRefuse(Fixture f, String capability, Operation operation) {
        if (supports(f.db.kind(), capability)) {
            f.op.run(operation);
            return true;
        }
        int before = f.executed.size();
        assertThatThrownBy(() -> f.op.run(operation)).isInstanceOf(OperationNotSupportedException.class)
                .hasMessageContaining("The " + f.db.kind() + " dialect cannot run op.");
        assertThat(f.executed).hasSize(before);
        return false;
    }

    private static String tableComment(Fixture f, String table) throws SQLException {
        return f.schema.tableComment(table);
    }

    private static String columnComment(Fixture f, String table, String column) throws SQLException {
        return f.schema.columnComment(table, column);
    }

    private static void createAccount(Fixture f) {
        f.op.createTable("account", Column.of("id", Type.INTEGER).primaryKey(), Column.of("region", Type.INTEGER));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void createTableWithTableConstraintsAndComments(String kind) throws SQLException {
        try (Fixture f = new Fixture(kind)) {
            createAccount(f);
            boolean comments = supports(kind, "comments");
            if (!comments) {
                assertThatThrownBy(() -> f.op.createTable("order", List.of(Column.of("id", Type.INTEGER)),
                        t -> t.comment("It's an order"))).isInstanceOf(OperationNotSupportedException.class)
                        .hasMessageContaining("The sqlite dialect cannot run op.createTable(")
                        .hasMessageContaining("leave the comment out");
            }
            f.op.createTable("order", List.of(
                    Column.of("id", Type.INTEGER).notNull(),
                    comments ? Column.of("line", Type.INTEGER).notNull().comment("Line number, from 1")
                            : Column.of("line", Type.INTEGER).notNull(),
                    Column.of("account_id", Type.INTEGER),
                    Column.of("code", Type.varchar(10)),
                    Column.of("total", Type.INTEGER)),
                    t -> (comments ? t.comment("It's an order") : t)
                            .constraint(TableConstraint.primaryKey("id", "line").named("pk_order"))
                            .constraint(TableConstraint.unique("code").named("uq_order_code"))
                            .constraint(TableConstraint.check("total >= 0").named("ck_order_total"))
                            .constraint(TableConstraint.foreignKey(List.of("account_id"), "account", List.of("id"))
                                    .named("fk_order_account").onDelete(ReferentialAction.CASCADE)));

            assertThat(f.schema.primaryKey("order")).containsExactly("id", "line");
            assertThat(f.schema.indexes("order").values()).contains(new IndexInfo(true, List.of("code")));
            assertThat(f.schema.foreignKeys("order")).containsEntry("fk_order_account", new ForeignKeyInfo("order",
                    List.of("account_id"), "account", List.of("id"), DatabaseMetaData.importedKeyCascade,
                    // MariaDB's unstated ON UPDATE is RESTRICT, which is what NO ACTION means there.
                    kind.equals("mariadb") ? DatabaseMetaData.importedKeyRestrict : DatabaseMetaData.importedKeyNoAction));
            if (comments) {
                assertThat(tableComment(f, "order")).isEqualTo("It's an order");
                assertThat(columnComment(f, "order", "line")).isEqualTo("Line number, from 1");
            }
            f.sql("INSERT INTO account (id) VALUES (1)");
            f.sql("INSERT INTO " + f.q("order") + " (id, line, account_id, code, total) VALUES (1, 1, 1, 'a', 5)");
            assertThatThrownBy(() -> f.sql("INSERT INTO " + f.q("order") + " (id, line, total) VALUES (1, 2, -1)"))
                    .isInstanceOf(SQLException.class).hasMessageContaining(kind.equals("h2") ? "CK_ORDER_TOTAL" : "ck_order_total");
            if (kind.equals("sqlite")) {
                f.sql("PRAGMA foreign_keys = ON");
            }
            assertThatThrownBy(() -> f.sql("INSERT INTO " + f.q("order") + " (id, line, code) VALUES (1, 1, 'b')"))
                    .isInstanceOf(SQLException.class);
            f.sql("DELETE FROM account");
            assertThat(f.query("SELECT id FROM " + f.q("order") + "")).isEmpty();

            f.op.dropTable("order");
            assertThat(f.schema.tables()).containsExactly("account");
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void addConstraintsThenReverseThem(String kind) throws SQLException {
        try (Fixture f = new Fixture(kind)) {
            createAccount(f);
            f.op.createTable("member", Column.of("id", Type.INTEGER).notNull(), Column.of("email", Type.varchar(50)),
                    Column.of("age", Type.INTEGER), Column.of("account_id", Type.INTEGER));
            var pk = new CreatePrimaryKey(Optional.empty(), "pk_member", "member", List.of("id"));
            var unique = new CreateUniqueConstraint(Optional.empty(), "uq_member_email", "member", List.of("email"));
            var check = new CreateCheckConstraint(Optional.empty(), "ck_member_age", "member", "age >= 0");
            var fk = CreateForeignKey.builder("fk_member_account", "member", List.of("account_id"), "account", List.of("id"))
                    .onDelete(ReferentialAction.SET_NULL).build();
            for (Operation operation : List.of(pk, unique, check, fk)) {
                f.apply(operation);
            }
            assertThat(f.schema.primaryKey("member")).containsExactly("id");
            assertThat(f.schema.indexes("member").values()).contains(new IndexInfo(true, List.of("email")));
            assertThat(f.schema.foreignKeys("member")).containsKey("fk_member_account");
            f.sql("INSERT INTO member (id, email, age) VALUES (1, 'a', 1)");
            assertThatThrownBy(() -> f.sql("INSERT INTO member (id, age) VALUES (2, -1)")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> f.sql("INSERT INTO member (id, email) VALUES (3, 'a')")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> f.sql("INSERT INTO member (id) VALUES (1)")).isInstanceOf(SQLException.class);

            for (Operation operation : List.of(fk, check, unique, pk)) {
                f.unapply(operation);
            }
            assertThat(f.schema.primaryKey("member")).isEmpty();
            assertThat(f.schema.foreignKeys("member")).isEmpty();
            f.sql("INSERT INTO member (id, email, age, account_id) VALUES (1, 'a', -1, 99)");
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void deferrableForeignKeyWaitsForTheEndOfTheTransaction(String kind) throws SQLException {
        try (Fixture f = new Fixture(kind)) {
            createAccount(f);
            f.op.createTable("invoice", Column.of("id", Type.INTEGER).primaryKey(), Column.of("account_id", Type.INTEGER));
            var fk = CreateForeignKey.builder("fk_invoice_account", "invoice", List.of("account_id"), "account", List.of("id"))
                    .initiallyDeferred(true).build();
            if (runOrRefuse(f, "deferrable", fk)) {
                f.connection.setAutoCommit(false);
                f.sql("INSERT INTO invoice VALUES (1, 7)");
                f.sql("INSERT INTO account (id) VALUES (7)");
                f.connection.commit();
                f.sql("INSERT INTO invoice VALUES (2, 8)");
                assertThatThrownBy(f.connection::commit).isInstanceOf(SQLException.class);
                f.connection.rollback();
                f.connection.setAutoCommit(true);
                f.reverse(fk);
                assertThat(f.schema.foreignKeys("invoice")).isEmpty();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void excludeConstraintRefusesOverlaps(String kind) throws SQLException {
        try (Fixture f = new Fixture(kind)) {
            f.op.createTable("booking", Column.of("id", Type.INTEGER).primaryKey(), Column.of("during", Type.raw(
                    kind.equals("postgresql") ? "INT4RANGE" : "INTEGER")));
            var exclude = new CreateExcludeConstraint(Optional.empty(), "ex_booking_during", "booking",
                    List.of(new CreateExcludeConstraint.Element("during", "&&")), Optional.of("gist"), Optional.empty());
            if (runOrRefuse(f, "exclude", exclude)) {
                f.sql("INSERT INTO booking VALUES (1, '[1,5)')");
                assertThatThrownBy(() -> f.sql("INSERT INTO booking VALUES (2, '[4,6)')")).isInstanceOf(SQLException.class);
                f.reverse(exclude);
                f.sql("INSERT INTO booking VALUES (2, '[4,6)')");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void commentsOnTablesAndColumnsAreSetAndReversed(String kind) throws SQLException {
        try (Fixture f = new Fixture(kind)) {
            createAccount(f);
            var comment = new CreateTableComment(Optional.empty(), "account", "Customers", Optional.empty());
            if (!runOrRefuse(f, "comments", comment)) {
                // SQLite stores no comments: each comment operation is refused before anything runs.
                AlterColumn describe = AlterColumn.builder("account", "region").comment("Sales region").existingNoComment()
                        .existingType(Type.INTEGER).existingNullable(true).existingNoServerDefault().build();
                assertThatThrownBy(() -> f.op.run(describe)).isInstanceOf(OperationNotSupportedException.class)
                        .hasMessageContaining("The sqlite dialect cannot run op.alterColumn(");
                assertThatThrownBy(() -> f.op.dropTableComment("account")).isInstanceOf(OperationNotSupportedException.class)
                        .hasMessageContaining("The sqlite dialect cannot run op.dropTableComment(");
                return;
            }
            assertThat(tableComment(f, "account")).isEqualTo("Customers");
            f.reverse(comment);
            assertThat(tableComment(f, "account")).isNullOrEmpty();

            AlterColumn describe = AlterColumn.builder("account", "region").comment("Sales region").existingNoComment()
                    .existingType(Type.INTEGER).existingNullable(true).existingNoServerDefault().build();
            f.op.run(describe);
            assertThat(columnComment(f, "account", "region")).isEqualTo("Sales region");
            f.reverse(describe);
            assertThat(columnComment(f, "account", "region")).isNullOrEmpty();

            f.op.createTableComment("account", "Again");
            f.op.dropTableComment("account");
            assertThat(tableComment(f, "account")).isNullOrEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void typeChangeWithUsingAndRenameColumn(String kind) throws SQLException {
        try (Fixture f = new Fixture(kind)) {
            f.op.createTable("item", Column.of("id", Type.INTEGER).primaryKey(), Column.of("code", Type.varchar(10)));
            f.sql("INSERT INTO item VALUES (1, ' 42')");
            AlterColumn change = AlterColumn.builder("item", "code").type(Type.INTEGER, "trim(code)::integer").build();
            if (runOrRefuse(f, "using", change)) {
                assertThat(f.query("SELECT code FROM item")).containsExactly(42);
            }
            f.op.renameColumn("item", "code", "number");
            f.sql("INSERT INTO item (id, number) VALUES (2, 7)");
            assertThat(f.schema.columns("item").keySet()).containsExactly("id", "number");
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void theNamingConventionNamesUnnamedConstraintsSoALaterRevisionCanDropThem(String kind) throws SQLException {
        try (Fixture f = new Fixture(kind)) {
            var op = new DefaultOperations(f.dialect, sql -> {
                try (Statement statement = f.connection.createStatement()) {
                    statement.execute(sql);
                }
            }, f.connection, NamingConvention.standard());
            op.createTable("account", Column.of("id", Type.INTEGER).primaryKey(), Column.of("email", Type.varchar(50)));
            op.createTable("order", List.of(Column.of("id", Type.INTEGER).notNull(), Column.of("account_id", Type.INTEGER),
                    Column.of("number", Type.varchar(10))),
                    t -> t.constraint(TableConstraint.primaryKey("id"))
                            .constraint(TableConstraint.unique("account_id", "number"))
                            .constraint(TableConstraint.foreignKey(List.of("account_id"), "account", List.of("id"))));
            if (kind.equals("sqlite")) {
                // The refusal already carries the convention's name; batch mode adds it.
                assertThatThrownBy(() -> op.createUniqueConstraint(null, "account", "email"))
                        .isInstanceOf(OperationNotSupportedException.class)
                        .hasMessageContaining("batch.createUniqueConstraint(\"uq_account_email\"");
                op.batchAlterTable("account", b -> b.createUniqueConstraint("uq_account_email", "email"));
            } else {
                op.createUniqueConstraint(null, "account", "email");
            }
            op.createIndex(null, "order", "number");
            assertThat(f.schema.foreignKeys("order")).containsKey("fk_order_account_id_account");
            assertThat(f.schema.indexes("order")).containsKey("ix_order_number");

            op.dropIndex("ix_order_number", "order");
            if (kind.equals("sqlite")) {
                // SQLite drops a constraint only by rebuilding the table: one batch per table.
                op.batchAlterTable("order", b -> b.dropConstraint("fk_order_account_id_account", ConstraintType.FOREIGN_KEY)
                        .dropConstraint("uq_order_account_id_number", ConstraintType.UNIQUE)
                        .dropConstraint("pk_order", ConstraintType.PRIMARY_KEY));
                op.batchAlterTable("account", b -> b.dropConstraint("uq_account_email", ConstraintType.UNIQUE)
                        .dropConstraint("pk_account", ConstraintType.PRIMARY_KEY));
            } else {
                op.dropConstraint("fk_order_account_id_account", "order", ConstraintType.FOREIGN_KEY);
                op.dropConstraint("uq_order_account_id_number", "order", ConstraintType.UNIQUE);
                op.dropConstraint("pk_order", "order", ConstraintType.PRIMARY_KEY);
                op.dropConstraint("uq_account_email", "account", ConstraintType.UNIQUE);
                op.dropConstraint("pk_account", "account", ConstraintType.PRIMARY_KEY);
            }
            assertThat(f.schema.primaryKey("order")).isEmpty();
            assertThat(f.schema.primaryKey("account")).isEmpty();
            assertThat(f.schema.foreignKeys("order")).isEmpty();

            assertThatThrownBy(() -> op.createCheckConstraint(null, "account", "id > 0"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{constraint_name}");
            assertThatThrownBy(() -> f.op.createUniqueConstraint(null, "account", "email"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("namingConvention");
        }
    }
}
