package dev.retort.processor.jpa;

import static dev.retort.processor.jpa.Annotations.find;

import dev.retort.processor.jpa.Hierarchy.Strategy;
import dev.retort.processor.jpa.Keys.Key;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Type;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/**
 * What an inheritance strategy adds to a table, and what it forbids: the discriminator column,
 * a JOINED subclass's key columns and foreign key to its parent's table, and warnings for the
 * hierarchy annotations Hibernate ignores or refuses where they stand.
 */
final class Inheritance {

    private final Annotations annotations;
    private final Naming naming;
    private final SqlNames names;
    private final Hierarchy hierarchy;
    private final Keys keys;
    private final Relationships relationships;
    private final Reporter reporter;

    Inheritance(Annotations annotations, Naming naming, SqlNames names, Hierarchy hierarchy, Keys keys,
            Relationships relationships, Reporter reporter) {
        this.annotations = annotations;
        this.naming = naming;
        this.names = names;
        this.hierarchy = hierarchy;
        this.keys = keys;
        this.relationships = relationships;
        this.reporter = reporter;
    }

    /** The key columns of a JOINED subclass's table and their foreign key to the parent's table. */
    void readJoinedKey(TypeElement entity, TypeElement parent, TableDraft draft) {
        Optional<Key> parentKey = keys.key(parent);
        Optional<List<Column>> columns = parentKey.flatMap(k -> keys.joinedKeyColumns(entity, k));
        if (columns.isEmpty()) {
            reporter.warn(JpaProblem.INHERITANCE, entity, null, entity.getQualifiedName(),
                    "is a JOINED subclass of " + parent.getQualifiedName() + ", whose primary key cannot be read",
                    "table " + draft.name + " has no key columns",
                    "Give the root entity an @Id or @EmbeddedId field.");
            return;
        }
        columns.get().forEach(c -> draft.add(c.primaryKey()));
        List<AnnotationMirror> joins = annotations.repeated(entity, Annotations.PRIMARY_KEY_JOIN_COLUMN,
                Annotations.PRIMARY_KEY_JOIN_COLUMNS);
        Optional<AnnotationMirror> container = find(entity, Annotations.PRIMARY_KEY_JOIN_COLUMNS);
        relationships.foreignKey(entity, entity, container.map(List::of).orElse(joins), columns.get(), parentKey.get())
                .ifPresent(draft::addForeignKey);
    }

    /**
     * The discriminator column of a hierarchy's root: always under SINGLE_TABLE once the root has
     * subclasses, and whenever {@code @DiscriminatorColumn} is declared except under
     * TABLE_PER_CLASS (Hibernate 6 creates none for JOINED unless it is declared).
     */
    Optional<Column> discriminator(TypeElement root, Strategy strategy) {
        Optional<AnnotationMirror> declared = find(root, Annotations.DISCRIMINATOR_COLUMN);
        boolean needed = switch (strategy) {
            case SINGLE_TABLE -> declared.isPresent() || !hierarchy.children(root).isEmpty();
            case JOINED -> declared.isPresent();
            case TABLE_PER_CLASS -> false;
        };
        if (!needed) {
            return Optional.empty();
        }
        String name = declared.map(d -> names.sqlName(root, d, "discriminator column", annotations.string(d, "name")))
                .filter(n -> !n.isEmpty()).orElse("DTYPE");
        String kind = declared.map(d -> annotations.enumConstant(d, "discriminatorType")).orElse("STRING");
        String definition = declared.map(d -> annotations.string(d, "columnDefinition")).orElse("");
        int length = declared.map(d -> annotations.integer(d, "length")).orElse(31);
        // Hibernate's CHAR is char(1); varchar(1) is its portable neighbour, as for Character attributes.
        Type type = !definition.isBlank() ? Type.raw(definition) : switch (kind) {
            case "CHAR" -> Type.varchar(1);
            case "INTEGER" -> Type.INTEGER;
            default -> Type.varchar(length);
        };
        return Optional.of(Column.of(naming.physical(name), type).notNull());
    }

    /** Warns about hierarchy annotations Hibernate ignores or refuses where they stand. */
    void checkHierarchyAnnotations(TypeElement entity, Optional<TypeElement> superEntity, TypeElement root,
            Strategy strategy) {
        if (superEntity.isEmpty()) {
            return;
        }
        String hierarchy = "the " + strategy + " hierarchy of " + root.getQualifiedName();
        find(entity, Annotations.INHERITANCE).ifPresent(inheritance -> {
            String declared = annotations.enumConstant(inheritance, "strategy");
            if (!declared.equals(strategy.name())) {
                reporter.warn(JpaProblem.INHERITANCE, entity, inheritance, entity.getQualifiedName(),
                        "declares @Inheritance(strategy = " + declared + ") inside " + hierarchy
                                + ", and Hibernate ignores a strategy below the root",
                        "it is mapped as " + strategy,
                        "Remove the annotation, or change the strategy on the root.");
            }
        });
        find(entity, Annotations.DISCRIMINATOR_COLUMN).ifPresent(column -> reporter.warn(JpaProblem.INHERITANCE, entity,
                column, entity.getQualifiedName(), "declares @DiscriminatorColumn but is not the root of "
                        + hierarchy + ", which Hibernate refuses",
                "the annotation is ignored", "Move it to " + root.getQualifiedName() + "."));
        if (strategy == Strategy.SINGLE_TABLE) {
            find(entity, Annotations.TABLE).ifPresent(table -> reporter.warn(JpaProblem.INHERITANCE, entity, table,
                    entity.getQualifiedName(), "declares @Table but is a subclass in " + hierarchy
                            + ", which Hibernate refuses",
                    "the annotation is ignored and its columns are in table " + names.tableName(root),
                    "Remove @Table from the subclass; declare indexes and constraints on the root's @Table."));
        }
        if (strategy != Strategy.JOINED) {
            annotations.repeated(entity, Annotations.PRIMARY_KEY_JOIN_COLUMN, Annotations.PRIMARY_KEY_JOIN_COLUMNS)
                    .stream().findFirst().ifPresent(join -> reporter.warn(JpaProblem.INHERITANCE, entity, join,
                            entity.getQualifiedName(), "declares @PrimaryKeyJoinColumn in " + hierarchy
                                    + ", which Hibernate refuses outside a JOINED hierarchy",
                            "the annotation is ignored", "Remove it."));
        }
    }
}
