package dev.retort.cli;

import dev.retort.autogenerate.Change;
import java.util.List;
import java.util.Objects;

/**
 * What {@link Commands#check(Config, boolean)} found: the differences between the
 * database at head (or the shadow database built from every revision) and the target
 * model, as {@code retort check} lists them.
 *
 * @param changes  every difference as the operation a revision would need, with its review notes; empty when clean
 * @param notes    differences the comparison leaves to the author with no operation (a sequence's
 *                 changed increment, with the {@code ALTER SEQUENCE} to write by hand); they do not
 *                 make the result unclean (see {@code Comparison.notes()})
 * @param heads    the revisions the compared database was at (the heads of the graph), sorted
 * @param compared what was compared with the model: the configured URL, or the shadow database's description
 */
public record CheckResult(List<Change> changes, List<String> notes, List<String> heads, String compared) {

    /** Copies the lists. */
    public CheckResult {
        changes = List.copyOf(changes);
        notes = List.copyOf(notes);
        heads = List.copyOf(heads);
        Objects.requireNonNull(compared, "compared");
    }

    /** True when the database matches the model: no new upgrade operations (notes aside). */
    public boolean isClean() {
        return changes.isEmpty();
    }
}
