package dev.retort.runtime.dataops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.runtime.operation.BulkInsert;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Type;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.zip.CRC32;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * 100,000 typed rows through one bulk insert in the migration's transaction, then counted
 * and checked row by row against a checksum computed from the values that went in.
 */
class BulkInsertVolumeTest {

    private static final int ROWS = 100_000;

    private static String name(long id) {
        return "account-" + Long.toHexString(id * 2_654_435_761L) + (id % 7 == 0 ? "'s" : "");
    }

    private static BigDecimal balance(long id) {
        return BigDecimal.valueOf(id * 37 % 1_000_003, 2);
    }

    private static LocalDate opened(long id) {
        return LocalDate.of(2000, 1, 1).plusDays(id % 9_000);
    }

    /** The checksum of one row, from its values alone, in the same form for the rows sent and the rows read. */
    private static void update(CRC32 crc, long id, String name, BigDecimal balance, LocalDate opened, Boolean active) {
        crc.update((id + "|" + name + "|" + (balance == null ? "null" : balance.toPlainString()) + "|" + opened
                + "|" + active + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void insertsAHundredThousandRowsInBatches(String kind) throws SQLException {
        try (Db f = new Db(kind)) {
            f.op.createTable("account",
                    Column.of("id", Type.BIGINT).primaryKey(),
                    Column.of("name", Type.varchar(40)).notNull(),
                    Column.of("balance", Type.numeric(12, 2)),
                    Column.of("opened", Type.DATE),
                    Column.of("active", Type.BOOLEAN));
            f.connection.commit();

            BulkInsert.Builder rows = BulkInsert.into("account")
                    .column("id", Type.BIGINT)
                    .column("name", Type.varchar(40))
                    .column("balance", Type.numeric(12, 2))
                    .column("opened", Type.DATE)
                    .column("active", Type.BOOLEAN);
            CRC32 sent = new CRC32();
            for (long id = 1; id <= ROWS; id++) {
                BigDecimal balance = id % 11 == 0 ? null : balance(id);
                Boolean active = id % 3 == 0 ? null : id % 3 == 1;
                rows.row(id, name(id), balance, opened(id), active);
                update(sent, id, name(id), balance, opened(id), active);
            }
            f.op.bulkInsert(rows);
            // Nothing is visible before the migration's transaction commits.
            assertThat(f.value("SELECT COUNT(*) FROM account", Long.class)).isZero();
            f.connection.commit();

            assertThat(f.value("SELECT COUNT(*) FROM account", Long.class)).isEqualTo(ROWS);
            assertThat(f.value("SELECT SUM(id) FROM account", BigDecimal.class))
                    .isEqualByComparingTo(BigDecimal.valueOf((long) ROWS * (ROWS + 1) / 2));
            CRC32 read = new CRC32();
            try (Statement statement = f.observer.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT id, name, balance, opened, active FROM account ORDER BY id")) {
                while (rs.next()) {
                    update(read, rs.getLong(1), rs.getString(2), rs.getBigDecimal(3),
                            rs.getObject(4, LocalDate.class), rs.getObject(5, Boolean.class));
                }
            }
            assertThat(read.getValue()).isEqualTo(sent.getValue());
            // Online, the rows went through one prepared statement, not through the sink.
            assertThat(f.statements).noneMatch(sql -> sql.startsWith("INSERT"));
        }
    }
}
