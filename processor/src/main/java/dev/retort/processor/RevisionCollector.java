package dev.retort.processor;

import dev.retort.annotations.Revision;
import dev.retort.runtime.RevisionMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/** Reads a {@code @Revision} class into a {@link RevisionDescriptor}. */
final class RevisionCollector {

    private final Elements elements;

    RevisionCollector(Elements elements) {
        this.elements = elements;
    }

    /**
     * The descriptor of {@code type}, or empty when its annotation does not even have a
     * string id (javac has then already reported the source error).
     */
    Optional<RevisionDescriptor> collect(TypeElement type) {
        Optional<? extends AnnotationMirror> mirror = type.getAnnotationMirrors().stream()
                .filter(m -> ((TypeElement) m.getAnnotationType().asElement()).getQualifiedName()
                        .contentEquals(Revision.class.getCanonicalName()))
                .findFirst();
        if (mirror.isEmpty()) {
            return Optional.empty();
        }
        // Only explicit values: they carry the source position; defaults are empty anyway.
        Map<? extends ExecutableElement, ? extends AnnotationValue> values = mirror.get().getElementValues();
        AnnotationValue idValue = value(values, "id");
        if (idValue == null || !(idValue.getValue() instanceof String id)) {
            return Optional.empty();
        }
        AnnotationValue messageValue = value(values, "message");
        String message = messageValue != null && messageValue.getValue() instanceof String s ? s.trim() : "";
        if (message.isEmpty()) {
            message = RevisionMessage.fromJavadoc(elements.getDocComment(type));
        }
        return Optional.of(new RevisionDescriptor(
                type,
                mirror.get(),
                elements.getPackageOf(type).getQualifiedName().toString(),
                new RevisionDescriptor.Entry(id, idValue),
                strings(value(values, "downRevision")),
                strings(value(values, "dependsOn")),
                strings(value(values, "branchLabels")),
                message));
    }

    private static AnnotationValue value(Map<? extends ExecutableElement, ? extends AnnotationValue> values,
            String name) {
        return values.entrySet().stream()
                .filter(e -> e.getKey().getSimpleName().contentEquals(name))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    private static List<RevisionDescriptor.Entry> strings(AnnotationValue array) {
        List<RevisionDescriptor.Entry> entries = new ArrayList<>();
        if (array != null && array.getValue() instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof AnnotationValue v && v.getValue() instanceof String s) {
                    entries.add(new RevisionDescriptor.Entry(s, v));
                }
            }
        }
        return entries;
    }
}
