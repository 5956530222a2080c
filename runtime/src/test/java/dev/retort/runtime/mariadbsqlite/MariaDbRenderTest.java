package dev.retort.runtime.mariadbsqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.runtime.dialect.MariaDbDialect;
import dev.retort.runtime.dialect.OperationNotSupportedException;
import dev.retort.runtime.operation.AddColumn;
import dev.retort.runtime.operation.AlterColumn;
import dev.retort.runtime.operation.ConstraintType;
import dev.retort.runtime.operation.CreateCheckConstraint;
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
import dev.retort.runtime.operation.DropTableComment;
import dev.retort.runtime.operation.Execute;
import dev.retort.runtime.operation.RenameTable;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Expr;
import dev.retort.runtime.schema.ReferentialAction;
import dev.retort.runtime.schema.TableConstraint;
import dev.retort.runtime.schema.Type;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The SQL the MariaDB and MySQL dialects render for every operation, without a database. */
class MariaDbRenderTest {

    private final MariaDbDialect dialect = new MariaDbDialect();

    @Test
    void namesAndCapabilities() {
        assertThat(dialect.name()).isEqualTo("mariadb");
        assertThat(MariaDbDialect.mysql().name()).isEqualTo("mysql");
        assertThat(dialect.transactionalDdl()).isFalse();
        assertThat(dialect.supportsDeferrableConstraints()).isFalse();
        assertThat(dialect.advisoryLocks()).isTrue();
        assertThat(dialect.databaseLock()).isFalse();
    }

    @Test
    void quotesWithBackticksOnlyWhereNeeded() {
        assertThat(dialect.quote("account")).isEqualTo("account");
        assertThat(dialect.quote("created_at")).isEqualTo("created_at");
        assertThat(dialect.quote("order")).isEqualTo("`order`");
        // MariaDB-only reserved words, beyond SQL:2016's.
        assertThat(dialect.quote("key")).isEqualTo("`key`");
        assertThat(dialect.quote("rlike")).isEqualTo("`rlike`");
        assertThat(dialect.quote("Account")).isEqualTo("`Account`");
        assertThat(dialect.quote("we`ird")).isEqualTo("`we``ird`");
        assertThat(dialect.quote("full name")).isEqualTo("`full name`");
        assertThat(dialect.qualify("shop", "order")).isEqualTo("shop.`order`");
        assertThat(dialect.normalizeName("Account")).isEqualTo("Account");
        assertThat(dialect.denormalizeName("account")).isEqualTo("account");
    }

    @Test
    void createTableMapsEveryPortableType() {
        var create = new CreateTable("types", List.of(
                Column.of("id", Type.BIGINT).primaryKey().autoIncrement(),
                Column.of("i", Type.INTEGER), Column.of("s", Type.SMALLINT), Column.of("b", Type.BOOLEAN),
                Column.of("v", Type.varchar(20)), Column.of("t", Type.TEXT), Column.of("n", Type.numeric(12, 2)),
                Column.of("d", Type.DOUBLE), Column.of("dt", Type.DATE), Column.of("tm", Type.TIME),
                Column.of("ts", Type.TIMESTAMP), Column.of("tz", Type.TIMESTAMP_TZ), Column.of("bin", Type.BINARY),
                Column.of("vb", Type.varbinary(16)), Column.of("u", Type.UUID), Column.of("j", Type.JSON),
                Column.of("r", Type.raw("ENUM('a','b')"))));
        assertThat(dialect.render(create)).containsExactly("""
                CREATE TABLE types (
                    id BIGINT AUTO_INCREMENT NOT NULL,
                    i INTEGER,
                    s SMALLINT,
                    b BOOLEAN,
                    v VARCHAR(20),
                    t LONGTEXT,
                    n DECIMAL(12, 2),
                    d DOUBLE,
                    dt DATE,
                    tm TIME(6),
                    ts DATETIME(6),
                    tz TIMESTAMP(6) NULL,
                    bin LONGBLOB,
                    vb VARBINARY(16),
                    u UUID,
                    j JSON,
                    r ENUM('a','b'),
                    PRIMARY KEY (id)
                )""");
        assertThat(MariaDbDialect.mysql().render(new CreateTable("t", List.of(Column.of("u", Type.UUID)))))
                .containsExactly("CREATE TABLE t (\n    u CHAR(36)\n)");
    }

    @Test
    void defaultsCommentsAndConstraintsOfCreateTable() {
        var create = new CreateTable(Optional.empty(), "order", List.of(
                Column.of("id", Type.INTEGER).primaryKey(),
                Column.of("status", Type.varchar(10)).notNull().serverDefault("it's \\new").comment("the state"),
                Column.of("placed_at", Type.TIMESTAMP).serverDefault(Expr.currentTimestamp()),
                Column.of("total", Type.numeric(10, 2)).serverDefault(Expr.literal(new BigDecimal("0.00"))),
                Column.of("paid", Type.BOOLEAN).serverDefault(Expr.literal(false)),
                Column.of("account_id", Type.INTEGER).unique()),
                List.of(TableConstraint.check("total >= 0").named("ck_order_total"),
                        TableConstraint.foreignKey(List.of("account_id"), "account", List.of("id"))
                                .named("fk_order_account").onDelete(ReferentialAction.CASCADE)),
                Optional.of("Orders"));
        assertThat(dialect.render(create)).containsExactly("""
                CREATE TABLE `order` (
                    id INTEGER NOT NULL,
                    status VARCHAR(10) DEFAULT 'it''s \\\\new' NOT NULL COMMENT 'the state',
                    placed_at DATETIME(6) DEFAULT CURRENT_TIMESTAMP(6),
                    total DECIMAL(10, 2) DEFAULT 0.00,
                    paid BOOLEAN DEFAULT FALSE,
                    account_id INTEGER UNIQUE,
                    PRIMARY KEY (id),
                    CONSTRAINT ck_order_total CHECK (total >= 0),
                    CONSTRAINT fk_order_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
                ) COMMENT = 'Orders'""");
    }

    @Test
    void tableOperations() {
        assertThat(dialect.render(new DropTable(Optional.of("shop"), "order"))).containsExactly("DROP TABLE shop.`order`");
        assertThat(dialect.render(new RenameTable(Optional.of("shop"), "account", "customer")))
                .containsExactly("RENAME TABLE shop.account TO shop.customer");
        assertThat(dialect.render(new AddColumn("account", Column.of("note", Type.TEXT).comment("free text"))))
                .containsExactly("ALTER TABLE account ADD COLUMN note LONGTEXT COMMENT 'free text'");
        assertThat(dialect.render(new DropColumn(Optional.empty(), "account", "key")))
                .containsExactly("ALTER TABLE account DROP COLUMN `key`");
        assertThat(dialect.render(new CreateTableComment(Optional.empty(), "account", "Customers", Optional.empty())))
                .containsExactly("ALTER TABLE account COMMENT = 'Customers'");
        assertThat(dialect.render(new DropTableComment(Optional.empty(), "account", Optional.empty())))
                .containsExactly("ALTER TABLE account COMMENT = ''");
        assertThat(dialect.render(new Execute("SELECT 1"))).containsExactly("SELECT 1");
    }

    @Test
    void alterColumnRewritesTheWholeColumnFromTheHints() {
        assertThat(dialect.render(AlterColumn.builder("account", "name").type(Type.varchar(100))
                .existingNullable(false).existingServerDefault(Expr.literal("x")).build()))
                .containsExactly("ALTER TABLE account MODIFY COLUMN name VARCHAR(100) DEFAULT 'x' NOT NULL");
        assertThat(dialect.render(AlterColumn.builder("account", "name").nullable(true)
                .existingType(Type.varchar(50)).existingNoServerDefault().existingComment("the name").build()))
                .containsExactly("ALTER TABLE account MODIFY COLUMN name VARCHAR(50) COMMENT 'the name'");
        assertThat(dialect.render(AlterColumn.builder("account", "id").type(Type.BIGINT).existingNullable(false)
                .existingNoServerDefault().existingAutoIncrement(true).build()))
                .containsExactly("ALTER TABLE account MODIFY COLUMN id BIGINT AUTO_INCREMENT NOT NULL");
        assertThat(dialect.render(AlterColumn.builder("account", "name").type(Type.TEXT).rename("full name")
                .existingNullable(true).existingNoServerDefault().build()))
                .containsExactly("ALTER TABLE account CHANGE COLUMN name `full name` LONGTEXT");
        assertThat(dialect.render(AlterColumn.builder("account", "placed").nullable(false).existingType(Type.TIMESTAMP)
                .existingServerDefault(Expr.currentTimestamp()).build()))
                .containsExactly("ALTER TABLE account MODIFY COLUMN placed DATETIME(6) DEFAULT CURRENT_TIMESTAMP(6) NOT NULL");
        assertThat(dialect.render(AlterColumn.builder("account", "name").comment("who").existingType(Type.varchar(9))
                .existingNullable(true).existingNoServerDefault().build()))
                .containsExactly("ALTER TABLE account MODIFY COLUMN name VARCHAR(9) COMMENT 'who'");
        // Defaults and renames alone need no hint.
        assertThat(dialect.render(AlterColumn.builder("account", "status").serverDefault("new").rename("state").build()))
                .containsExactly("ALTER TABLE account ALTER COLUMN status SET DEFAULT 'new'",
                        "ALTER TABLE account RENAME COLUMN status TO state");
        assertThat(dialect.render(AlterColumn.builder("account", "status").dropServerDefault().build()))
                .containsExactly("ALTER TABLE account ALTER COLUMN status DROP DEFAULT");
    }

    @Test
    void aRewriteWithoutAHintFailsNamingTheOperationTheDialectAndTheHint() {
        assertThatThrownBy(() -> dialect.render(AlterColumn.builder("account", "name").type(Type.varchar(9)).build()))
                .isInstanceOf(OperationNotSupportedException.class)
                .hasMessageStartingWith("The mariadb dialect cannot run op.alterColumn(\"account\", \"name\"): ")
                .hasMessageContaining("without existingNullable it would lose whether it accepts nulls")
                .hasMessageContaining("c.existingNullable(true)");
        assertThatThrownBy(() -> dialect.render(AlterColumn.builder("account", "name").nullable(false).build()))
                .hasMessageContaining("without existingType it would lose the column's type");
        assertThatThrownBy(() -> dialect.render(AlterColumn.builder("account", "name").nullable(false)
                .existingType(Type.TEXT).build()))
                .hasMessageContaining("existingServerDefault (or existingNoServerDefault)");
        assertThatThrownBy(() -> dialect.render(AlterColumn.builder("account", "name")
                .type(Type.INTEGER, "name::integer").existingNullable(true).existingNoServerDefault().build()))
                .isInstanceOf(OperationNotSupportedException.class).hasMessageContaining("USING");
    }

    @Test
    void indexesAndConstraints() {
        assertThat(dialect.render(new CreateIndex("ix_order_key", "order", List.of("key", "placed_at"), true)))
                .containsExactly("CREATE UNIQUE INDEX ix_order_key ON `order` (`key`, placed_at)");
        assertThat(dialect.render(new DropIndex("ix_order_key", "order"))).containsExactly("DROP INDEX ix_order_key ON `order`");
        assertThatThrownBy(() -> dialect.render(new DropIndex(Optional.empty(), "ix_x", Optional.empty())))
                .isInstanceOf(OperationNotSupportedException.class)
                .hasMessageContaining("The mariadb dialect cannot run op.dropIndex(\"ix_x\"): ")
                .hasMessageContaining("op.dropIndex(\"ix_x\", \"<table>\")");
        assertThat(dialect.render(CreateForeignKey.builder("fk_o_a", "order", List.of("account_id"), "account",
                List.of("id")).onDelete(ReferentialAction.SET_NULL).onUpdate(ReferentialAction.CASCADE).build()))
                .containsExactly("ALTER TABLE `order` ADD CONSTRAINT fk_o_a FOREIGN KEY (account_id) REFERENCES "
                        + "account (id) ON DELETE SET NULL ON UPDATE CASCADE");
        assertThat(dialect.render(new CreatePrimaryKey(Optional.empty(), "pk_a", "account", List.of("id"))))
                .containsExactly("ALTER TABLE account ADD CONSTRAINT pk_a PRIMARY KEY (id)");
        assertThat(dialect.render(new CreateUniqueConstraint(Optional.empty(), "uq_a", "account", List.of("email"))))
                .containsExactly("ALTER TABLE account ADD CONSTRAINT uq_a UNIQUE (email)");
        assertThat(dialect.render(new CreateCheckConstraint(Optional.empty(), "ck_a", "account", "age >= 0")))
                .containsExactly("ALTER TABLE account ADD CONSTRAINT ck_a CHECK (age >= 0)");
        String drop = "ALTER TABLE `order` DROP ";
        assertThat(dialect.render(drop("fk_o_a", ConstraintType.FOREIGN_KEY))).containsExactly(drop + "FOREIGN KEY fk_o_a",
                "DROP INDEX IF EXISTS fk_o_a ON `order`");
        assertThat(MariaDbDialect.mysql().render(drop("fk_o_a", ConstraintType.FOREIGN_KEY)))
                .containsExactly(drop + "FOREIGN KEY fk_o_a");
        assertThat(dialect.render(drop("uq_o", ConstraintType.UNIQUE))).containsExactly(drop + "INDEX uq_o");
        assertThat(dialect.render(drop("ck_o", ConstraintType.CHECK))).containsExactly(drop + "CONSTRAINT ck_o");
        assertThat(MariaDbDialect.mysql().render(drop("ck_o", ConstraintType.CHECK))).containsExactly(drop + "CHECK ck_o");
        assertThat(dialect.render(drop("pk_o", ConstraintType.PRIMARY_KEY))).containsExactly(drop + "PRIMARY KEY");
        assertThat(dialect.render(new DropConstraint("anything", "order"))).containsExactly(drop + "CONSTRAINT anything");
    }

    private static DropConstraint drop(String name, ConstraintType type) {
        return new DropConstraint(Optional.empty(), name, "order", Optional.of(type));
    }

    @Test
    void deferrableForeignKeysAreRefused() {
        var create = new CreateTable(Optional.empty(), "order", List.of(Column.of("a", Type.INTEGER)),
                List.of(TableConstraint.foreignKey(List.of("a"), "account", List.of("id")).deferrable(true)),
                Optional.empty());
        assertThatThrownBy(() -> dialect.render(create)).isInstanceOf(OperationNotSupportedException.class)
                .hasMessageContaining("The mariadb dialect cannot run op.createTable(\"order\"): ");
    }

    @Test
    void versionTableAndNamedLock() {
        assertThat(dialect.createVersionTable(null, "retort_version")).isEqualTo("CREATE TABLE IF NOT EXISTS "
                + "retort_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT retort_version_pkc PRIMARY KEY "
                + "(version_num))");
        assertThat(dialect.insertVersion("shop", "retort_version", "abc"))
                .isEqualTo("INSERT INTO shop.retort_version (version_num) VALUES ('abc')");
        // MariaDB reads a backslash as an escape: its literal() doubles it as well as the quote.
        assertThat(dialect.deleteVersion(null, "v", "\\' OR 1=1;--"))
                .isEqualTo("DELETE FROM v WHERE version_num='\\\\'' OR 1=1;--'");
        assertThat(dialect.insertVersion("shop", "retort_version"))
                .isEqualTo("INSERT INTO shop.retort_version (version_num) VALUES (?)");
        // The key is bound; the name is still retort:<key>:<database>, as before it was.
        assertThat(dialect.tryAdvisoryLock()).isEqualTo(
                "SELECT GET_LOCK(CONCAT('retort:', ?, ':', LEFT(COALESCE(DATABASE(), ''), 36)), 0)");
        assertThat(dialect.advisoryUnlock()).isEqualTo(
                "SELECT RELEASE_LOCK(CONCAT('retort:', ?, ':', LEFT(COALESCE(DATABASE(), ''), 36)))");
        assertThat(dialect.advisoryLockHolderQuery(-42)).hasValueSatisfying(text -> assertThat(text)
                .contains("IS_USED_LOCK(CONCAT('retort:-42:', LEFT(COALESCE(DATABASE(), ''), 36)))"));
    }
}
