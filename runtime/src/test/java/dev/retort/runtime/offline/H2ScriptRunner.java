package dev.retort.runtime.offline;

import dev.retort.testing.TestDatabase;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import org.h2.tools.RunScript;

/** H2's own script runner, {@link RunScript}, on a fresh connection in auto-commit mode. */
final class H2ScriptRunner implements ScriptRunner {

    @Override
    public void run(TestDatabase db, String script) throws SQLException {
        try (Connection connection = db.dataSource().getConnection()) {
            RunScript.execute(connection, new StringReader(script));
        } catch (SQLException e) {
            throw new AssertionError("H2 RunScript failed: " + e.getMessage() + "\n--- script ---\n" + script, e);
        }
    }
}
