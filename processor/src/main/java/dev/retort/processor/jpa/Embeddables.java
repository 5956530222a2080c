package dev.retort.processor.jpa;

import static dev.retort.processor.jpa.Annotations.find;
import static dev.retort.processor.jpa.Annotations.has;

import dev.retort.runtime.schema.Column;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Embedded attributes and embedded ids: the columns of an {@code @Embeddable}, nested ones
 * flattened, named after its attributes unless an {@code @AttributeOverride} renames them.
 */
final class Embeddables {

    private final Annotations annotations;
    private final Hierarchy hierarchy;
    private final BasicColumns basicColumns;
    private final Reporter reporter;

    Embeddables(Annotations annotations, Hierarchy hierarchy, BasicColumns basicColumns, Reporter reporter) {
        this.annotations = annotations;
        this.hierarchy = hierarchy;
        this.basicColumns = basicColumns;
        this.reporter = reporter;
    }

    boolean isEmbedded(Element field, TypeMirror type) {
        return has(field, Annotations.EMBEDDED) || isEmbeddable(type);
    }

    static boolean isEmbeddable(TypeMirror type) {
        return type.getKind() == TypeKind.DECLARED && has(((DeclaredType) type).asElement(), Annotations.EMBEDDABLE);
    }

    /** {@code @AttributeOverride}s of an attribute, by attribute path. */
    Map<String, AnnotationMirror> overrides(Element field) {
        Map<String, AnnotationMirror> out = new HashMap<>();
        for (AnnotationMirror override : annotations.repeated(field, Annotations.ATTRIBUTE_OVERRIDE,
                Annotations.ATTRIBUTE_OVERRIDES)) {
            out.put(annotations.string(override, "name"), annotations.mirrors(override, "column").get(0));
        }
        return out;
    }

    /**
     * The columns of an embedded attribute, nested embeddables flattened, in the order of the
     * embeddable's attribute names; each column is named after the embeddable's attribute (as
     * Hibernate does) unless overridden.
     */
    List<Column> embeddedColumns(TypeElement entity, Element field, TypeMirror type, String attribute,
            String path, Map<String, AnnotationMirror> overrides, boolean forcedNull) {
        if (!isEmbeddable(type)) {
            reporter.warn(JpaProblem.UNSUPPORTED_MAPPING, field, null, entity.getQualifiedName(), attribute,
                    "an embedded type that is not @Embeddable");
            return List.of();
        }
        List<Column> out = new ArrayList<>();
        // Hibernate orders an embeddable's attributes by name, and with them the columns of a
        // composite key and of every foreign key that references it.
        List<VariableElement> parts = new ArrayList<>(
                hierarchy.declaredFields((TypeElement) ((DeclaredType) type).asElement()));
        parts.sort(Comparator.comparing(part -> part.getSimpleName().toString()));
        for (VariableElement part : parts) {
            String name = part.getSimpleName().toString();
            String partPath = path.isEmpty() ? name : path + "." + name;
            if (isEmbedded(part, part.asType())) {
                out.addAll(embeddedColumns(entity, part, part.asType(), attribute + "." + name, partPath, overrides,
                        forcedNull));
            } else if (has(part, Annotations.MANY_TO_ONE) || has(part, Annotations.ONE_TO_ONE)
                    || has(part, Annotations.ONE_TO_MANY) || has(part, Annotations.MANY_TO_MANY)
                    || has(part, Annotations.ELEMENT_COLLECTION)) {
                reporter.warn(JpaProblem.UNSUPPORTED_MAPPING, part, null, entity.getQualifiedName(),
                        attribute + "." + name, "a relationship or collection inside an embeddable");
            } else {
                AnnotationMirror column = overrides.getOrDefault(partPath,
                        find(part, Annotations.COLUMN).orElse(null));
                basicColumns.basicColumn(entity, part, part.asType(), name, column, forcedNull).ifPresent(out::add);
            }
        }
        return out;
    }
}
