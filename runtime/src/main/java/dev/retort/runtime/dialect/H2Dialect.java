package dev.retort.runtime.dialect;

/** H2 2.x. Transactional DDL is honoured only for statements H2 does not auto-commit. */
public class H2Dialect extends Dialect {

    @Override
    public String name() {
        return "h2";
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }
}
