package dev.retort.runtime.internal;

import java.sql.SQLException;

/**
 * Where rendered SQL goes: executed on a connection online, written to a script offline.
 * The same migration code path feeds both.
 */
public interface SqlSink {

    /** Runs or writes one statement (no terminator). */
    void execute(String sql) throws SQLException;
}
