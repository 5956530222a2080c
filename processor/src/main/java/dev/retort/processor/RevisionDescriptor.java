package dev.retort.processor;

import dev.retort.graph.RevisionNode;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;

/**
 * One {@code @Revision} as the source declares it: the class, the annotation and, for every
 * string, the annotation value it came from, so that a diagnostic lands on that very
 * string in the IDE. Immutable.
 *
 * @param element       the annotated class
 * @param mirror        the {@code @Revision} annotation on it
 * @param packageName   the package whose graph the revision belongs to
 * @param id            the {@code id} attribute
 * @param downRevisions the entries of {@code downRevision}, in source order
 * @param dependsOn     the entries of {@code dependsOn}, in source order
 * @param branchLabels  the entries of {@code branchLabels}, in source order
 * @param message       the {@code message} attribute, else the first sentence of the class javadoc, else ""
 */
record RevisionDescriptor(
        TypeElement element,
        AnnotationMirror mirror,
        String packageName,
        Entry id,
        List<Entry> downRevisions,
        List<Entry> dependsOn,
        List<Entry> branchLabels,
        String message) {

    RevisionDescriptor {
        downRevisions = List.copyOf(downRevisions);
        dependsOn = List.copyOf(dependsOn);
        branchLabels = List.copyOf(branchLabels);
    }

    /**
     * One string of the annotation and where it is written.
     *
     * @param text  the string
     * @param value the annotation value holding it
     */
    record Entry(String text, AnnotationValue value) {}

    /** The canonical class name: {@code com.acme.AddAccount} or {@code com.acme.Outer.Inner}. */
    String className() {
        return element.getQualifiedName().toString();
    }

    /** The class name within its package: {@code AddAccount} or {@code Outer.Inner}. */
    String nameInPackage() {
        String qualified = className();
        return packageName.isEmpty() ? qualified : qualified.substring(packageName.length() + 1);
    }

    /** The graph node this revision stands for. */
    RevisionNode node() {
        return new RevisionNode(id.text(), texts(downRevisions), texts(branchLabels), texts(dependsOn), message);
    }

    /** The first entry of {@code entries} whose text is {@code text}. */
    static Optional<Entry> find(List<Entry> entries, String text) {
        return entries.stream().filter(e -> e.text().equals(text)).findFirst();
    }

    private static List<String> texts(List<Entry> entries) {
        return entries.stream().map(Entry::text).toList();
    }
}
