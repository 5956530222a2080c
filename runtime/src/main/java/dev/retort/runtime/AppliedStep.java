package dev.retort.runtime;

import dev.retort.graph.Direction;
import java.time.Duration;
import java.util.List;

/**
 * One migration that ran.
 *
 * @param revision  the revision id
 * @param direction upgrade or downgrade
 * @param from      the revisions left, as in {@code Running upgrade a -> b}
 * @param to        the revisions reached
 * @param message   the revision's message
 * @param elapsed   how long the migration and its version-table change took
 */
public record AppliedStep(String revision, Direction direction, List<String> from, List<String> to,
                          String message, Duration elapsed) {

    public AppliedStep {
        from = List.copyOf(from);
        to = List.copyOf(to);
    }
}
