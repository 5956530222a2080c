package dev.retort.test.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Runs an offline script as written by {@code Migrator.sql(out)}: statements end with a
 * semicolon at the end of a line, comments are whole lines, and dollar-quoted bodies
 * (PostgreSQL) may hold semicolons.
 */
public final class ScriptRunner {

    private ScriptRunner() {
    }

    /** The statements of {@code script}, without their terminators and comment lines. */
    public static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inDollarQuote = false;
        for (String line : script.split("\n", -1)) {
            String trimmed = line.strip();
            if (!inDollarQuote && (trimmed.isEmpty() || trimmed.startsWith("--"))) {
                continue;
            }
            int dollars = line.split("\\$\\$", -1).length - 1;
            if (dollars % 2 == 1) {
                inDollarQuote = !inDollarQuote;
            }
            current.append(line).append('\n');
            if (!inDollarQuote && trimmed.endsWith(";")) {
                String statement = current.toString().strip();
                statements.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    /** Runs every statement of {@code script} on one connection in autocommit, as a database client would. */
    public static void run(DataSource dataSource, String script) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            for (String sql : statements(script)) {
                try {
                    statement.execute(sql);
                } catch (SQLException e) {
                    throw new SQLException("The offline script failed at: " + sql + " (" + e.getMessage() + ")", e);
                }
            }
        }
    }
}
