package dev.retort.processor.jpa;

import static dev.retort.processor.jpa.Annotations.find;
import static dev.retort.processor.jpa.Annotations.has;

import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Type;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * The column of a basic attribute: its name, its type from {@code columnDefinition} or {@link
 * ColumnTypes}, its nullability and uniqueness.
 */
final class BasicColumns {

    private final Annotations annotations;
    private final ColumnTypes columnTypes;
    private final Naming naming;
    private final SqlNames names;
    private final Reporter reporter;

    BasicColumns(Annotations annotations, ColumnTypes columnTypes, Naming naming, SqlNames names, Reporter reporter) {
        this.annotations = annotations;
        this.columnTypes = columnTypes;
        this.naming = naming;
        this.names = names;
        this.reporter = reporter;
    }

    /**
     * A basic attribute's column, or empty after a warning. A primitive is NOT NULL unless
     * {@code forcedNull} (a SINGLE_TABLE subclass's attribute), where only an explicit
     * {@code nullable = false} makes it so, as in Hibernate.
     */
    Optional<Column> basicColumn(TypeElement entity, VariableElement field, TypeMirror type,
            String logicalName, AnnotationMirror column, boolean forcedNull) {
        String explicit = column == null ? ""
                : names.sqlName(field, column, "column", annotations.string(column, "name"));
        String name = naming.physical(explicit.isEmpty() ? logicalName : explicit);
        String definition = column == null ? "" : annotations.string(column, "columnDefinition");
        Optional<Type> mapped;
        if (!definition.isBlank()) {
            mapped = Optional.of(Type.raw(definition));
        } else if (has(field, Annotations.CONVERT)) {
            reporter.warn(JpaProblem.UNSUPPORTED_MAPPING, field, find(field, Annotations.CONVERT).orElseThrow(),
                    entity.getQualifiedName(), field.getSimpleName(),
                    "@Convert (the converter's column type is unknown here; give @Column(columnDefinition = ...))");
            return Optional.empty();
        } else {
            mapped = columnTypes.of(type, field, column);
        }
        if (mapped.isEmpty()) {
            reporter.warn(JpaProblem.UNSUPPORTED_TYPE, field, null, entity.getQualifiedName(),
                    field.getSimpleName(), type);
            return Optional.empty();
        }
        Column out = Column.of(name, mapped.get());
        boolean nullable = column == null || annotations.bool(column, "nullable");
        if (!nullable || type.getKind().isPrimitive() && !forcedNull) {
            out = out.notNull();
        }
        if (column != null && annotations.bool(column, "unique")) {
            out = out.unique();
        }
        return Optional.of(out);
    }
}
