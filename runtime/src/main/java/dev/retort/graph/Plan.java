package dev.retort.graph;

import java.util.List;

/**
 * An ordered list of steps and the version-table rows they leave behind.
 *
 * @param steps      the steps in the order they must run; empty when there is nothing to do
 * @param headsAfter the version-table rows after the last step, sorted
 */
public record Plan(List<Step> steps, List<String> headsAfter) {

    public Plan {
        steps = List.copyOf(steps);
        headsAfter = List.copyOf(headsAfter);
    }

    /** True when the database is already where the target asks. */
    public boolean isEmpty() {
        return steps.isEmpty();
    }
}
