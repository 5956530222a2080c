package dev.retort.runtime;

import java.util.List;

/**
 * What one {@link Migrator} command did.
 *
 * @param headsBefore the version-table rows before the command, sorted
 * @param headsAfter  the version-table rows after it, sorted
 * @param steps       the migrations that ran, in order; empty when there was nothing to do
 */
public record MigrationResult(List<String> headsBefore, List<String> headsAfter, List<AppliedStep> steps) {

    public MigrationResult {
        headsBefore = List.copyOf(headsBefore);
        headsAfter = List.copyOf(headsAfter);
        steps = List.copyOf(steps);
    }
}
