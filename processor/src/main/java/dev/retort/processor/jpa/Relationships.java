package dev.retort.processor.jpa;

import static dev.retort.processor.jpa.Annotations.find;
import static dev.retort.processor.jpa.Annotations.has;

import dev.retort.processor.jpa.Keys.Key;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.ForeignKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * Single-valued relationships ({@code @ManyToOne}, an owning {@code @OneToOne}) and the join
 * columns and foreign keys that they, join tables, collection tables and JOINED subclasses
 * share.
 */
final class Relationships {

    private final Annotations annotations;
    private final Naming naming;
    private final SqlNames names;
    private final Keys keys;
    private final Reporter reporter;

    Relationships(Annotations annotations, Naming naming, SqlNames names, Keys keys, Reporter reporter) {
        this.annotations = annotations;
        this.naming = naming;
        this.names = names;
        this.keys = keys;
        this.reporter = reporter;
    }

    void readToOne(TypeElement entity, VariableElement field, TableDraft draft) {
        boolean oneToOne = has(field, Annotations.ONE_TO_ONE);
        AnnotationMirror relation = find(field, oneToOne ? Annotations.ONE_TO_ONE : Annotations.MANY_TO_ONE)
                .orElseThrow();
        if (oneToOne && !annotations.string(relation, "mappedBy").isEmpty()) {
            return;
        }
        Optional<Key> target = keys.targetKey(entity, field, relation, field.asType());
        if (target.isEmpty()) {
            return;
        }
        boolean optional = annotations.bool(relation, "optional") && !has(field, Annotations.ID);
        List<AnnotationMirror> joinColumns = annotations.repeated(field, Annotations.JOIN_COLUMN,
                Annotations.JOIN_COLUMNS);
        Optional<List<Column>> columns = joinColumns(entity, field, field.getSimpleName().toString(), joinColumns,
                target.get(), optional, oneToOne);
        if (columns.isEmpty()) {
            return;
        }
        for (Column column : columns.get()) {
            draft.addIfAbsent(has(field, Annotations.ID) ? column.primaryKey() : column);
        }
        foreignKey(entity, field, joinColumns, columns.get(), target.get()).ifPresent(draft::addForeignKey);
    }

    /**
     * The columns that reference {@code target}'s key: the {@code @JoinColumn}s given, or one
     * per key column named {@code <prefix>_<key column>}.
     */
    Optional<List<Column>> joinColumns(TypeElement entity, VariableElement field, String prefix,
            List<AnnotationMirror> given, Key target, boolean nullable, boolean unique) {
        List<Column> out = new ArrayList<>();
        if (given.isEmpty()) {
            for (Column key : target.columns()) {
                Column column = Column.of(naming.physical(prefix + "_" + key.name()), key.type());
                out.add(nullable ? column : column.notNull());
            }
        } else {
            if (given.size() != target.columns().size()) {
                reporter.warn(JpaProblem.UNRESOLVED_TARGET, field, given.get(0), entity.getQualifiedName(),
                        field.getSimpleName(), target.table(), "it has " + target.columns().size()
                                + " key columns and the attribute gives " + given.size() + " join columns");
                return Optional.empty();
            }
            for (int i = 0; i < given.size(); i++) {
                AnnotationMirror join = given.get(i);
                String referenced = annotations.string(join, "referencedColumnName");
                Column key = target.columns().get(i);
                if (!referenced.isEmpty()) {
                    String physical = naming.physical(referenced);
                    Optional<Column> match = target.columns().stream().filter(c -> c.name().equals(physical))
                            .findFirst();
                    if (match.isEmpty()) {
                        reporter.warn(JpaProblem.UNRESOLVED_TARGET, field, join, entity.getQualifiedName(),
                                field.getSimpleName(), target.table(), "referencedColumnName \"" + referenced
                                        + "\" is not a column of its primary key");
                        return Optional.empty();
                    }
                    key = match.get();
                }
                String name = names.sqlName(field, join, "join column", annotations.string(join, "name"));
                Column column = Column.of(naming.physical(name.isEmpty() ? prefix + "_" + key.name() : name),
                        key.type());
                if (!nullable || !annotations.bool(join, "nullable")) {
                    column = column.notNull();
                }
                if (annotations.bool(join, "unique")) {
                    column = column.unique();
                }
                out.add(column);
            }
        }
        // Hibernate makes the key of a single-column @OneToOne unique.
        if (unique && out.size() == 1 && !out.get(0).isUnique()) {
            out.set(0, out.get(0).unique());
        }
        return Optional.of(out);
    }

    /**
     * The foreign key of join columns, unless their {@code @ForeignKey} says NO_CONSTRAINT or the
     * target's rows live in several tables (then after a warning on {@code origin}, an attribute
     * of {@code entity} or the entity itself).
     */
    Optional<ForeignKey> foreignKey(TypeElement entity, Element origin, List<AnnotationMirror> joinColumns,
            List<Column> columns, Key target) {
        if (target.scatteredOver() != null) {
            String attribute = origin.getKind() == ElementKind.FIELD ? origin.getSimpleName().toString()
                    : "(its key)";
            reporter.warn(JpaProblem.NO_FOREIGN_KEY, origin, null, entity.getQualifiedName(), attribute,
                    columns.stream().map(Column::name).collect(Collectors.joining(", ")),
                    target.entity().getQualifiedName(), target.scatteredOver());
            return Optional.empty();
        }
        ForeignKey key = ForeignKey.of(columns.stream().map(Column::name).toList(), target.table(),
                target.columns().stream().map(Column::name).toList());
        if (!joinColumns.isEmpty()) {
            AnnotationMirror constraint = annotations.mirrors(joinColumns.get(0), "foreignKey").get(0);
            if (annotations.enumConstant(constraint, "value").equals("NO_CONSTRAINT")) {
                return Optional.empty();
            }
            String name = Naming.unquoted(names.sqlName(origin, joinColumns.get(0), "foreign key",
                    annotations.string(constraint, "name")));
            if (!name.isEmpty()) {
                key = key.named(name);
            }
        }
        return Optional.of(key);
    }
}
