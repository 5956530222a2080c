package dev.retort.runtime.dialect;

/** PostgreSQL 12 and later. */
public class PostgresDialect extends Dialect {

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }

    // ---- Locking and version table (migrator) ----

    @Override
    public boolean advisoryLocks() {
        return true;
    }

    @Override
    public String tryAdvisoryLock(long key) {
        return "SELECT pg_try_advisory_lock(" + key + ")";
    }

    @Override
    public String advisoryUnlock(long key) {
        return "SELECT pg_advisory_unlock(" + key + ")";
    }
}
