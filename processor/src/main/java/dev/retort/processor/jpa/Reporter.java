package dev.retort.processor.jpa;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/**
 * Where the entity reader's classes report what they cannot map: to {@link Diagnostics}, each
 * problem once, and nothing while a key is read for another entity's sake ({@link #quietly}).
 */
final class Reporter {

    private final Diagnostics diagnostics;
    /** What has been reported, so a column inherited by several tables warns once. */
    private final Set<List<Object>> reported = new HashSet<>();
    private boolean quiet;

    Reporter(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** Reports once: a column that several tables inherit is read once per table. */
    void warn(JpaProblem problem, Element element, AnnotationMirror annotation, Object... args) {
        if (quiet) {
            return;
        }
        List<Object> key = new ArrayList<>(List.of(problem, element, String.valueOf(annotation)));
        for (Object arg : args) {
            key.add(String.valueOf(arg));
        }
        if (reported.add(key)) {
            diagnostics.warn(problem, element, annotation, args);
        }
    }

    /** True while {@link #quietly} reads. */
    boolean quiet() {
        return quiet;
    }

    /**
     * What {@code read} returns, read without reporting: a key is read for every entity that
     * references it, and its problems are reported on the entity itself.
     */
    <T> T quietly(Supplier<T> read) {
        boolean wasQuiet = quiet;
        quiet = true;
        try {
            return read.get();
        } finally {
            quiet = wasQuiet;
        }
    }
}
