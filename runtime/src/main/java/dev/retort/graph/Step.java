package dev.retort.graph;

import java.util.List;

/**
 * One migration to run: a revision's {@code upgrade} or {@code downgrade}, with the
 * heads the version table holds before and after it.
 *
 * <p>The migrator turns {@code headsBefore -> headsAfter} into version-table
 * statements: one {@code UPDATE} when exactly one row is replaced by one other,
 * otherwise {@code DELETE}s of the rows that go and {@code INSERT}s of those that come.
 *
 * @param revision    the revision whose migration runs
 * @param direction   upgrade or downgrade
 * @param headsBefore the version-table rows before the step, sorted
 * @param headsAfter  the version-table rows after the step, sorted
 */
public record Step(RevisionNode revision, Direction direction, List<String> headsBefore, List<String> headsAfter) {

    public Step {
        headsBefore = List.copyOf(headsBefore);
        headsAfter = List.copyOf(headsAfter);
    }

    /**
     * The revisions the step leaves, as Alembic prints them on the left of the arrow: the
     * down revisions for an upgrade (empty from base), the revision itself for a
     * downgrade.
     */
    public List<String> from() {
        return direction == Direction.UPGRADE ? revision.downRevisions() : List.of(revision.id());
    }

    /** The revisions the step reaches: the revision for an upgrade, its down revisions for a downgrade. */
    public List<String> to() {
        return direction == Direction.UPGRADE ? List.of(revision.id()) : revision.downRevisions();
    }
}
