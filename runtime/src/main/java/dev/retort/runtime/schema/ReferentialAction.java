package dev.retort.runtime.schema;

/** What a foreign key does to referencing rows when the referenced row is deleted or its key updated. */
public enum ReferentialAction {
    /** Deletes or updates the referencing rows too. */
    CASCADE("CASCADE"),
    /** Sets the referencing columns to null. */
    SET_NULL("SET NULL"),
    /** Sets the referencing columns to their defaults. */
    SET_DEFAULT("SET DEFAULT"),
    /** Refuses the change at once. */
    RESTRICT("RESTRICT"),
    /** Refuses the change (at the end of the statement, or of the transaction when deferred). */
    NO_ACTION("NO ACTION");

    private final String sql;

    ReferentialAction(String sql) {
        this.sql = sql;
    }

    /** The SQL words, e.g. {@code SET NULL}. */
    public String sql() {
        return sql;
    }
}
