package dev.retort.runtime;

import dev.retort.graph.Direction;
import dev.retort.graph.RevisionException;
import dev.retort.runtime.dialect.Dialect;
import java.util.List;
import java.util.Objects;

/**
 * Writes the SQL of an upgrade, downgrade or stamp to a script instead of running it, as
 * Alembic's {@code --sql}. Obtained from {@link Migrator#sql(Appendable)}; each call appends
 * one script to the same destination.
 *
 * <pre>{@code
 * OfflineSql sql = migrator.sql(writer);
 * sql.upgrade("head");                 // from base: creates the version table first
 * sql.upgrade("2b1ae634e5cd:head");    // from a database at 2b1ae634e5cd
 * sql.downgrade("head:base");          // a downgrade always names its start
 * sql.stamp("3512b954651e");
 * }</pre>
 *
 * <h2>Where a script starts</h2>
 * Offline SQL reads no version table, so the script assumes a start: {@code base} unless
 * the argument is a range {@code <start>:<target>}. The start is {@code base}, or one or
 * more revisions separated by commas, each an id, a unique partial id, {@code head},
 * {@code heads}, a branch label or {@code <label>@head}. A downgrade needs a start.
 *
 * <h2>The script</h2>
 * The migrations run with an {@link Operations} that writes each rendered statement with
 * the dialect's terminator instead of executing it, so the script holds exactly what the
 * online command would run:
 * <ul>
 *   <li>where the dialect has transactional DDL, {@code BEGIN;} and {@code COMMIT;} around
 *       each migration (once around all of them for {@link Migrator.TransactionMode#ALL});</li>
 *   <li>when the start is base, the version table's {@code CREATE TABLE IF NOT EXISTS}
 *       inside the first migration's transaction;</li>
 *   <li>per migration a comment with its log line ({@code -- Running upgrade 2b1ae634e5cd
 *       -> 3512b954651e, add account}), its statements, then the version-table {@code
 *       INSERT}, {@code UPDATE} or {@code DELETE} of the step.</li>
 * </ul>
 * A downgrade to base leaves the (then empty) version table in place, as the online
 * downgrade does; Alembic's offline downgrade drops it.
 *
 * <p>A migration that needs the database ({@link Operations#connection()}) cannot be
 * written offline and fails with {@code MIGRATION_FAILED}; {@link Operations#execute}
 * statements are written as they are. After a failure the destination holds an
 * incomplete script.
 */
public final class OfflineSql {

    private final Migrator migrator;
    private final Dialect dialect;
    private final Appendable out;

    OfflineSql(Migrator migrator, Dialect dialect, Appendable out) {
        this.migrator = Objects.requireNonNull(migrator, "migrator");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.out = Objects.requireNonNull(out, "out");
    }

    /**
     * Writes the upgrade to {@code target}, from base or from the start of a range: {@code
     * "head"}, {@code "heads"}, {@code "2b1ae634e5cd"}, {@code "2b1ae634e5cd:head"}, {@code
     * "base:+2"}, …
     *
     * @return the rows the script assumes before and leaves after, and the steps it holds
     *     (their {@code elapsed} is the time spent rendering); no steps and nothing written
     *     when the start is already at the target
     * @throws RevisionException  when the start or the target is unknown, ambiguous or unreachable
     * @throws MigrationException {@code INVALID_RANGE} for a malformed range, {@code
     *                            MIGRATION_FAILED} when a migration cannot be written, {@code
     *                            SCRIPT_WRITE_FAILED} when {@code out} fails
     */
    public MigrationResult upgrade(String target) {
        return migrator.writeMigration(dialect, Direction.UPGRADE, target, out);
    }

    /**
     * Writes the downgrade over a range {@code <start>:<target>}: {@code "head:base"},
     * {@code "3512b954651e:2b1ae634e5cd"}, {@code "3512b954651e:-1"}, …
     *
     * @return as for {@link #upgrade}
     * @throws MigrationException {@code OFFLINE_DOWNGRADE_NEEDS_START} when {@code range} has
     *                            no start; otherwise as for {@link #upgrade}
     * @throws RevisionException  as for {@link #upgrade}
     */
    public MigrationResult downgrade(String range) {
        return migrator.writeMigration(dialect, Direction.DOWNGRADE, range, out);
    }

    /**
     * Writes the version-table statements that stamp {@code revisions}, from base or from
     * a start given as {@code <start>:<revision>} (one start for all of them), as {@link
     * Migrator#stamp} computes them. No argument, or {@code "base"}, empties the table.
     *
     * @return the rows before and after; never any steps; nothing written when nothing changes
     * @throws MigrationException {@code INVALID_RANGE} for several different starts; {@code
     *                            SCRIPT_WRITE_FAILED} when {@code out} fails
     * @throws RevisionException  when a revision is unknown or ambiguous
     */
    public MigrationResult stamp(String... revisions) {
        return migrator.writeStamp(dialect, revisions == null ? List.of() : List.of(revisions), out);
    }
}
