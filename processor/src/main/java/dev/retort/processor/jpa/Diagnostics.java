package dev.retort.processor.jpa;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/** Where the entity reader reports what it cannot map; nothing in this package throws for it. */
public interface Diagnostics {

    /**
     * A warning on {@code element}, on {@code annotation} when it is not null.
     *
     * @param args the problem's arguments, in the order {@link JpaProblem} lists them
     */
    void warn(JpaProblem problem, Element element, AnnotationMirror annotation, Object... args);
}
