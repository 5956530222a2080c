package dev.retort.autogenerate;

import dev.retort.runtime.operation.Operation;
import java.util.List;
import java.util.Objects;

/**
 * One difference found by {@link Comparison}: the operation that makes the database match
 * the model, the operations that undo it (from {@code reverse()}, or rebuilt from the
 * database's state where the operation alone cannot say, as for a dropped table), and the
 * notes for the author where the change needs judgement.
 *
 * @param operation the upgrade operation
 * @param downgrade the operations that undo it, in order; empty when nothing can
 * @param notes what the author must check before running it (a NOT NULL column added to a
 *     table that may have rows, a type that narrows, a drop and an add that may be a
 *     rename); empty when the change is routine
 */
public record Change(Operation operation, List<Operation> downgrade, List<String> notes) {

    /** Validates and copies the parts. */
    public Change {
        Objects.requireNonNull(operation, "operation");
        downgrade = List.copyOf(downgrade);
        notes = List.copyOf(notes);
    }

    /** A change undone by the operation's own {@code reverse()}, without notes. */
    public static Change of(Operation operation) {
        return new Change(operation, operation.reverse().map(List::of).orElse(List.of()), List.of());
    }

    /** True when the author must look at it: it has notes. */
    public boolean needsReview() {
        return !notes.isEmpty();
    }

    Change withNote(String note) {
        var all = new java.util.ArrayList<>(notes);
        all.add(note);
        return new Change(operation, downgrade, all);
    }
}
