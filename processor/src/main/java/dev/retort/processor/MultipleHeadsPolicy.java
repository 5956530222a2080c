package dev.retort.processor;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;

/** What option {@code retort.multipleHeads} makes of several unlabelled heads or bases. */
enum MultipleHeadsPolicy {
    /** Refuse to compile (the default). */
    ERROR,
    /** Compile, with a warning on every head. */
    WARN,
    /** Compile silently: the team keeps unlabelled branches on purpose. */
    ALLOW;

    static final String OPTION = "retort.multipleHeads";

    /** The policy an option value names, case-insensitively; empty for an unknown value. */
    static Optional<MultipleHeadsPolicy> parse(String value) {
        return Arrays.stream(values()).filter(p -> p.optionValue().equalsIgnoreCase(value.trim())).findFirst();
    }

    /** The value as written on the command line: {@code error}, {@code warn}, {@code allow}. */
    String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every accepted value, for messages. */
    static String accepted() {
        return Arrays.stream(values()).map(MultipleHeadsPolicy::optionValue).collect(Collectors.joining(", "));
    }

    /** The diagnostic kind to report with, or empty to report nothing. */
    Optional<Diagnostic.Kind> kind() {
        return switch (this) {
            case ERROR -> Optional.of(Diagnostic.Kind.ERROR);
            case WARN -> Optional.of(Diagnostic.Kind.WARNING);
            case ALLOW -> Optional.empty();
        };
    }
}
