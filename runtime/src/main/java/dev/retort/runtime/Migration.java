package dev.retort.runtime;

/**
 * One step of a schema's history: what {@code upgrade} does and how {@code downgrade}
 * undoes it. Implementations carry {@code @dev.retort.annotations.Revision} and are
 * instantiated by the generated registry, never by reflection.
 *
 * <pre>{@code
 * @Revision(id = "3512b954651e", downRevision = "2b1ae634e5cd")
 * public final class AddAccount implements Migration {
 *     public void upgrade(Operations op) {
 *         op.createTable("account",
 *             Column.of("id", Type.BIGINT).primaryKey().autoIncrement(),
 *             Column.of("name", Type.varchar(50)).notNull());
 *     }
 *     public void downgrade(Operations op) {
 *         op.dropTable("account");
 *     }
 * }
 * }</pre>
 */
public interface Migration {

    /** Moves the schema forward by this revision. */
    void upgrade(Operations op) throws Exception;

    /** Undoes {@link #upgrade}. */
    void downgrade(Operations op) throws Exception;
}
