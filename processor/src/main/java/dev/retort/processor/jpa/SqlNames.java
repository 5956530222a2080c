package dev.retort.processor.jpa;

import static dev.retort.processor.jpa.Annotations.find;

import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * The names the mapping gives: an entity's name, its table's logical and physical names, and
 * every name as written in an annotation, with a warning when it is quoted.
 */
final class SqlNames {

    private final Annotations annotations;
    private final Naming naming;
    private final Reporter reporter;

    SqlNames(Annotations annotations, Naming naming, Reporter reporter) {
        this.annotations = annotations;
        this.naming = naming;
        this.reporter = reporter;
    }

    String entityName(TypeElement entity) {
        return find(entity, Annotations.ENTITY).map(e -> annotations.string(e, "name")).filter(n -> !n.isEmpty())
                .orElse(entity.getSimpleName().toString());
    }

    String logicalTableName(TypeElement entity) {
        Optional<AnnotationMirror> table = find(entity, Annotations.TABLE);
        return table.map(t -> sqlName(entity, t, "table", annotations.string(t, "name"))).filter(n -> !n.isEmpty())
                .orElse(entityName(entity));
    }

    /**
     * {@code name} as written, after a warning on {@code where} when it is quoted: Hibernate keeps
     * a quoted name exact, but the model holds every name bare ({@code unquotedNames()}), so it is
     * compared in the case each database gives the bare name. {@link Naming#physical} drops the quotes.
     */
    String sqlName(Element where, AnnotationMirror annotation, String what, String name) {
        if (Naming.isQuoted(name)) {
            reporter.warn(JpaProblem.QUOTED_NAME, where, annotation, owner(where).getQualifiedName(), what, name,
                    Naming.unquoted(name));
        }
        return name;
    }

    /** The entity (or embeddable) an element belongs to, for messages. */
    private static TypeElement owner(Element element) {
        Element current = element;
        while (!(current instanceof TypeElement)) {
            current = current.getEnclosingElement();
        }
        return (TypeElement) current;
    }

    String tableName(TypeElement entity) {
        return naming.physical(logicalTableName(entity));
    }
}
