package dev.retort.graph;

import java.util.List;

/** A partial id matches more than one revision. */
public final class AmbiguousRevisionException extends RevisionException {

    private static final long serialVersionUID = 1L;

    private final String prefix;
    private final List<String> candidates;

    public AmbiguousRevisionException(String prefix, List<String> candidates) {
        super("AMBIGUOUS_REVISION", "Revision prefix '" + prefix + "' is ambiguous; it matches "
                + String.join(", ", candidates) + ". Give more characters of the id.");
        this.prefix = prefix;
        this.candidates = List.copyOf(candidates);
    }

    public String prefix() {
        return prefix;
    }

    /** Every revision id that starts with the prefix, sorted. */
    public List<String> candidates() {
        return candidates;
    }
}
