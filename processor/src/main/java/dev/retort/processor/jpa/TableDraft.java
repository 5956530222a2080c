package dev.retort.processor.jpa;

import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.ForeignKey;
import dev.retort.runtime.schema.Index;
import dev.retort.runtime.schema.PrimaryKey;
import dev.retort.runtime.schema.Table;
import dev.retort.runtime.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/** A table being read; {@link #build} reports what the schema model refuses. */
final class TableDraft {

    final String name;
    final LinkedHashMap<String, Column> columns = new LinkedHashMap<>();
    /** The entity whose attribute maps each column, where one does. */
    private final Map<String, TypeElement> owners = new HashMap<>();
    final List<Index> indexes = new ArrayList<>();
    final List<UniqueConstraint> uniqueConstraints = new ArrayList<>();
    final List<ForeignKey> foreignKeys = new ArrayList<>();
    List<String> primaryKey = List.of();
    private final List<String> duplicates = new ArrayList<>();
    private Element duplicateOrigin;
    private final Reporter reporter;
    private final Hierarchy hierarchy;

    TableDraft(String name, Reporter reporter, Hierarchy hierarchy) {
        this.name = name;
        this.reporter = reporter;
        this.hierarchy = hierarchy;
    }

    void add(Column column) {
        add(column, null);
    }

    /**
     * A column that an attribute of {@code owner} maps. Entities of separate branches of a
     * SINGLE_TABLE hierarchy share a column of the same name, as in Hibernate; within one
     * entity and its ancestors a name mapped twice makes the table invalid.
     */
    void add(Column column, TypeElement owner) {
        Column old = columns.putIfAbsent(column.name(), column);
        if (old == null) {
            if (owner != null) {
                owners.put(column.name(), owner);
            }
            return;
        }
        TypeElement first = owners.get(column.name());
        if (owner != null && first != null && !hierarchy.chain(owner).contains(first)) {
            if (!old.equals(column)) {
                reporter.warn(JpaProblem.INHERITANCE, owner, null, owner.getQualifiedName(),
                        "maps column " + column.name() + " of table " + name + " as " + column
                                + ", which " + first.getQualifiedName() + " maps as " + old,
                        "the table keeps " + first.getSimpleName() + "'s definition",
                        "Give one of the attributes another @Column(name), or make the two definitions match.");
            }
            return;
        }
        duplicates.add(column.name());
        if (duplicateOrigin == null) {
            duplicateOrigin = owner;
        }
    }

    /** A join column that repeats a basic column of the same name (read-only mappings) is that column. */
    void addIfAbsent(Column column) {
        columns.putIfAbsent(column.name(), column);
    }

    /** Two attributes joining the same columns to the same table share one foreign key, as in Hibernate. */
    void addForeignKey(ForeignKey key) {
        if (!foreignKeys.contains(key)) {
            foreignKeys.add(key);
        }
    }

    Optional<Table> build(TypeElement entity, Element origin) {
        if (!duplicates.isEmpty()) {
            Element where = duplicateOrigin != null ? duplicateOrigin : origin;
            reporter.warn(JpaProblem.INVALID_TABLE, where, null, where == origin ? entity.getQualifiedName()
                            : ((TypeElement) where).getQualifiedName(), name,
                    "column " + String.join(", ", duplicates) + " is mapped twice; give one of the attributes "
                            + "another @Column(name) or @AttributeOverride");
            return Optional.empty();
        }
        try {
            Table.Builder table = Table.builder(name);
            columns.values().forEach(table::column);
            if (!primaryKey.isEmpty()) {
                table.primaryKey(new PrimaryKey(Optional.empty(), primaryKey));
            }
            indexes.forEach(table::index);
            uniqueConstraints.forEach(table::unique);
            foreignKeys.forEach(table::foreignKey);
            return Optional.of(table.build());
        } catch (IllegalArgumentException e) {
            reporter.warn(JpaProblem.INVALID_TABLE, origin, null, entity.getQualifiedName(), name,
                    e.getMessage());
            return Optional.empty();
        }
    }
}
