package dev.retort.runtime.mariadbsqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.runtime.dialect.OperationNotSupportedException;
import dev.retort.runtime.dialect.SqliteDialect;
import dev.retort.runtime.operation.AddColumn;
import dev.retort.runtime.operation.AlterColumn;
import dev.retort.runtime.operation.CreateCheckConstraint;
import dev.retort.runtime.operation.CreateExcludeConstraint;
import dev.retort.runtime.operation.CreateForeignKey;
import dev.retort.runtime.operation.CreateIndex;
import dev.retort.runtime.operation.CreatePrimaryKey;
import dev.retort.runtime.operation.CreateTable;
import dev.retort.runtime.operation.CreateTableComment;
import dev.retort.runtime.operation.CreateUniqueConstraint;
import dev.retort.runtime.operation.DropColumn;
import dev.retort.runtime.operation.DropConstraint;
import dev.retort.runtime.operation.DropIndex;
import dev.retort.runtime.operation.DropTable;
import dev.retort.runtime.operation.Operation;
import dev.retort.runtime.operation.RenameTable;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Expr;
import dev.retort.runtime.schema.TableConstraint;
import dev.retort.runtime.schema.Type;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The SQL the SQLite dialect renders, and the operations it refuses, without a database. */
class SqliteRenderTest {

    private final SqliteDialect dialect = new SqliteDialect();

    @Test
    void namesCapabilitiesAndQuoting() {
        assertThat(dialect.name()).isEqualTo("sqlite");
        assertThat(dialect.transactionalDdl()).isTrue();
        assertThat(dialect.supportsAlterColumn()).isFalse();
        assertThat(dialect.supportsComments()).isFalse();
        assertThat(dialect.advisoryLocks()).isFalse();
        assertThat(dialect.databaseLock()).isTrue();
        assertThat(dialect.quote("account")).isEqualTo("account");
        // SQLite keywords beyond SQL:2016's.
        assertThat(dialect.quote("vacuum")).isEqualTo("\"vacuum\"");
        assertThat(dialect.quote("autoincrement")).isEqualTo("\"autoincrement\"");
        assertThat(dialect.quote("we\"ird")).isEqualTo("\"we\"\"ird\"");
        assertThat(dialect.qualify("main", "order")).isEqualTo("main.\"order\"");
    }

    @Test
    void createTableMapsTypesAndPutsTheAutoIncrementKeyOnItsColumn() {
        var create = new CreateTable("types", List.of(
                Column.of("id", Type.BIGINT).primaryKey().autoIncrement(),
                Column.of("b", Type.BOOLEAN).notNull().serverDefault(Expr.literal(true)),
                Column.of("v", Type.varchar(20)).unique(), Column.of("t", Type.TEXT),
                Column.of("n", Type.numeric(12, 2)), Column.of("d", Type.DOUBLE),
                Column.of("ts", Type.TIMESTAMP).serverDefault(Expr.currentTimestamp()),
                Column.of("tz", Type.TIMESTAMP_TZ), Column.of("bin", Type.BINARY), Column.of("vb", Type.varbinary(4)),
                Column.of("u", Type.UUID), Column.of("j", Type.JSON)));
        assertThat(dialect.render(create)).containsExactly("""
                CREATE TABLE types (
                    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
                    b BOOLEAN DEFAULT TRUE NOT NULL,
                    v VARCHAR(20) UNIQUE,
                    t TEXT,
                    n NUMERIC(12, 2),
                    d DOUBLE,
                    ts TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
                    tz TIMESTAMP WITH TIME ZONE,
                    bin BLOB,
                    vb BLOB,
                    u CHAR(36),
                    j TEXT
                )""");
        var composite = new CreateTable(Optional.empty(), "m", List.of(Column.of("a", Type.INTEGER).primaryKey(),
                Column.of("b", Type.INTEGER).primaryKey()), List.of(TableConstraint.check("a <> b").named("ck_m")),
                Optional.empty());
        assertThat(dialect.render(composite)).containsExactly(
                "CREATE TABLE m (\n    a INTEGER NOT NULL,\n    b INTEGER NOT NULL,\n    PRIMARY KEY (a, b),\n"
                        + "    CONSTRAINT ck_m CHECK (a <> b)\n)");
    }

    @Test
    void autoIncrementOnlyOnASingleKeyColumn() {
        var twoKeys = new CreateTable("m", List.of(Column.of("a", Type.INTEGER).primaryKey().autoIncrement(),
                Column.of("b", Type.INTEGER).primaryKey()));
        assertThatThrownBy(() -> dialect.render(twoKeys)).isInstanceOf(OperationNotSupportedException.class)
                .hasMessageContaining("The sqlite dialect cannot run op.createTable(\"m\"): ")
                .hasMessageContaining("single INTEGER PRIMARY KEY");
        var notKey = new CreateTable("m", List.of(Column.of("id", Type.INTEGER).primaryKey(),
                Column.of("n", Type.INTEGER).autoIncrement()));
        assertThatThrownBy(() -> dialect.render(notKey)).hasMessageContaining("n is not one");
    }

    @Test
    void whatRunsInPlace() {
        assertThat(dialect.render(new DropTable(Optional.of("main"), "order"))).containsExactly("DROP TABLE main.\"order\"");
        assertThat(dialect.render(new RenameTable("account", "customer")))
                .containsExactly("ALTER TABLE account RENAME TO customer");
        assertThat(dialect.render(new AddColumn("account", Column.of("n", Type.INTEGER).notNull().serverDefault(
                Expr.literal(0))))).containsExactly("ALTER TABLE account ADD COLUMN n INTEGER DEFAULT 0 NOT NULL");
        assertThat(dialect.render(new DropColumn(Optional.empty(), "account", "n")))
                .containsExactly("ALTER TABLE account DROP COLUMN n");
        assertThat(dialect.render(AlterColumn.builder("account", "n").rename("m").build()))
                .containsExactly("ALTER TABLE account RENAME COLUMN n TO m");
        assertThat(dialect.render(new CreateIndex(Optional.of("main"), "ix_a", "account", List.of("n", "m"), true)))
                .containsExactly("CREATE UNIQUE INDEX main.ix_a ON account (n, m)");
        assertThat(dialect.render(new DropIndex(Optional.of("main"), "ix_a", Optional.of("account"))))
                .containsExactly("DROP INDEX main.ix_a");
    }

    @Test
    void whatNeedsBatchModeFailsNamingTheOperationTheDialectAndBatchMode() {
        List<Operation> refused = List.of(
                AlterColumn.builder("account", "n").type(Type.BIGINT).build(),
                AlterColumn.builder("account", "n").nullable(false).build(),
                AlterColumn.builder("account", "n").serverDefault("x").build(),
                new AddColumn("account", Column.of("id2", Type.INTEGER).primaryKey()),
                new AddColumn("account", Column.of("e", Type.varchar(9)).unique()),
                new AddColumn("account", Column.of("e", Type.varchar(9)).notNull()),
                new AddColumn("account", Column.of("e", Type.TIMESTAMP).serverDefault(Expr.currentTimestamp())),
                CreateForeignKey.builder("fk", "account", List.of("r"), "region", List.of("id")).build(),
                new DropConstraint("fk", "account"),
                new CreatePrimaryKey(Optional.empty(), "pk", "account", List.of("id")),
                new CreateUniqueConstraint(Optional.empty(), "uq", "account", List.of("e")),
                new CreateCheckConstraint(Optional.empty(), "ck", "account", "n > 0"));
        for (Operation operation : refused) {
            assertThatThrownBy(() -> dialect.render(operation)).as(operation.toString())
                    .isInstanceOf(OperationNotSupportedException.class)
                    .hasMessageStartingWith("The sqlite dialect cannot run op.")
                    .hasMessageContaining("(\"account\"")
                    .hasMessageNotContaining("Optional")
                    .hasMessageContaining("op.batchAlterTable(\"account\", batch -> batch.")
                    .satisfies(e -> assertThat(((OperationNotSupportedException) e).dialect()).isEqualTo("sqlite"));
        }
        assertThatThrownBy(() -> dialect.render(new CreateTableComment(Optional.empty(), "a", "x", Optional.empty())))
                .isInstanceOf(OperationNotSupportedException.class).hasMessageContaining("no comments");
        assertThatThrownBy(() -> dialect.render(new CreateTable("a", List.of(Column.of("x", Type.INTEGER).comment("c")))))
                .isInstanceOf(OperationNotSupportedException.class).hasMessageContaining("no comments");
        assertThatThrownBy(() -> dialect.render(new CreateExcludeConstraint(Optional.empty(), "ex", "a",
                List.of(new CreateExcludeConstraint.Element("x", "=")), Optional.empty(), Optional.empty())))
                .isInstanceOf(OperationNotSupportedException.class).hasMessageContaining("PostgreSQL only");
    }

    @Test
    void theLockStatements() {
        assertThat(dialect.acquireDatabaseLock())
                .containsExactly("BEGIN IMMEDIATE", "PRAGMA locking_mode = EXCLUSIVE", "COMMIT");
        assertThat(dialect.releaseDatabaseLock())
                .containsExactly("PRAGMA locking_mode = NORMAL", "SELECT COUNT(*) FROM sqlite_master");
    }
}
