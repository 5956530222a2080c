package dev.retort.processor.jpa;

import static dev.retort.processor.jpa.Annotations.find;

import dev.retort.processor.jpa.Hierarchy.Strategy;
import dev.retort.runtime.schema.Index;
import dev.retort.runtime.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/** The indexes and unique constraints an entity's {@code @Table} declares. */
final class TableConstraints {

    private final Annotations annotations;
    private final Naming naming;
    private final SqlNames names;
    private final Hierarchy hierarchy;
    private final Reporter reporter;

    TableConstraints(Annotations annotations, Naming naming, SqlNames names, Hierarchy hierarchy, Reporter reporter) {
        this.annotations = annotations;
        this.naming = naming;
        this.names = names;
        this.hierarchy = hierarchy;
        this.reporter = reporter;
    }

    /**
     * The indexes and unique constraints of {@code entity}'s {@code @Table}, into {@code draft}
     * (null when the entity owns no table), once every column of the package's tables is known.
     */
    void read(TypeElement entity, TableDraft draft) {
        Optional<AnnotationMirror> table = find(entity, Annotations.TABLE);
        if (table.isPresent() && draft != null) {
            readTableConstraints(entity, table.get(), draft);
        } else if (table.isPresent() && hierarchy.strategy(entity) == Strategy.TABLE_PER_CLASS
                && !hierarchy.ownsTable(entity) && (!annotations.mirrors(table.get(), "indexes").isEmpty()
                        || !annotations.mirrors(table.get(), "uniqueConstraints").isEmpty())) {
            reporter.warn(JpaProblem.INHERITANCE, entity, table.get(), entity.getQualifiedName(),
                    "is abstract in a TABLE_PER_CLASS hierarchy and has no table of its own",
                    "the indexes and unique constraints of its @Table are left out",
                    "Declare them on the @Table of each concrete entity.");
        }
    }

    private void readTableConstraints(TypeElement entity, AnnotationMirror table, TableDraft draft) {
        for (AnnotationMirror index : annotations.mirrors(table, "indexes")) {
            List<String> logical = new ArrayList<>();
            List<String> columns = new ArrayList<>();
            for (String part : annotations.string(index, "columnList").split(",")) {
                String column = part.strip().replaceFirst("(?i)\\s+(asc|desc)$", "");
                if (!column.isEmpty()) {
                    logical.add(column);
                    columns.add(naming.physical(column));
                }
            }
            String name = Naming.unquoted(names.sqlName(entity, table, "index", annotations.string(index, "name")));
            if (!knownColumns(entity, table, draft, "index " + name, columns)) {
                continue;
            }
            if (annotations.bool(index, "unique")) {
                // Hibernate 7 declares a unique @Index as a unique key of the table.
                UniqueConstraint unique = new UniqueConstraint(Optional.empty(), columns);
                draft.uniqueConstraints.add(name.isEmpty() ? unique : unique.named(name));
                continue;
            }
            if (name.isEmpty()) {
                name = Naming.hibernateConstraintName("IDX", draft.name, logical);
            }
            draft.indexes.add(new Index(name, columns, false));
        }
        for (AnnotationMirror unique : annotations.mirrors(table, "uniqueConstraints")) {
            @SuppressWarnings("unchecked")
            List<String> columns = ((List<? extends javax.lang.model.element.AnnotationValue>)
                    annotations.value(unique, "columnNames")).stream()
                    .map(v -> naming.physical((String) v.getValue())).toList();
            String name = Naming.unquoted(names.sqlName(entity, table, "unique constraint",
                    annotations.string(unique, "name")));
            if (!knownColumns(entity, table, draft, "unique constraint " + name, columns)) {
                continue;
            }
            UniqueConstraint constraint = new UniqueConstraint(Optional.empty(), columns);
            draft.uniqueConstraints.add(name.isEmpty() ? constraint : constraint.named(name));
        }
    }

    private boolean knownColumns(TypeElement entity, AnnotationMirror table, TableDraft draft, String what,
            List<String> columns) {
        for (String column : columns) {
            if (!draft.columns.containsKey(column)) {
                reporter.warn(JpaProblem.UNKNOWN_COLUMN, entity, table, entity.getQualifiedName(), what.strip(),
                        column, draft.name);
                return false;
            }
        }
        return !columns.isEmpty();
    }
}
