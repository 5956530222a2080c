package dev.retort.runtime.mariadbsqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.runtime.dialect.OperationNotSupportedException;
import dev.retort.runtime.dialect.SqliteDialect;
import dev.retort.testing.SchemaReader.ForeignKeyInfo;
import dev.retort.testing.SchemaReader.IndexInfo;
import dev.retort.runtime.internal.DefaultOperations;
import dev.retort.runtime.internal.StatementFailedException;
import dev.retort.runtime.operation.BatchAlterTable.Recreate;
import dev.retort.runtime.operation.ConstraintType;
import dev.retort.runtime.operation.TableDefinition;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Expr;
import dev.retort.runtime.schema.ReferentialAction;
import dev.retort.runtime.schema.TableConstraint;
import dev.retort.runtime.schema.Type;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * batchAlterTable: on SQLite by move and copy with rows, indexes, constraints and foreign
 * keys checked after the rebuild; elsewhere in place, and rebuilt with {@code ALWAYS}.
 */
class BatchAlterTableTest {

    private static final int ROWS = 2_000;

    /** region ← account (FK, check, unique, index, autoincrement) ← order (FK to account), with rows. */
    private static void createSchema(Fixture f) throws SQLException {
        f.op.createTable("region", Column.of("id", Type.INTEGER).primaryKey(), Column.of("name", Type.varchar(20)));
        f.op.createTable("account", List.of(
                Column.of("id", Type.BIGINT).primaryKey().autoIncrement(),
                Column.of("name", Type.varchar(50)).notNull(),
                Column.of("email", Type.varchar(100)).unique(),
                Column.of("status", Type.varchar(10)).notNull().serverDefault("new"),
                Column.of("legacy", Type.INTEGER),
                Column.of("region_id", Type.INTEGER)),
                t -> t.constraint(TableConstraint.check("length(name) > 0").named("ck_account_name"))
                        .constraint(TableConstraint.foreignKey(List.of("region_id"), "region", List.of("id"))
                                .named("fk_account_region").onDelete(ReferentialAction.CASCADE)));
        f.op.createIndex("ix_account_status", "account", "status");
        f.op.createTable("order", List.of(Column.of("id", Type.INTEGER).primaryKey(),
                Column.of("account_id", Type.BIGINT)),
                t -> t.constraint(TableConstraint.foreignKey(List.of("account_id"), "account", List.of("id"))
                        .named("fk_order_account")));
        f.sql("INSERT INTO region VALUES (1, 'north'), (2, 'south')");
        boolean auto = f.connection.getAutoCommit();
        f.connection.setAutoCommit(false);
        try (PreparedStatement insert = f.connection.prepareStatement(
                "INSERT INTO account (name, email, status, legacy, region_id) VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 1; i <= ROWS; i++) {
                insert.setString(1, "name " + i + " it's");
                insert.setString(2, i % 10 == 0 ? null : "user" + i + "@example.com");
                insert.setString(3, i % 3 == 0 ? "closed" : "open");
                insert.setInt(4, i * 7);
                insert.setInt(5, i % 2 + 1);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        f.sql("INSERT INTO " + f.q("order") + " VALUES (1, 4), (2, 6), (3, " + ROWS + ")");
        f.connection.commit();
        f.connection.setAutoCommit(auto);
    }

    /** Every (id, name, email, status) row, in id order: what the copy must keep. */
    private static List<List<String>> accountRows(Fixture f, String statusColumn) throws SQLException {
        return f.rows("SELECT id, name, email, " + statusColumn + " FROM account ORDER BY id");
    }

    @Test
    void sqliteRebuildsTheTableKeepingEveryRowIndexConstraintAndReference() throws SQLException {
        try (Fixture f = new Fixture("sqlite")) {
            f.sql("PRAGMA foreign_keys = ON");
            createSchema(f);
            List<List<String>> before = accountRows(f, "status");
            f.executed.clear();

            f.op.batchAlterTable("account", batch -> batch
                    .alterColumn("name", c -> c.type(Type.varchar(100)).nullable(true))
                    .alterColumn("status", c -> c.rename("state").serverDefault("fresh"))
                    .addColumn(Column.of("note", Type.TEXT).serverDefault("none"))
                    .dropColumn("legacy")
                    .createIndex("ix_account_name", "name")
                    .createUniqueConstraint("uq_account_name_state", "name", "state"));

            assertThat(f.executed).anyMatch(sql -> sql.startsWith("CREATE TABLE _retort_tmp_account"))
                    .anyMatch(sql -> sql.startsWith("INSERT INTO _retort_tmp_account (id, name, email, state, region_id) "
                            + "SELECT id, CAST(name AS VARCHAR(100)), email, status, region_id FROM account"))
                    .anyMatch(sql -> sql.equals("DROP TABLE account"))
                    .anyMatch(sql -> sql.equals("ALTER TABLE _retort_tmp_account RENAME TO account"));
            // No row lost, every value kept (status now in state).
            assertThat(f.count("account")).isEqualTo(ROWS);
            assertThat(accountRows(f, "state")).isEqualTo(before);
            assertThat(f.query("SELECT DISTINCT note FROM account")).containsExactly("none");
            assertThat(f.columns("account").keySet()).containsExactly("id", "name", "email", "state", "region_id", "note");
            assertThat(f.columns("account").get("name").nullable()).isTrue();
            assertThat(f.columns("account").get("name").typeName()).isEqualToIgnoringCase("VARCHAR");
            assertThat(f.primaryKey("account")).containsExactly("id");

            // Indexes: the old one follows the rename, the new one is there.
            assertThat(f.indexes("account").get("ix_account_status")).isEqualTo(new IndexInfo(false, List.of("state")));
            assertThat(f.indexes("account").get("ix_account_name")).isEqualTo(new IndexInfo(false, List.of("name")));
            // Constraints: unique email, the check, the new unique pair, the foreign key.
            assertThatThrownBy(() -> f.sql("INSERT INTO account (name, email) VALUES ('x', 'user1@example.com')"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("UNIQUE");
            assertThatThrownBy(() -> f.sql("INSERT INTO account (name) VALUES ('')"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("ck_account_name");
            assertThatThrownBy(() -> f.sql("INSERT INTO account (name, state) VALUES ('name 1 it''s', 'open')"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("UNIQUE");
            assertThatThrownBy(() -> f.sql("INSERT INTO account (name, region_id) VALUES ('y', 99)"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("FOREIGN KEY");
            ForeignKeyInfo region = f.foreignKeys("account").values().iterator().next();
            assertThat(region.referentTable()).isEqualTo("region");
            assertThat(region.deleteRule()).isEqualTo(DatabaseMetaData.importedKeyCascade);
            assertThat(f.query("SELECT sql FROM sqlite_master WHERE name = 'account'").get(0).toString())
                    .contains("CONSTRAINT fk_account_region FOREIGN KEY").contains("AUTOINCREMENT");

            // The default, the AUTOINCREMENT counter and the reference from order carry on.
            f.sql("INSERT INTO account (name) VALUES ('newcomer')");
            assertThat(f.rows("SELECT id, state FROM account WHERE name = 'newcomer'"))
                    .containsExactly(List.of(String.valueOf(ROWS + 1), "fresh"));
            assertThat(f.query("PRAGMA foreign_key_check")).isEmpty();
            assertThatThrownBy(() -> f.sql("INSERT INTO " + f.q("order") + " VALUES (9, 999999)"))
                    .isInstanceOf(SQLException.class);
            f.sql("DELETE FROM region WHERE id = 2");
            assertThat(f.count("account")).isEqualTo(ROWS / 2 + 1);
            assertThat(f.tables()).containsExactly("account", "order", "region");
        }
    }

    @Test
    void sqliteAddsAndDropsConstraintsInABatch() throws SQLException {
        try (Fixture f = new Fixture("sqlite")) {
            createSchema(f);
            f.op.batchAlterTable("account", batch -> batch
                    .dropConstraint("fk_account_region")
                    .dropConstraint("ck_account_name", ConstraintType.CHECK));
            f.sql("PRAGMA foreign_keys = ON");
            f.sql("INSERT INTO account (name, region_id) VALUES ('', 99)");
            assertThat(f.foreignKeys("account")).isEmpty();

            f.op.batchAlterTable("order", batch -> batch
                    .dropConstraint("fk_order_account", ConstraintType.FOREIGN_KEY)
                    .createForeignKey("fk_order_account2", "account", List.of("account_id"), List.of("id"),
                            fk -> fk.onDelete(ReferentialAction.SET_NULL))
                    .createCheckConstraint("ck_order_id", "id > 0"));
            assertThat(f.foreignKeys("order")).containsOnlyKeys("fk_order_account2");
            assertThat(f.rows("SELECT id, account_id FROM " + f.q("order") + " ORDER BY id")).containsExactly(
                    List.of("1", "4"), List.of("2", "6"), List.of("3", String.valueOf(ROWS)));
            f.sql("DELETE FROM account WHERE id = 4");
            assertThat(f.query("SELECT account_id FROM " + f.q("order") + " WHERE id = 1")).containsExactly((Object) null);
            assertThatThrownBy(() -> f.sql("INSERT INTO " + f.q("order") + " VALUES (-1, NULL)"))
                    .hasMessageContaining("ck_order_id");

            assertThatThrownBy(() -> f.op.batchAlterTable("order", batch -> batch.dropConstraint("nope")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("batchAlterTable of order cannot apply")
                    .hasMessageContaining("no constraint named nope")
                    .hasMessageContaining("fk_order_account2");
        }
    }

    @Test
    void sqliteDropsAnUnnamedInlineUniqueByItsConventionName() throws SQLException {
        try (Fixture f = new Fixture("sqlite")) {
            createSchema(f);
            List<List<String>> before = accountRows(f, "status");
            assertThatThrownBy(() -> f.sql("INSERT INTO account (name, email) VALUES ('dup', 'user1@example.com')"))
                    .isInstanceOf(SQLException.class);
            // email's inline UNIQUE has no name in SQLite; uq_{table}_{column} identifies it.
            f.op.batchAlterTable("account", batch -> batch.dropConstraint("uq_account_email", ConstraintType.UNIQUE));
            assertThat(accountRows(f, "status")).isEqualTo(before);
            assertThat(f.count("account")).isEqualTo(ROWS);
            f.sql("INSERT INTO account (name, email) VALUES ('dup', 'user1@example.com')");
            f.sql("INSERT INTO account (name, email) VALUES ('dup2', 'user1@example.com')");
            assertThat(f.count("account")).isEqualTo(ROWS + 2);
            // The rest of the table survives: the named check and foreign key still hold.
            assertThat(f.foreignKeys("account")).containsOnlyKeys("fk_account_region");
            assertThatThrownBy(() -> f.sql("INSERT INTO account (name) VALUES ('')")).hasMessageContaining("ck_account_name");
            // A name matching no unique still fails.
            assertThatThrownBy(() -> f.op.batchAlterTable("account", batch -> batch.dropConstraint("uq_account_email",
                    ConstraintType.UNIQUE))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no unique constraint named uq_account_email");
        }
    }

    /**
     * As PostgreSQL: a dropped column takes the checks that read it along, named or not,
     * inline or table-level; a renamed column is renamed in the checks that read it.
     */
    @Test
    void sqliteDropsTheChecksOfADroppedColumnAndRenamesColumnsInTheRest() throws SQLException {
        try (Fixture f = new Fixture("sqlite")) {
            f.sql("CREATE TABLE ledger (id INTEGER PRIMARY KEY, legacy INTEGER CHECK (legacy >= 0),"
                    + " status VARCHAR(10) NOT NULL CHECK (status <> 'legacy'), amount INTEGER,"
                    + " CONSTRAINT ck_ledger_pair CHECK (\"legacy\" < amount), CHECK (amount > 0))");
            f.sql("INSERT INTO ledger VALUES (1, 5, 'open', 10), (2, 0, 'closed', 20)");

            f.op.batchAlterTable("ledger", batch -> batch.dropColumn("legacy"));
            assertThat(f.columns("ledger").keySet()).containsExactly("id", "status", "amount");
            assertThat(f.rows("SELECT id, status, amount FROM ledger ORDER BY id"))
                    .containsExactly(List.of("1", "open", "10"), List.of("2", "closed", "20"));
            String sql = f.query("SELECT sql FROM sqlite_master WHERE name = 'ledger'").get(0).toString();
            assertThat(sql).doesNotContain("legacy >=").doesNotContain("ck_ledger_pair");
            // The checks that do not read legacy hold on ('legacy' in a literal is no reference).
            assertThatThrownBy(() -> f.sql("INSERT INTO ledger VALUES (3, 'legacy', 1)"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("CHECK");
            assertThatThrownBy(() -> f.sql("INSERT INTO ledger VALUES (3, 'open', 0)"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("CHECK");

            f.op.batchAlterTable("ledger", batch -> batch.alterColumn("status", c -> c.rename("state")));
            assertThat(f.columns("ledger").keySet()).containsExactly("id", "state", "amount");
            assertThatThrownBy(() -> f.sql("INSERT INTO ledger (id, state, amount) VALUES (3, 'legacy', 1)"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("CHECK");
            f.sql("INSERT INTO ledger (id, state, amount) VALUES (3, 'new', 1)");
            assertThat(f.count("ledger")).isEqualTo(3);
        }
    }

    /**
     * SQLite's rebuild carries generated columns, stored and virtual, which {@code PRAGMA
     * table_info} hides: they are declared again in the new table and computed anew, not
     * copied (they cannot be written); a stored one, which SQLite cannot add in place, is
     * added by the rebuild.
     */
    @Test
    void sqliteRebuildsATableWithGeneratedColumnsAndAddsAStoredOne() throws SQLException {
        try (Fixture f = new Fixture("sqlite")) {
            f.sql("CREATE TABLE item (id INTEGER PRIMARY KEY, price NUMERIC(10, 2) NOT NULL, legacy INTEGER,"
                    + " doubled NUMERIC(12, 2) GENERATED ALWAYS AS (price * 2) STORED,"
                    + " label TEXT AS ('#' || id) VIRTUAL)");
            f.sql("INSERT INTO item (id, price, legacy) VALUES (1, 2.5, 7), (2, 4, 8)");

            assertThatThrownBy(() -> f.op.addColumn("item", Column.of("tripled", Type.numeric(12, 2))
                    .computed("price * 3"))).isInstanceOf(OperationNotSupportedException.class)
                    .hasMessageContaining("STORED generated column");
            f.op.batchAlterTable("item", batch -> batch.dropColumn("legacy")
                    .addColumn(Column.of("tripled", Type.numeric(12, 2)).computed("price * 3")));
            assertThat(f.columns("item").keySet()).contains("id", "price", "doubled", "label", "tripled")
                    .doesNotContain("legacy");
            assertThat(f.rows("SELECT id, doubled, label, tripled FROM item ORDER BY id")).containsExactly(
                    List.of("1", "5", "#1", "7.5"), List.of("2", "8", "#2", "12"));
            f.sql("UPDATE item SET price = 10 WHERE id = 1");
            assertThat(f.rows("SELECT doubled, tripled FROM item WHERE id = 1")).containsExactly(List.of("20", "30"));
            String sql = f.query("SELECT sql FROM sqlite_master WHERE name = 'item'").get(0).toString();
            assertThat(sql).contains("GENERATED ALWAYS AS (price * 2) STORED").contains("VIRTUAL");
        }
    }

    @Test
    void sqliteInsideATransactionWithForeignKeysOnRefusesToDropAReferencedTable() throws SQLException {
        try (Fixture f = new Fixture("sqlite")) {
            createSchema(f);
            f.sql("PRAGMA foreign_keys = ON");
            f.connection.setAutoCommit(false);
            assertThatThrownBy(() -> f.op.batchAlterTable("account", batch -> batch.alterColumn("legacy", c -> c.type(Type.BIGINT))))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("PRAGMA foreign_keys is ON")
                    .hasMessageContaining("[order]");
            // A table nothing references is rebuilt even so.
            f.op.batchAlterTable("order", batch -> batch.alterColumn("account_id", c -> c.nullable(false)));
            f.connection.commit();
            f.connection.setAutoCommit(true);
            assertThat(f.columns("order").get("account_id").nullable()).isFalse();
            assertThat(f.count("order")).isEqualTo(3);
            assertThat(f.count("account")).isEqualTo(ROWS);
        }
    }

    @Test
    void sqliteRunsInPlaceWhatItCanAndNeverRebuildsWhenToldNot() throws SQLException {
        try (Fixture f = new Fixture("sqlite")) {
            createSchema(f);
            f.executed.clear();
            f.op.batchAlterTable("account", batch -> batch
                    .addColumn(Column.of("note", Type.TEXT))
                    .renameColumn("legacy", "previous")
                    .createIndex("ix_account_note", "note"));
            assertThat(f.executed).containsExactly(
                    "ALTER TABLE account ADD COLUMN note TEXT",
                    "ALTER TABLE account RENAME COLUMN legacy TO previous",
                    "CREATE INDEX ix_account_note ON account (note)");
            f.executed.clear();
            assertThatThrownBy(() -> f.op.batchAlterTable("account", batch -> batch.recreate(Recreate.NEVER)
                    .addColumn(Column.of("x", Type.INTEGER)).alterColumn("previous", c -> c.type(Type.BIGINT))))
                    .isInstanceOf(OperationNotSupportedException.class)
                    .hasMessageContaining("The sqlite dialect cannot run op.alterColumn(\"account\", \"previous\"): ");
            assertThat(f.executed).isEmpty();
            // ALWAYS rebuilds even a change SQLite could make in place.
            f.op.batchAlterTable("account", batch -> batch.recreate(Recreate.ALWAYS).addColumn(Column.of("y", Type.INTEGER)));
            assertThat(f.executed).anyMatch(sql -> sql.startsWith("CREATE TABLE _retort_tmp_account"));
            assertThat(f.count("account")).isEqualTo(ROWS);
        }
    }

    @Test
    void offlineARebuildNeedsCopyFromAndItsScriptRunsOnTheDatabase() throws SQLException {
        List<String> script = new ArrayList<>();
        var offline = new DefaultOperations(new SqliteDialect(), script::add, null);
        assertThatThrownBy(() -> offline.batchAlterTable("account", batch -> batch.alterColumn("legacy",
                c -> c.nullable(false))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("batchAlterTable of account rebuilds the table on sqlite")
                .hasMessageContaining("batch.copyFrom(TableDefinition.of(…))");
        assertThat(script).isEmpty();

        TableDefinition account = TableDefinition.of(
                        Column.of("id", Type.INTEGER).primaryKey().autoIncrement(),
                        Column.of("name", Type.varchar(50)).notNull(),
                        Column.of("legacy", Type.INTEGER))
                .withIndex(new TableDefinition.Index("ix_account_name", List.of("name"), false))
                .withCheckConstraint(new TableDefinition.CheckConstraint(Optional.of("ck_name"), "name <> ''"));
        offline.batchAlterTable("account", batch -> batch.copyFrom(account)
                .dropColumn("legacy")
                .alterColumn("name", c -> c.type(Type.varchar(80))));
        assertThat(script).containsExactly(
                "CREATE TABLE _retort_tmp_account (\n    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,\n"
                        + "    name VARCHAR(80) NOT NULL,\n    CONSTRAINT ck_name CHECK (name <> '')\n)",
                "INSERT INTO _retort_tmp_account (id, name) SELECT id, CAST(name AS VARCHAR(80)) FROM account",
                "DROP TABLE account",
                "ALTER TABLE _retort_tmp_account RENAME TO account",
                "CREATE INDEX ix_account_name ON account (name)");

        // The script does on a real database what the online batch does.
        try (Fixture f = new Fixture("sqlite")) {
            f.op.createTable("account", account.columns());
            f.sql("INSERT INTO account (name, legacy) VALUES ('ann', 1), ('bob', 2)");
            for (String sql : script) {
                f.sql(sql);
            }
            assertThat(f.rows("SELECT id, name FROM account ORDER BY id"))
                    .containsExactly(List.of("1", "ann"), List.of("2", "bob"));
            assertThat(f.indexes("account")).containsKey("ix_account_name");
            assertThatThrownBy(() -> f.sql("INSERT INTO account (name) VALUES ('')")).hasMessageContaining("ck_name");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql", "mariadb"})
    void elsewhereABatchRunsInPlaceByDefault(String kind) throws SQLException {
        try (Fixture f = new Fixture(kind)) {
            createSchema(f);
            List<List<String>> before = accountRows(f, "status");
            f.executed.clear();
            f.op.batchAlterTable("account", batch -> batch
                    .addColumn(Column.of("note", Type.varchar(20)))
                    .alterColumn("name", c -> c.type(Type.varchar(120)).existingNullable(false).existingNoServerDefault())
                    .dropColumn("legacy")
                    .createIndex("ix_account_name", "name"));
            assertThat(f.executed).noneMatch(sql -> sql.contains("_retort_tmp_"));
            assertThat(f.executed.get(0)).startsWith("ALTER TABLE account ADD COLUMN note");
            assertThat(accountRows(f, "status")).isEqualTo(before);
            assertThat(f.columns("account").get("name").size()).isEqualTo(120);
            assertThat(f.indexes("account")).containsKey("ix_account_name");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql", "mariadb"})
    void recreateAlwaysRebuildsTheTableByMoveAndCopyEverywhere(String kind) throws SQLException {
        try (Fixture f = new Fixture(kind)) {
            createSchema(f);
            List<List<String>> before = accountRows(f, "status");
            f.executed.clear();
            f.op.batchAlterTable("account", batch -> batch.recreate(Recreate.ALWAYS)
                    .alterColumn("status", c -> c.rename("state"))
                    .alterColumn("legacy", c -> c.type(Type.BIGINT))
                    .addColumn(Column.of("note", Type.varchar(20)).serverDefault("none")));
            assertThat(f.executed).anyMatch(sql -> sql.startsWith("CREATE TABLE _retort_tmp_account"))
                    .anyMatch(sql -> sql.contains("DROP") && sql.contains("fk_order_account"));

            assertThat(f.count("account")).isEqualTo(ROWS);
            assertThat(accountRows(f, "state")).isEqualTo(before);
            assertThat(f.query("SELECT legacy FROM account WHERE id = 3").get(0).toString()).isEqualTo("21");
            assertThat(f.tables()).containsExactly("account", "order", "region");
            assertThat(f.primaryKey("account")).containsExactly("id");
            assertThat(f.columns("account").get("name").nullable()).isFalse();
            assertThat(f.indexes("account")).containsKey("ix_account_status");
            assertThat(f.indexes("account").get("ix_account_status").columns()).containsExactly("state");
            // The identity continues after the copied ids.
            try (Statement statement = f.connection.createStatement()) {
                statement.execute("INSERT INTO account (name) VALUES ('newcomer')");
            }
            assertThat(f.query("SELECT id FROM account WHERE name = 'newcomer'").get(0).toString())
                    .isEqualTo(String.valueOf(ROWS + 1));
            assertThat(f.rows("SELECT state, note FROM account WHERE name = 'newcomer'"))
                    .containsExactly(List.of("new", "none"));
            // The foreign keys both ways are back.
            assertThat(f.foreignKeys("account")).containsKey("fk_account_region");
            assertThat(f.foreignKeys("order")).containsKey("fk_order_account");
            assertThatThrownBy(() -> f.sql("INSERT INTO " + f.q("order") + " VALUES (9, 999999)"))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> f.sql("INSERT INTO account (name, email) VALUES ('z', 'user1@example.com')"))
                    .isInstanceOf(SQLException.class);
        }
    }

    @Test
    void aBatchHoldsChangesToItsOwnTableOnly() throws SQLException {
        try (Fixture f = new Fixture("sqlite")) {
            f.op.createTable("account", Column.of("id", Type.INTEGER).primaryKey());
            assertThatThrownBy(() -> f.op.batchAlterTable("account", batch -> { }))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("changes nothing");
            assertThatThrownBy(() -> f.op.batchAlterTable("missing", batch -> batch.alterColumn("id",
                    c -> c.type(Type.BIGINT))))
                    .isInstanceOf(StatementFailedException.class).hasMessageContaining("missing does not exist");
            assertThatThrownBy(() -> f.op.batchAlterTable("account", batch -> batch.alterColumn("nope",
                    c -> c.serverDefault(Expr.literal(1)))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no column nope");
        }
    }

    /** A table written by hand, with every quoting style and commas inside parentheses, survives a rebuild. */
    @Test
    void sqliteReadsHandWrittenDefinitionsWithOddNamesAndNestedParentheses() throws SQLException {
        try (Fixture f = new Fixture("sqlite")) {
            f.sql("CREATE TABLE \"we,ird\" (\"a b\" INTEGER PRIMARY KEY, [c] TEXT CONSTRAINT \"ck c\" "
                    + "CHECK (length([c]) IN (1, 2)), d TEXT DEFAULT 'x,(y)', `e` INTEGER, "
                    + "CONSTRAINT uq_cd UNIQUE (\"c\", d), CHECK (d <> 'z'))");
            f.sql("INSERT INTO \"we,ird\" (\"a b\", c) VALUES (1, 'q'), (2, 'rr')");
            f.op.batchAlterTable("we,ird", batch -> batch.alterColumn("e", c -> c.type(Type.BIGINT))
                    .addColumn(Column.of("f", Type.INTEGER)));
            assertThat(f.rows("SELECT \"a b\", c, d FROM \"we,ird\" ORDER BY 1"))
                    .containsExactly(List.of("1", "q", "x,(y)"), List.of("2", "rr", "x,(y)"));
            String sql = f.query("SELECT sql FROM sqlite_master WHERE name = 'we,ird'").get(0).toString();
            assertThat(sql).contains("CONSTRAINT uq_cd UNIQUE (c, d)")
                    .contains("CONSTRAINT \"ck c\" CHECK (length([c]) IN (1, 2))")
                    .contains("CHECK (d <> 'z')");
            assertThatThrownBy(() -> f.sql("INSERT INTO \"we,ird\" (c) VALUES ('toolong')")).hasMessageContaining("ck c");
            assertThatThrownBy(() -> f.sql("INSERT INTO \"we,ird\" (c, d) VALUES ('q', 'z')")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> f.sql("INSERT INTO \"we,ird\" (c) VALUES ('q')")).hasMessageContaining("UNIQUE");
        }
    }

    /** The pragmas cannot describe a partial or expression index: the rebuild refuses it unless the batch drops it. */
    @Test
    void sqliteRefusesToRebuildAPartialIndexUnlessTheBatchDropsIt() throws SQLException {
        try (Fixture f = new Fixture("sqlite")) {
            f.op.createTable("account", Column.of("id", Type.INTEGER).primaryKey(), Column.of("email", Type.varchar(50)),
                    Column.of("deleted", Type.BOOLEAN));
            f.op.createIndex("ix_live_email", "account", ix -> ix.columns("email").where("deleted = 0"));
            f.sql("INSERT INTO account VALUES (1, 'a', 0)");
            assertThatThrownBy(() -> f.op.batchAlterTable("account", batch -> batch.alterColumn("email",
                    c -> c.type(Type.varchar(80)))))
                    .hasMessageContaining("index ix_live_email is partial or on an expression")
                    .hasMessageContaining("batch.dropIndex(\"ix_live_email\")");
            f.op.batchAlterTable("account", batch -> batch.dropIndex("ix_live_email")
                    .alterColumn("email", c -> c.type(Type.varchar(80))));
            f.op.createIndex("ix_live_email", "account", ix -> ix.columns("email").where("deleted = 0"));
            assertThat(f.indexes("account")).containsKey("ix_live_email");
            assertThat(f.count("account")).isEqualTo(1);
        }
    }
}
