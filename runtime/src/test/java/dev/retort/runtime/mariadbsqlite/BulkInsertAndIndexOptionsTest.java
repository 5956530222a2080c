package dev.retort.runtime.mariadbsqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.runtime.dialect.OperationNotSupportedException;
import dev.retort.runtime.internal.DefaultOperations;
import dev.retort.runtime.operation.BulkInsert;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Type;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bulk insert (online batches, offline literals) and index options on MariaDB and SQLite. */
class BulkInsertAndIndexOptionsTest {

    private static final int ROWS = 100_000;

    private static void createAccount(Fixture f) {
        f.op.createTable("account",
                Column.of("id", Type.BIGINT).primaryKey(),
                Column.of("name", Type.varchar(40)).notNull(),
                Column.of("balance", Type.numeric(12, 2)),
                Column.of("opened", Type.DATE),
                Column.of("seen", Type.TIMESTAMP),
                Column.of("token", Type.UUID),
                Column.of("active", Type.BOOLEAN));
    }

    private static BulkInsert.Builder rows() {
        return BulkInsert.into("account").column("id", Type.BIGINT).column("name", Type.varchar(40))
                .column("balance", Type.numeric(12, 2)).column("opened", Type.DATE).column("seen", Type.TIMESTAMP)
                .column("token", Type.UUID).column("active", Type.BOOLEAN);
    }

    private static Object[] row(long id) {
        return new Object[] {id, "name " + id + " it's \\ ok", id % 11 == 0 ? null : BigDecimal.valueOf(id * 7, 2),
                LocalDate.of(2000, 1, 1).plusDays(id % 9000), LocalDateTime.of(2024, 2, 29, 12, 30, 45, 123_456_000),
                new UUID(id, -id), id % 3 == 0 ? null : id % 3 == 1};
    }

    @ParameterizedTest
    @ValueSource(strings = {"mariadb", "sqlite"})
    void aHundredThousandRowsOnlineAndTheOfflineLiteralsGiveTheSameValues(String kind) throws SQLException {
        try (Fixture f = new Fixture(kind)) {
            createAccount(f);
            BulkInsert.Builder online = rows();
            for (long id = 1; id <= ROWS; id++) {
                online.row(row(id));
            }
            f.connection.setAutoCommit(false);
            f.op.bulkInsert(online);
            f.connection.commit();
            f.connection.setAutoCommit(true);
            assertThat(f.count("account")).isEqualTo(ROWS);
            assertThat(f.query("SELECT SUM(id) FROM account").get(0).toString())
                    .isEqualTo(String.valueOf((long) ROWS * (ROWS + 1) / 2));
            assertThat(f.executed).noneMatch(sql -> sql.startsWith("INSERT"));

            // The same rows as an offline script's literal INSERTs, run on the database.
            List<String> script = new ArrayList<>();
            var offline = new DefaultOperations(f.dialect, script::add, null);
            BulkInsert.Builder literal = rows();
            for (long id = 1; id <= 30; id++) {
                Object[] values = row(id);
                values[0] = id + ROWS;
                literal.row(values);
            }
            offline.bulkInsert(literal);
            for (String sql : script) {
                f.sql(sql);
            }
            String columns = "name, balance, opened, seen, token, active";
            for (long id = 1; id <= 30; id++) {
                assertThat(f.rows("SELECT " + columns + " FROM account WHERE id = " + (id + ROWS)))
                        .as("row " + id).isEqualTo(f.rows("SELECT " + columns + " FROM account WHERE id = " + id));
            }
            assertThat(f.rows("SELECT name, token FROM account WHERE id = 5").get(0))
                    .containsExactly("name 5 it's \\ ok", new UUID(5, -5).toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mariadb", "sqlite"})
    void anInstantRoundTripsOnlineAndOffline(String kind) throws SQLException {
        try (Fixture f = new Fixture(kind)) {
            f.op.createTable("event", Column.of("id", Type.INTEGER).primaryKey(), Column.of("at", Type.TIMESTAMP_TZ));
            OffsetDateTime at = OffsetDateTime.of(2024, 2, 29, 12, 30, 45, 0, ZoneOffset.ofHours(2));
            f.op.bulkInsert(BulkInsert.into("event").column("id", Type.INTEGER).column("at", Type.TIMESTAMP_TZ)
                    .row(1, at));
            List<String> script = new ArrayList<>();
            new DefaultOperations(f.dialect, script::add, null).bulkInsert(BulkInsert.into("event")
                    .column("id", Type.INTEGER).column("at", Type.TIMESTAMP_TZ).row(2, at));
            for (String sql : script) {
                f.sql(sql);
            }
            for (int id = 1; id <= 2; id++) {
                // SQLite keeps the ISO text with its offset; MariaDB the instant, read in the session's zone.
                OffsetDateTime value = kind.equals("sqlite")
                        ? OffsetDateTime.parse(f.rows("SELECT at FROM event WHERE id = " + id).get(0).get(0)
                                .replace(' ', 'T'))
                        : readInstant(f, id);
                assertThat(value.toInstant()).as("row " + id).isEqualTo(at.toInstant());
            }
        }
    }

    private static OffsetDateTime readInstant(Fixture f, int id) throws SQLException {
        try (var statement = f.connection.createStatement();
                var rs = statement.executeQuery("SELECT at FROM event WHERE id = " + id)) {
            rs.next();
            return rs.getObject(1, OffsetDateTime.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mariadb", "sqlite"})
    void indexOptions(String kind) throws SQLException {
        try (Fixture f = new Fixture(kind)) {
            f.op.createTable("account", Column.of("id", Type.INTEGER).primaryKey(), Column.of("email", Type.varchar(50)),
                    Column.of("deleted", Type.BOOLEAN));
            f.op.createIndex("ix_account_email", "account", ix -> ix.columns("email").unique().ifNotExists());
            f.op.createIndex("ix_account_email", "account", ix -> ix.columns("email").unique().ifNotExists());
            assertThat(f.indexes("account")).containsKey("ix_account_email");
            f.op.dropIndex("ix_account_email", "account", ix -> ix.ifExists());
            f.op.dropIndex("ix_account_email", "account", ix -> ix.ifExists());
            assertThat(f.indexes("account")).doesNotContainKey("ix_account_email");
            if (kind.equals("sqlite")) {
                f.op.createIndex("ix_live_email", "account", ix -> ix.expression("lower(email)").unique()
                        .where("deleted = 0"));
                f.sql("INSERT INTO account VALUES (1, 'A@x', 0), (2, 'a@X', 1)");
                assertThatThrownBy(() -> f.sql("INSERT INTO account VALUES (3, 'a@x', 0)"))
                        .isInstanceOf(SQLException.class);
            } else {
                int before = f.executed.size();
                assertThatThrownBy(() -> f.op.createIndex("ix_live", "account", ix -> ix.columns("email")
                        .where("deleted = 0")))
                        .isInstanceOf(OperationNotSupportedException.class)
                        .hasMessageContaining("The mariadb dialect cannot run").hasMessageContaining("partial");
                assertThat(f.executed).hasSize(before);
            }
        }
    }
}
