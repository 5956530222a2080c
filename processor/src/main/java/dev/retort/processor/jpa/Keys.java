package dev.retort.processor.jpa;

import static dev.retort.processor.jpa.Annotations.find;
import static dev.retort.processor.jpa.Annotations.has;

import dev.retort.runtime.schema.Column;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * The primary keys that relationships, join tables and JOINED subclasses reference: the key of
 * the table that holds an entity, read once per package, and the key of a relationship's target.
 */
final class Keys {

    /**
     * The primary key of the table that holds an entity: the table's physical name and its key
     * columns. {@code scatteredOver} is null unless the entity's rows live in several tables
     * (a {@code TABLE_PER_CLASS} entity with subclasses), which no foreign key can reference.
     */
    record Key(TypeElement entity, String logicalTable, String table, List<Column> columns,
            String scatteredOver) {}

    private final Annotations annotations;
    private final Naming naming;
    private final SqlNames names;
    private final Hierarchy hierarchy;
    private final Embeddables embeddables;
    private final BasicColumns basicColumns;
    private final Reporter reporter;
    private final Map<TypeElement, Optional<Key>> keys = new HashMap<>();

    Keys(Annotations annotations, Naming naming, SqlNames names, Hierarchy hierarchy, Embeddables embeddables,
            BasicColumns basicColumns, Reporter reporter) {
        this.annotations = annotations;
        this.naming = naming;
        this.names = names;
        this.hierarchy = hierarchy;
        this.embeddables = embeddables;
        this.basicColumns = basicColumns;
        this.reporter = reporter;
    }

    /** Forgets the keys of the last package. */
    void clear() {
        keys.clear();
    }

    /**
     * A JOINED subclass's key columns, typed as {@code parent}'s: named by its
     * {@code @PrimaryKeyJoinColumn}s or, as Hibernate does, after the root's key columns.
     */
    Optional<List<Column>> joinedKeyColumns(TypeElement entity, Key parent) {
        Optional<Key> rootKey = key(hierarchy.root(entity));
        if (rootKey.isEmpty() || rootKey.get().columns().size() != parent.columns().size()) {
            return Optional.empty();
        }
        List<Column> rootColumns = rootKey.get().columns();
        List<AnnotationMirror> given = annotations.repeated(entity, Annotations.PRIMARY_KEY_JOIN_COLUMN,
                Annotations.PRIMARY_KEY_JOIN_COLUMNS);
        if (!given.isEmpty() && given.size() != parent.columns().size()) {
            reporter.warn(JpaProblem.INHERITANCE, entity, given.get(0), entity.getQualifiedName(),
                    "gives " + given.size() + " @PrimaryKeyJoinColumns for the " + parent.columns().size()
                            + " key columns of " + parent.table(),
                    "they are ignored and its key columns are named after the root's",
                    "Give one @PrimaryKeyJoinColumn per key column of the parent table.");
            given = List.of();
        }
        List<Column> out = new ArrayList<>();
        for (int i = 0; i < parent.columns().size(); i++) {
            Column referenced = parent.columns().get(i);
            String name = rootColumns.get(i).name();
            if (!given.isEmpty()) {
                AnnotationMirror join = given.get(i);
                String referencedName = annotations.string(join, "referencedColumnName");
                if (!referencedName.isEmpty()) {
                    String physical = naming.physical(referencedName);
                    Optional<Column> match = parent.columns().stream().filter(c -> c.name().equals(physical))
                            .findFirst();
                    if (match.isPresent()) {
                        referenced = match.get();
                    } else {
                        reporter.warn(JpaProblem.INHERITANCE, entity, join, entity.getQualifiedName(),
                                "names referencedColumnName \"" + referencedName + "\" in @PrimaryKeyJoinColumn, "
                                        + "which is not a key column of " + parent.table(),
                                "the key column is matched by position",
                                "Name a key column of the parent table.");
                    }
                }
                String explicit = names.sqlName(entity, join, "primary key join column",
                        annotations.string(join, "name"));
                if (!explicit.isEmpty()) {
                    name = naming.physical(explicit);
                }
            }
            out.add(Column.of(name, referenced.type()));
        }
        return Optional.of(out);
    }

    /** The {@code targetEntity} a relationship annotation names, if any. */
    Optional<TypeMirror> explicitTarget(AnnotationMirror relation) {
        TypeMirror explicit = annotations.type(relation, "targetEntity");
        return explicit.getKind() == TypeKind.VOID ? Optional.empty() : Optional.of(explicit);
    }

    Optional<Key> targetKey(TypeElement entity, VariableElement field, AnnotationMirror relation,
            TypeMirror type) {
        TypeMirror targetType = explicitTarget(relation).orElse(type);
        if (targetType.getKind() != TypeKind.DECLARED
                || !has(((DeclaredType) targetType).asElement(), Annotations.ENTITY)) {
            reporter.warn(JpaProblem.UNRESOLVED_TARGET, field, relation, entity.getQualifiedName(),
                    field.getSimpleName(), targetType, "it is not an @Entity");
            return Optional.empty();
        }
        TypeElement target = (TypeElement) ((DeclaredType) targetType).asElement();
        Optional<Key> key = key(target);
        if (key.isEmpty()) {
            reporter.warn(JpaProblem.UNRESOLVED_TARGET, field, relation, entity.getQualifiedName(),
                    field.getSimpleName(), target.getQualifiedName(),
                    "its primary key is not made of basic @Id or @EmbeddedId fields");
        }
        return key;
    }

    /**
     * The key of the table that holds an entity, read without reporting: its problems are
     * reported on the entity itself. A SINGLE_TABLE subclass has its root's key, a JOINED
     * subclass the key columns of its own table, a TABLE_PER_CLASS entity the root's key
     * columns in its own table.
     */
    Optional<Key> key(TypeElement entity) {
        Optional<Key> key = keys.get(entity);
        if (key == null) {
            // Not computeIfAbsent: a subclass's key reads its parent's, which adds to the map.
            key = reporter.quietly(() -> readKey(entity));
            keys.put(entity, key);
        }
        return key;
    }

    private Optional<Key> readKey(TypeElement entity) {
        if (hierarchy.usesPropertyAccess(entity)) {
            return Optional.empty();
        }
        Optional<TypeElement> superEntity = hierarchy.superEntity(entity);
        if (superEntity.isPresent()) {
            Optional<Key> rootKey = key(hierarchy.root(entity));
            return switch (hierarchy.strategy(entity)) {
                case SINGLE_TABLE -> rootKey;
                case JOINED -> key(superEntity.get()).flatMap(parent -> joinedKeyColumns(entity, parent))
                        .map(columns -> new Key(entity, names.logicalTableName(entity), names.tableName(entity),
                                columns, null));
                case TABLE_PER_CLASS -> rootKey.map(k -> new Key(entity, names.logicalTableName(entity),
                        names.tableName(entity), k.columns(), hierarchy.scatteredOver(entity)));
            };
        }
        List<Column> columns = new ArrayList<>();
        for (VariableElement field : hierarchy.declaredFields(entity)) {
            String attribute = field.getSimpleName().toString();
            if (has(field, Annotations.EMBEDDED_ID)) {
                columns.addAll(embeddables.embeddedColumns(entity, field, field.asType(), attribute, "",
                        embeddables.overrides(field), false));
            } else if (has(field, Annotations.ID)) {
                if (has(field, Annotations.MANY_TO_ONE) || has(field, Annotations.ONE_TO_ONE)) {
                    return Optional.empty();
                }
                Optional<Column> column = basicColumns.basicColumn(entity, field, field.asType(), attribute,
                        find(field, Annotations.COLUMN).orElse(null), false);
                if (column.isEmpty()) {
                    return Optional.empty();
                }
                columns.add(column.get());
            }
        }
        String logical = names.logicalTableName(entity);
        return columns.isEmpty() ? Optional.empty()
                : Optional.of(new Key(entity, logical, naming.physical(logical), List.copyOf(columns),
                        hierarchy.scatteredOver(entity)));
    }
}
