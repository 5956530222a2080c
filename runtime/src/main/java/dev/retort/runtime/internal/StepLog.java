package dev.retort.runtime.internal;

import dev.retort.graph.Direction;
import java.util.List;

/**
 * Formats the line logged for each step exactly as Alembic does: {@code Running upgrade
 * 2b1ae634e5cd -> 3512b954651e, add account}. A step from base has an empty left side
 * ({@code Running upgrade  -> 2b1ae634e5cd, …}), a merge lists its parents ({@code a, b ->
 * c}), and a revision without message ends after the arrow's right side.
 */
public final class StepLog {

    private StepLog() {
    }

    public static String format(Direction direction, List<String> from, List<String> to, String message) {
        String line = "Running " + (direction == Direction.UPGRADE ? "upgrade" : "downgrade") + " "
                + String.join(", ", from) + " -> " + String.join(", ", to);
        return message == null || message.isEmpty() ? line : line + ", " + message;
    }
}
