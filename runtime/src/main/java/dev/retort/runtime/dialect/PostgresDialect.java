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
}
