package dev.retort.tests.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.accounts.ExampleApplication;
import com.example.accounts.migrations.GeneratedMigrations;
import dev.retort.runtime.Migrator;
import dev.retort.runtime.RevisionInfo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example application, run as a user runs it: twice, on an H2 file database. */
class ExampleApplicationTest {

    private static final String HEAD = "8e3b5f1a2c90";

    @TempDir
    Path dir;

    @Test
    void migratesAnEmptyDatabaseToHeadThenFindsItAtHead() throws Exception {
        Path database = dir.resolve("accounts");

        String first = run(database.toString());

        assertThat(first)
                .contains("Applied 8 revisions:")
                .contains("<base> -> 1f3a9c2e7b10, Create the account table")
                .contains("4c7d20a9e3f1, 5e0b8d14c6a2 -> 6a91f3c0d5b7, Merge the audit branch back into the main line")
                .contains("The database is now at " + HEAD + ".")
                .containsPattern("(?i)account \\(id bigint, name character varying, created_at timestamp, email")
                .containsPattern("(?i)orders \\(id bigint, account_id bigint, total numeric, placed_at timestamp, "
                        + "status character varying, currency character varying\\)")
                .containsPattern("(?i)audit_log \\(");
        assertThat(versions(database)).containsExactly(HEAD);

        String second = run(database.toString());

        assertThat(second).contains("The database is at head (" + HEAD + "); nothing to apply.")
                .doesNotContain("Applied");
        assertThat(versions(database)).containsExactly(HEAD);
    }

    @Test
    void theDataMigrationBackfillsAccountsThatExistedBeforeTheAuditLog() throws Exception {
        Path database = dir.resolve("backfill");
        JdbcDataSource dataSource = dataSource(database);
        GeneratedMigrations.upgrade(dataSource, GeneratedMigrations.MERGE_AUDIT);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO account (name) VALUES ('ada'), ('grace')");
        }

        String output = run(database.toString());

        assertThat(output).contains("Applied 2 revisions:").contains("-> " + HEAD);
        assertThat(query(database, "SELECT a.name FROM audit_log l JOIN account a ON a.id = l.account_id "
                + "WHERE l.action = 'imported' ORDER BY a.name")).containsExactly("ada", "grace");

        Migrator migrator = GeneratedMigrations.migrator(dataSource);
        migrator.downgrade(GeneratedMigrations.MERGE_AUDIT);
        assertThat(query(database, "SELECT COUNT(*) FROM audit_log WHERE action = 'imported'")).containsExactly("0");
        assertThat(migrator.current()).containsExactly(GeneratedMigrations.MERGE_AUDIT);
    }

    @Test
    void theBatchRevisionWidensStatusAddsACurrencyAndChecksTotalsAndUndoesIt() throws Exception {
        Path database = dir.resolve("batch");
        run(database.toString());
        try (Connection c = dataSource(database).getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO account (name) VALUES ('ada')");
            s.executeUpdate("INSERT INTO orders (account_id, total, status) SELECT id, 10, 'awaiting payment' FROM account");
            assertThat(catchSqlState(() -> s.executeUpdate(
                    "INSERT INTO orders (account_id, total) SELECT id, -1 FROM account"))).isNotNull();
        }
        assertThat(query(database, "SELECT currency FROM orders")).containsExactly("EUR");

        GeneratedMigrations.downgrade(dataSource(database), GeneratedMigrations.BACKFILL_AUDIT_LOG);

        assertThat(query(database, "SELECT COUNT(*) FROM information_schema.columns "
                + "WHERE table_name = 'ORDERS' AND column_name = 'CURRENCY'")).containsExactly("0");
        assertThat(query(database, "SELECT character_maximum_length FROM information_schema.columns "
                + "WHERE table_name = 'ORDERS' AND column_name = 'STATUS'")).containsExactly("20");
    }

    private static String catchSqlState(SqlAction action) {
        try {
            action.run();
            return null;
        } catch (java.sql.SQLException e) {
            return e.getSQLState();
        }
    }

    @FunctionalInterface
    private interface SqlAction {
        void run() throws java.sql.SQLException;
    }

    @Test
    void theRegistryDescribesTheGraphTheExampleDeclares() {
        Migrator migrator = GeneratedMigrations.migrator(dataSource(dir.resolve("graph")));
        assertThat(migrator.heads()).containsExactly(HEAD);
        assertThat(migrator.bases()).containsExactly(GeneratedMigrations.CREATE_ACCOUNT);
        List<RevisionInfo> history = migrator.history();
        assertThat(history).hasSize(8);
        assertThat(history.get(0).id()).isEqualTo(HEAD);
        assertThat(history).filteredOn(RevisionInfo::mergePoint).extracting(RevisionInfo::id)
                .containsExactly(GeneratedMigrations.MERGE_AUDIT);
        assertThat(history).filteredOn(RevisionInfo::branchPoint).extracting(RevisionInfo::id)
                .containsExactly(GeneratedMigrations.ADD_ACCOUNT_EMAIL);
        assertThat(history).filteredOn(r -> r.branchLabels().contains("audit")).extracting(RevisionInfo::id)
                .containsExactly(GeneratedMigrations.CREATE_AUDIT_LOG);
    }

    private static String run(String database) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(out);
            ExampleApplication.main(new String[] {database});
        } finally {
            System.setOut(original);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        original.print(output);
        return output;
    }

    private static JdbcDataSource dataSource(Path database) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + database.toAbsolutePath());
        dataSource.setUser("sa");
        return dataSource;
    }

    private static List<String> versions(Path database) throws Exception {
        return query(database, "SELECT version_num FROM retort_version ORDER BY version_num");
    }

    private static List<String> query(Path database, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource(database).getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
