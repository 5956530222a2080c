package dev.retort.runtime.internal.command;

import dev.retort.runtime.MigrationException;
import dev.retort.runtime.internal.StatementFailedException;
import dev.retort.runtime.internal.VersionTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.TreeSet;

/** The version-table rows as the commands write, read back and describe them. */
final class VersionRows {

    private VersionRows() {
    }

    /** Writes a step's version-table change, checking that each statement touched exactly one row. */
    static void applyVersionChange(Connection connection, VersionTable table, List<String> before,
                                   List<String> after) throws SQLException {
        for (VersionTable.Change change : table.changes(before, after)) {
            int rows = table.executeChange(connection, change);
            if (rows != 1) {
                throw conflict(table, change.script(), rows);
            }
        }
    }

    /** A plain step's version-table change: one row replaced by another, as {@code changes} gives one UPDATE. */
    static boolean isReplacement(List<String> before, List<String> after) {
        return before.size() == 1 && after.size() == 1 && !before.get(0).equals(after.get(0));
    }

    /**
     * {@link #applyVersionChange} of a {@linkplain #isReplacement replacement}, on {@code update}
     * (the table's {@code UPDATE}, prepared once for the run): the offline form of the statement
     * is rendered only for a message.
     */
    static void replaceVersion(PreparedStatement update, VersionTable table, String from, String to) {
        int rows;
        try {
            update.setString(1, to);
            update.setString(2, from);
            rows = update.executeUpdate();
        } catch (SQLException e) {
            throw new StatementFailedException(table.changeStatements(List.of(from), List.of(to)).get(0), e);
        }
        if (rows != 1) {
            throw conflict(table, table.changeStatements(List.of(from), List.of(to)).get(0), rows);
        }
    }

    private static MigrationException conflict(VersionTable table, String script, int rows) {
        return new MigrationException("VERSION_TABLE_CONFLICT", "Expected to change one row of version table "
                + table.displayName() + " with [" + script + "] but changed " + rows + ": something "
                + "else changed the table during the run. Check it with Migrator.current() and stamp the "
                + "right revision.", null, null, script, null);
    }

    /** The rows for a failure message, which must not fail itself. */
    static List<String> readQuietly(Connection connection, VersionTable table) {
        try {
            return table.read(connection);
        } catch (SQLException | MigrationException e) {
            return List.of("<unreadable: " + e.getMessage() + ">");
        }
    }

    static String describe(List<String> rows) {
        return rows.isEmpty() ? "base (no rows)" : String.join(", ", rows);
    }

    static List<String> sorted(List<String> rows) {
        return List.copyOf(new TreeSet<>(rows));
    }
}
