package dev.retort.runtime.dialect;

/**
 * The standard SQL of the migrator's own tables: the version table (Alembic's layout), the
 * one-row lock table and the journal of the migration in flight. {@link Dialect}'s public
 * methods of the same names return these; a dialect that needs other text overrides those
 * methods. Names are quoted and qualified, and offline values written, through the dialect,
 * so its quoting and literal rules apply here too.
 */
final class BookkeepingSql {

    private final Dialect dialect;

    BookkeepingSql(Dialect dialect) {
        this.dialect = dialect;
    }

    // ---- Version table ----

    String createVersionTable(String schema, String table) {
        return "CREATE TABLE IF NOT EXISTS " + dialect.qualify(schema, table)
                + " (version_num VARCHAR(32) NOT NULL, CONSTRAINT " + dialect.quote(table + "_pkc")
                + " PRIMARY KEY (version_num))";
    }

    String selectVersions(String schema, String table) {
        return "SELECT version_num FROM " + dialect.qualify(schema, table);
    }

    // One text per statement whether the value is a parameter marker or a literal, so the
    // online and offline forms cannot drift apart.

    String insertVersion(String schema, String table, String value) {
        return "INSERT INTO " + dialect.qualify(schema, table) + " (version_num) VALUES (" + value + ")";
    }

    String updateVersion(String schema, String table, String to, String from) {
        return "UPDATE " + dialect.qualify(schema, table) + " SET version_num=" + to + " WHERE version_num=" + from;
    }

    String deleteVersion(String schema, String table, String value) {
        return "DELETE FROM " + dialect.qualify(schema, table) + " WHERE version_num=" + value;
    }

    // ---- Lock table ----

    String createLockTable(String schema, String table) {
        return "CREATE TABLE IF NOT EXISTS " + dialect.qualify(schema, table)
                + " (lock_id INTEGER NOT NULL, CONSTRAINT " + dialect.quote(table + "_pkc")
                + " PRIMARY KEY (lock_id))";
    }

    String countLockRows(String schema, String table) {
        return "SELECT COUNT(*) FROM " + dialect.qualify(schema, table);
    }

    String insertLockRow(String schema, String table) {
        return "INSERT INTO " + dialect.qualify(schema, table) + " (lock_id) VALUES (?)";
    }

    String lockLockRow(String schema, String table) {
        return "SELECT lock_id FROM " + dialect.qualify(schema, table) + " WHERE lock_id = ? FOR UPDATE";
    }

    // ---- Journal ----

    String createJournalTable(String schema, String table) {
        return "CREATE TABLE IF NOT EXISTS " + dialect.qualify(schema, table)
                + " (revision VARCHAR(32) NOT NULL, direction VARCHAR(9) NOT NULL, statement_no INTEGER NOT NULL,"
                + " sha256 VARCHAR(64), heads_before VARCHAR(2000), heads_after VARCHAR(2000), CONSTRAINT "
                + dialect.quote(table + "_pkc") + " PRIMARY KEY (revision, statement_no))";
    }

    String insertJournalEntry(String schema, String table) {
        return "INSERT INTO " + dialect.qualify(schema, table)
                + " (revision, direction, statement_no, sha256, heads_before, heads_after) VALUES (?, ?, ?, ?, ?, ?)";
    }

    String selectJournal(String schema, String table) {
        return "SELECT revision, direction, statement_no, sha256, heads_before, heads_after FROM "
                + dialect.qualify(schema, table) + " ORDER BY statement_no";
    }

    String clearJournal(String schema, String table) {
        return "DELETE FROM " + dialect.qualify(schema, table);
    }
}
