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
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Type;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The journal on databases whose DDL commits implicitly, in process: a migration that stops
 * half-way (here by an exception, which leaves the database as a kill does: the implicitly
 * committed DDL stays, the uncommitted rows go) is finished by the next run, resumed after
 * its journaled statements; what cannot be repeated safely stops with the way out.
 */
class JournalResumeTest {

    private static final String R1 = "bbbb00000001";
    private static final String R2 = "bbbb00000002";

    private static Migrator migrator(TestDatabase db, Consumer<Operations> second) {
        Migration first = migration(op -> op.createTable("base_t", Column.of("id", Type.BIGINT).primaryKey()));
        return Migrator.builder(MigrationRegistry.of("com.example.journal", List.of(
                        new RevisionDefinition(RevisionNode.of(R1), "com.example.journal.First", () -> first),
                        new RevisionDefinition(RevisionNode.of(R2, R1), "com.example.journal.Second",
                                () -> migration(second)))))
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

    private static long count(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb"})
    void theNextRunResumesAfterTheJournaledStatements(String kind) throws SQLException {
        try (TestDatabase db = TestDatabases.open(kind)) {
            AtomicBoolean crash = new AtomicBoolean(true);
            Migrator migrator = migrator(db, op -> {
                op.createTable("account", Column.of("id", Type.BIGINT).primaryKey());
                op.execute("INSERT INTO account (id) VALUES (?)", 1L);
                op.addColumn("account", Column.of("email", Type.varchar(100)));
                op.createIndex("ix_account_email", "account", "email");
                if (crash.get()) {
                    throw new IllegalStateException("simulated crash");
                }
                op.execute("INSERT INTO account (id) VALUES (?)", 2L);
            });
            assertThatThrownBy(() -> migrator.upgrade("head")).isInstanceOf(MigrationException.class);
            assertThat(migrator.current()).containsExactly(R1);
            // Header, table, insert, column: committed by the DDL after them. The index's row was
            // not, so the next run repeats it as CREATE INDEX IF NOT EXISTS.
            assertThat(count(db, "SELECT COUNT(*) FROM retort_version_journal")).isEqualTo(4);

            crash.set(false);
            assertThat(migrator.upgrade("head").headsAfter()).containsExactly(R2);
            assertThat(count(db, "SELECT COUNT(*) FROM account")).as("the insert ran once").isEqualTo(2);
            assertThat(count(db, "SELECT COUNT(*) FROM retort_version_journal")).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb"})
    void aRawStatementInFlightStopsWithTheWayOut(String kind) throws SQLException {
        try (TestDatabase db = TestDatabases.open(kind)) {
            AtomicBoolean crash = new AtomicBoolean(true);
            Migrator migrator = migrator(db, op -> {
                op.createTable("account", Column.of("id", Type.BIGINT).primaryKey());
                op.execute("CREATE TABLE raw_t (id INTEGER)");
                if (crash.get()) {
                    throw new IllegalStateException("simulated crash");
                }
            });
            assertThatThrownBy(() -> migrator.upgrade("head")).isInstanceOf(MigrationException.class);
            crash.set(false);
            assertThatThrownBy(() -> migrator.upgrade("head"))
                    .isInstanceOfSatisfying(MigrationException.class, e -> {
                        assertThat(e.code()).isEqualTo("RESUME_UNSAFE");
                        assertThat(e.getMessage()).doesNotContain("\n")
                                .contains("revision " + R2, "statement 2 [CREATE TABLE raw_t (id INTEGER)]",
                                        "raw op.execute", "INSERT INTO retort_version_journal", "retort stamp " + R1);
                    });
            assertThat(migrator.current()).containsExactly(R1);

            // The way out the message gives: the statement took effect, so record it as done.
            String message = catchMessage(migrator);
            String insert = message.substring(message.indexOf("[INSERT INTO") + 1, message.indexOf("] and run again"));
            db.execute(insert);
            assertThat(migrator.upgrade("head").headsAfter()).containsExactly(R2);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb"})
    void aStatementIsJournaledBeforeTheMigrationTakesTheConnection(String kind) throws SQLException {
        try (TestDatabase db = TestDatabases.open(kind)) {
            Migrator migrator = migrator(db, op -> {
                op.createTable("account", Column.of("id", Type.BIGINT).primaryKey());
                try (Statement statement = op.connection().createStatement()) {
                    statement.execute("CREATE TABLE raw_t (id INTEGER)");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                throw new IllegalStateException("simulated crash");
            });
            assertThatThrownBy(() -> migrator.upgrade("head")).isInstanceOf(MigrationException.class);
            // The table's row was written when the migration took the connection, so the raw
            // CREATE TABLE committed it with the header: only the raw statement is unaccounted for.
            assertThat(count(db, "SELECT COUNT(*) FROM retort_version_journal")).isEqualTo(2);
            assertThatThrownBy(() -> migrator.upgrade("head")).isInstanceOfSatisfying(MigrationException.class,
                    e -> assertThat(e.code()).isEqualTo("RESUME_UNSAFE"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb"})
    void aRevisionChangedSinceTheCrashStops(String kind) {
        try (TestDatabase db = TestDatabases.open(kind)) {
            Migrator crashing = migrator(db, op -> {
                op.createTable("account", Column.of("id", Type.BIGINT).primaryKey());
                op.createTable("other", Column.of("id", Type.BIGINT).primaryKey());
                throw new IllegalStateException("simulated crash");
            });
            assertThatThrownBy(() -> crashing.upgrade("head")).isInstanceOf(MigrationException.class);
            Migrator changed = migrator(db, op -> {
                op.createTable("account", Column.of("id", Type.BIGINT).primaryKey(), Column.of("n", Type.INTEGER));
                op.createTable("other", Column.of("id", Type.BIGINT).primaryKey());
            });
            assertThatThrownBy(() -> changed.upgrade("head"))
                    .isInstanceOfSatisfying(MigrationException.class, e -> assertThat(e.getMessage())
                            .contains("statement 1", "changed since the interrupted run",
                                    "retort stamp " + R1));

            // Undone by hand and stamped: the journal goes, and the revision runs from its start.
            db.execute("DROP TABLE account", "DROP TABLE other");
            changed.stamp(R1);
            assertThat(changed.upgrade("head").headsAfter()).containsExactly(R2);
        }
    }

    private static String catchMessage(Migrator migrator) {
        try {
            migrator.upgrade("head");
        } catch (MigrationException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected RESUME_UNSAFE");
    }
}
