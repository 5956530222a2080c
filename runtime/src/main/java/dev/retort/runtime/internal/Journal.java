package dev.retort.runtime.internal;

import dev.retort.graph.Direction;
import dev.retort.graph.RevisionGraph;
import dev.retort.graph.Step;
import dev.retort.runtime.MigrationException;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.operation.Operation;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The journal of the migration in flight, kept where DDL commits implicitly (MariaDB, H2)
 * so that the next run finishes a migration that a crash or {@code kill -9} interrupted.
 *
 * <p>The step loop calls {@link #begin} before a migration runs (a header row naming the
 * revision and the version-table rows before and after it, committed at once), the
 * journal's {@link #sink} writes one row per statement that completed (its number and the
 * SHA-256 of its text, uncommitted: the database's next implicit commit or the migration's
 * commit takes it along), and {@link #clear} empties the journal in the transaction of the
 * version-table change. A statement's row is written when the migration next reaches the
 * database (its next statement, an autocommit block, the raw connection), so the database
 * sees the same order as if it were written at once, or not at all when the migration ends
 * there, since the version-table change would delete it in the same transaction. So at any
 * moment at most one statement, the first that is not journaled, may have taken effect
 * unrecorded: a DDL statement whose implicit commit came before its row. A data change
 * commits only with its row, or with the version-table change that empties the journal.
 *
 * <p>The next run under the lock reads the journal ({@link #interrupted}) and runs the
 * interrupted step again in resume mode: statements journaled as done are skipped (their
 * hashes must match the regenerated ones, else it stops), the first one that is not is made
 * safe to repeat by {@link ResumePlanner} or the run stops with the command that resolves
 * it, and the rest run as usual. Databases with transactional DDL keep no journal: {@link
 * #open} returns an inactive one whose hooks do nothing.
 */
public final class Journal {

    private final Dialect dialect;
    private final Connection connection;
    private final String schema;
    private final String table;
    private final boolean active;
    private final boolean flush;
    private final System.Logger logger;

    private Step step;
    private int statements;
    /** The completed statement whose row is not written yet (0: none), and its hash. */
    private int pendingNumber;
    private String pendingHash;
    /** Set once a migration takes the raw connection: its rows are then written at once. */
    private boolean rowsAtOnce;
    /** Prepared once per run: the same text for every row, and H2 re-parses it after DDL anyway. */
    private PreparedStatement insertRow;
    private PreparedStatement clearRows;
    private Resume resume;
    private MigrationException problem;
    private int failedAt;

    private Journal(Dialect dialect, Connection connection, String schema, String table, boolean active,
                    boolean flush, System.Logger logger) {
        this.dialect = dialect;
        this.connection = connection;
        this.schema = schema;
        this.table = table;
        this.active = active;
        this.flush = flush;
        this.logger = logger;
    }

    /**
     * The journal of {@code versionTable}, {@code <version table>_journal}, created if missing
     * where the dialect has no transactional DDL; call it under the migration lock. On H2
     * file databases it also checks that commits can be made durable ({@link
     * Dialect#flushCommits}).
     *
     * @throws MigrationException {@code H2_WRITE_DELAY} when H2 delays writing commits and
     *                            the user may not flush them
     */
    public static Journal open(Dialect dialect, Connection connection, String schema, String versionTable,
                               System.Logger logger) throws SQLException {
        boolean active = !dialect.transactionalDdl();
        boolean flush = !dialect.flushCommits().isEmpty() && !inMemory(connection);
        Journal journal = new Journal(dialect, connection, schema, versionTable + "_journal", active, flush, logger);
        if (active) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(dialect.createJournalTable(schema, journal.table));
            }
        }
        journal.committed();
        return journal;
    }

    /** The journal table as messages name it. */
    public String displayName() {
        return schema == null || schema.isEmpty() ? table : schema + "." + table;
    }

    /** The sink migrations run through: {@code base} itself when the journal is inactive. */
    public SqlSink sink(JdbcSink base) {
        return active ? new JournalSink(base) : base;
    }

    /**
     * The step a crash interrupted, read from the journal and checked against the version
     * table ({@code rows}); the journal is then in resume mode until that step is cleared.
     *
     * @throws MigrationException {@code RESUME_CONFLICT} when the journal does not fit the version table or the build
     */
    public Optional<Step> interrupted(RevisionGraph graph, List<String> rows, String versionTable)
            throws SQLException {
        if (!active) {
            return Optional.empty();
        }
        List<Entry> entries = new ArrayList<>(read());
        // A negative row: statement -n failed with an error, so it (and any data change before it
        // that the rollback took back) had not taken effect.
        int failed = 0;
        while (!entries.isEmpty() && entries.get(0).number() < 0) {
            failed = -entries.remove(0).number();
        }
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        Resume found = ResumePlanner.check(entries, graph, rows, versionTable, displayName(), failed);
        resume = found;
        return Optional.of(found.step());
    }

    /**
     * Before a step's migration runs: writes and commits the journal's header row (not when
     * resuming it). Its own commit, not the next DDL statement's: H2 runs some DDL inside the
     * transaction ({@code CREATE SEQUENCE}), which takes effect without committing anything.
     */
    public void begin(Step step) throws SQLException {
        this.step = step;
        this.statements = 0;
        this.pendingNumber = 0;
        this.rowsAtOnce = false;
        this.problem = null;
        this.failedAt = 0;
        if (!active || resume != null && resume.step().equals(step)) {
            return;
        }
        resume = null;
        insert(0, null, String.join(",", step.headsBefore()), String.join(",", step.headsAfter()));
        connection.commit();
    }

    /**
     * Right before the step's version-table change, in its transaction: empties the journal.
     * When resuming, first checks that the migration produced every statement journaled as done.
     */
    public void clear() throws SQLException {
        if (!active) {
            return;
        }
        if (resume != null) {
            if (statements < resume.done()) {
                throw unsafe(statements + 1, "(none)", "the revision now runs " + statements
                        + " statements, but the journal records " + resume.done() + " of them as done: it changed "
                        + "since the interrupted run", false);
            }
            resume = null;
        }
        // The last statement's row, if not yet written, would be deleted in this same transaction.
        pendingNumber = 0;
        if (clearRows == null) {
            clearRows = connection.prepareStatement(dialect.clearJournal(schema, table));
        }
        clearRows.executeUpdate();
    }

    /** Closes the statements kept prepared for the run; the next run prepares them again. */
    public void release() {
        insertRow = close(insertRow);
        clearRows = close(clearRows);
    }

    private PreparedStatement close(PreparedStatement statement) {
        if (statement != null) {
            try {
                statement.close();
            } catch (SQLException e) {
                logger.log(Level.DEBUG, "Could not close a statement of " + displayName(), e);
            }
        }
        return null;
    }

    /**
     * Empties the journal, for {@code stamp}: the operator has set the version table by hand,
     * so the step it recorded is settled. Runs in the caller's transaction.
     */
    public void discard() throws SQLException {
        if (active) {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate(dialect.clearJournal(schema, table));
            }
        }
    }

    /**
     * Makes the commits made so far durable where the database may delay writing them (H2's
     * write delay): once when the journal opens, to learn whether this user may, and once at
     * the end of each run.
     */
    public void committed() throws SQLException {
        if (!flush) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            for (String sql : dialect.flushCommits()) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            if (!writesAtOnce()) {
                throw new MigrationException("H2_WRITE_DELAY", "H2 writes commits to its file only every WRITE_DELAY "
                        + "milliseconds, so a process killed after a migration committed could lose it, and this user "
                        + "may not run CHECKPOINT SYNC to write them (" + e.getMessage().replaceAll("\\s+", " ")
                        + "). Migrate as a user with "
                        + "admin rights, or have an admin run SET WRITE_DELAY 0 once, then run again.", e);
            }
        }
    }

    /**
     * After a failed step was rolled back: when a statement failed with an error, records that
     * it had not taken effect, so the next run runs it again as it is instead of stopping.
     */
    public void failed() {
        if (!active || failedAt == 0 || step == null) {
            return;
        }
        try {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("DELETE FROM " + dialect.qualify(schema, table) + " WHERE statement_no < 0");
            }
            insert(-failedAt, null, null, null);
            connection.commit();
        } catch (SQLException e) {
            logger.log(Level.WARNING, "Could not record in " + displayName() + " that statement " + failedAt
                    + " failed; the next run will ask to check it by hand", e);
        }
    }

    /**
     * The error to raise instead of {@code failure} when it came from resuming: the journal's
     * own message (which statement, why, and the command that resolves it), else {@code failure}.
     */
    public MigrationException explain(MigrationException failure) {
        return problem != null ? problem : failure;
    }

    private boolean writesAtOnce() {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
            return rs.next() && "0".equals(rs.getString(1).strip());
        } catch (SQLException e) {
            return false;
        }
    }

    private static boolean inMemory(Connection connection) throws SQLException {
        // jdbc:h2:mem:x, and jdbc:h2:tcp://host/mem:x on a server.
        String url = connection.getMetaData().getURL();
        return url == null || url.toLowerCase(Locale.ROOT).matches(".*[:/]mem:.*");
    }

    private List<Entry> read() throws SQLException {
        List<Entry> entries = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(dialect.selectJournal(schema, table))) {
            while (rs.next()) {
                entries.add(new Entry(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)));
            }
        }
        return entries;
    }

    private void insert(int number, String sha256, String headsBefore, String headsAfter) throws SQLException {
        if (insertRow == null) {
            insertRow = connection.prepareStatement(dialect.insertJournalEntry(schema, table));
        }
        insertRow.setString(1, step.revision().id());
        insertRow.setString(2, direction(step.direction()));
        insertRow.setInt(3, number);
        insertRow.setString(4, sha256);
        insertRow.setString(5, headsBefore);
        insertRow.setString(6, headsAfter);
        insertRow.executeUpdate();
    }

    /** Statement {@code number} completed: its row is written before the migration next reaches the database. */
    private void completed(int number, String sha256) throws SQLException {
        if (rowsAtOnce) {
            insert(number, sha256, null, null);
            return;
        }
        pendingNumber = number;
        pendingHash = sha256;
    }

    /**
     * Writes the row of the last completed statement, uncommitted, before anything that can
     * commit: the next statement (a DDL statement commits before it runs), an autocommit
     * block, or the raw connection in the migration's hands.
     */
    private void writePending() throws SQLException {
        if (pendingNumber != 0) {
            int number = pendingNumber;
            pendingNumber = 0;
            insert(number, pendingHash, null, null);
        }
    }

    static String direction(Direction direction) {
        return direction == Direction.UPGRADE ? "upgrade" : "downgrade";
    }

    static String sha256(String text) {
        return sha256(newDigest(), text);
    }

    private static String sha256(MessageDigest digest, String text) {
        return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    /** The journal row that tells the next run a statement is done, as an operator would insert it. */
    private String recordByHand(int number, String sha256) {
        return "INSERT INTO " + dialect.qualify(schema, table) + " (revision, direction, statement_no, sha256) VALUES ('"
                + step.revision().id() + "', '" + direction(step.direction()) + "', " + number + ", '" + sha256 + "')";
    }

    /** Stops the resume: remembers the message for {@link #explain} and throws it through the step loop. */
    private MigrationException unsafe(int number, String sql, String reason, boolean recordable) {
        String what = direction(step.direction());
        String prev = step.headsBefore().isEmpty() ? "base" : String.join(" ", step.headsBefore());
        String message = "Cannot resume the " + what + " of revision " + step.revision().id() + " that a crash "
                + "interrupted, at statement " + number + " [" + oneLine(sql) + "]: " + reason + ". "
                + (recordable ? "If that statement took effect (or after you run it by hand), record it with ["
                    + recordByHand(number, sha256(sql)) + "] and run again; or undo" : "Undo")
                + " the revision's statements that took effect by hand and run `retort stamp " + prev
                + "` (Migrator.stamp), which clears the journal " + displayName() + ", then run again.";
        problem = new MigrationException("RESUME_UNSAFE", message, step.revision().id(), null, sql, null);
        return problem;
    }

    private static String oneLine(String sql) {
        String flat = sql.replaceAll("\\s+", " ").strip();
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }

    /** One journal row. */
    record Entry(String revision, String direction, int number, String sha256, String headsBefore,
                 String headsAfter) {
    }

    /** The interrupted step and how many of its statements the journal records as done, with their hashes. */
    record Resume(Step step, int done, List<String> hashes, int failedAt) {
    }

    /** Journals each statement as it completes and, when resuming, skips and repeats as the journal says. */
    private final class JournalSink implements SqlSink {
        private final JdbcSink base;
        private final ResumePlanner planner;
        /** One per sink, which the step loop uses from one thread: {@code digest} resets it. */
        private final MessageDigest digest = newDigest();
        private boolean directRan;

        JournalSink(JdbcSink base) {
            this.base = base;
            this.planner = new ResumePlanner(dialect, connection);
        }

        @Override
        public void execute(String sql) throws SQLException {
            execute(null, 0, sql);
        }

        @Override
        public void execute(Operation operation, int index, String sql) throws SQLException {
            int number = ++statements;
            String hash = sha256(digest, sql);
            if (resume != null && number <= resume.done()) {
                verify(number, hash, sql);
                return;
            }
            writePending();
            if (resume != null && number == resume.done() + 1) {
                ResumePlanner.Decision decision = number <= resume.failedAt()
                        ? ResumePlanner.Decision.run(sql, "it failed with an error last time, so it had not taken effect")
                        : planner.repeat(operation, index, sql);
                if (decision.unsafe() != null) {
                    throw unsafe(number, sql, decision.unsafe(), true);
                }
                logger.log(Level.INFO, "Resuming revision " + step.revision().id() + " at statement " + number
                        + ": " + decision.how());
                resume = null;
                if (decision.sql() != null) {
                    run(number, decision.sql());
                }
            } else {
                run(number, sql);
            }
            completed(number, hash);
        }

        @Override
        public void executeDirectly(String sql, String identity, DirectStatement statement) throws SQLException {
            int number = ++statements;
            String hash = sha256(digest, identity);
            directRan = false;
            if (resume != null && number <= resume.done()) {
                verify(number, hash, sql);
                return;
            }
            writePending();
            if (resume != null) {
                // A data change commits only together with its journal row: unjournaled, it was rolled back.
                logger.log(Level.INFO, "Resuming revision " + step.revision().id() + " at statement " + number
                        + ": a data change, rolled back with its journal row, runs again");
                resume = null;
            }
            try {
                statement.run();
            } catch (SQLException e) {
                failedAt = number;
                throw e;
            }
            directRan = true;
            completed(number, hash);
        }

        /** The failure report's trail lists what ran in this run, not what the journal let it skip. */
        @Override
        public void executed(String sql) {
            if (directRan) {
                base.executed(sql);
            }
        }

        @Override
        public void autocommitBlock(Connection connection, Dialect dialect, Runnable block) throws SQLException {
            writePending();
            base.autocommitBlock(connection, dialect, block);
        }

        @Override
        public void connectionTaken() {
            // What the migration does with the connection is out of sight: from here on each row
            // is written as its statement completes, so the migration's own commits take it along.
            rowsAtOnce = true;
            try {
                writePending();
            } catch (SQLException e) {
                throw new StatementFailedException("(journaling statement " + statements + " before handing out "
                        + "the connection)", e);
            }
            if (resume != null) {
                throw unsafe(statements + 1, "Operations.connection()", "the migration works on the connection "
                        + "itself before that point, and Retort cannot tell what that work did or repeat it safely",
                        false);
            }
        }

        private void run(int number, String sql) throws SQLException {
            try {
                base.execute(sql);
            } catch (SQLException e) {
                failedAt = number;
                throw e;
            }
        }

        private void verify(int number, String hash, String sql) {
            if (!resume.hashes().get(number - 1).equals(hash)) {
                throw unsafe(number, sql, "the journal records this statement as done with another text (SHA-256 "
                        + resume.hashes().get(number - 1) + "): the revision changed since the interrupted run", false);
            }
        }
    }
}
