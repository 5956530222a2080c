package dev.retort.runtime.internal.command;

import dev.retort.runtime.MigrationException;
import dev.retort.runtime.internal.VersionTable;
import java.sql.Connection;
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
                throw new MigrationException("VERSION_TABLE_CONFLICT", "Expected to change one row of version table "
                        + table.displayName() + " with [" + change.script() + "] but changed " + rows + ": something "
                        + "else changed the table during the run. Check it with Migrator.current() and stamp the "
                        + "right revision.", null, null, change.script(), null);
            }
        }
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
