package dev.retort.processor.jpa;

import static dev.retort.processor.jpa.Annotations.find;
import static dev.retort.processor.jpa.Annotations.has;

import dev.retort.processor.jpa.Keys.Key;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.ForeignKey;
import dev.retort.runtime.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Collection attributes: the join table of an owning {@code @ManyToMany} or of a unidirectional
 * {@code @OneToMany}, the join columns such a {@code @OneToMany} adds to its target's table
 * instead, and the collection table of an {@code @ElementCollection}. They share the rules for
 * the element type and for a {@code Set}.
 */
final class CollectionReader {

    /** Columns and a foreign key that an attribute of another entity adds to {@code target}'s table(s). */
    record Contribution(TypeElement target, List<Column> columns, Optional<ForeignKey> foreignKey) {}

    private final Annotations annotations;
    private final Types types;
    private final Naming naming;
    private final SqlNames names;
    private final Hierarchy hierarchy;
    private final Keys keys;
    private final Relationships relationships;
    private final Embeddables embeddables;
    private final BasicColumns basicColumns;
    private final Reporter reporter;
    private final Map<TypeElement, List<MappedTable>> tables = new HashMap<>();
    private final List<Contribution> contributions = new ArrayList<>();

    CollectionReader(Annotations annotations, Types types, Naming naming, SqlNames names, Hierarchy hierarchy,
            Keys keys, Relationships relationships, Embeddables embeddables, BasicColumns basicColumns,
            Reporter reporter) {
        this.annotations = annotations;
        this.types = types;
        this.naming = naming;
        this.names = names;
        this.hierarchy = hierarchy;
        this.keys = keys;
        this.relationships = relationships;
        this.embeddables = embeddables;
        this.basicColumns = basicColumns;
        this.reporter = reporter;
    }

    /** Forgets the tables and contributions of the last package. */
    void clear() {
        tables.clear();
        contributions.clear();
    }

    /** The join and collection tables of {@code entity}'s own attributes. */
    List<MappedTable> tables(TypeElement entity) {
        return tables.getOrDefault(entity, List.of());
    }

    /** The columns and foreign keys attributes add to other entities' tables, in the order read. */
    List<Contribution> contributions() {
        return contributions;
    }

    /** The join, collection or target-table columns of a collection attribute {@code entity} declares. */
    void readCollection(TypeElement entity, VariableElement field) {
        List<MappedTable> out = tables.computeIfAbsent(entity, e -> new ArrayList<>());
        if (has(field, Annotations.ONE_TO_MANY)) {
            AnnotationMirror oneToMany = find(field, Annotations.ONE_TO_MANY).orElseThrow();
            if (!annotations.string(oneToMany, "mappedBy").isEmpty()) {
                return; // the @ManyToOne on the other side maps it
            }
            warnOrderColumn(entity, field);
            List<AnnotationMirror> joins = annotations.repeated(field, Annotations.JOIN_COLUMN,
                    Annotations.JOIN_COLUMNS);
            if (!joins.isEmpty() && !has(field, Annotations.JOIN_TABLE)) {
                oneToManyJoinColumns(entity, field, oneToMany, joins);
            } else {
                joinTable(entity, field, oneToMany, true).ifPresent(out::add);
            }
        } else if (has(field, Annotations.MANY_TO_MANY)) {
            AnnotationMirror manyToMany = find(field, Annotations.MANY_TO_MANY).orElseThrow();
            if (annotations.string(manyToMany, "mappedBy").isEmpty()) {
                joinTable(entity, field, manyToMany, false).ifPresent(out::add);
            }
        } else if (has(field, Annotations.ELEMENT_COLLECTION)) {
            warnOrderColumn(entity, field);
            collectionTable(entity, field).ifPresent(out::add);
        }
    }

    private void warnOrderColumn(TypeElement entity, VariableElement field) {
        find(field, Annotations.ORDER_COLUMN).ifPresent(order -> reporter.warn(JpaProblem.UNSUPPORTED_MAPPING, field,
                order, entity.getQualifiedName(), field.getSimpleName(), "@OrderColumn (its column is not generated)"));
    }

    /**
     * A unidirectional {@code @OneToMany} with {@code @JoinColumn}: the join columns, named
     * {@code <attribute>_<owner key column>} by default and nullable unless stated, go into the
     * target entity's table and reference the owner's key.
     */
    private void oneToManyJoinColumns(TypeElement entity, VariableElement field, AnnotationMirror oneToMany,
            List<AnnotationMirror> joins) {
        String attribute = field.getSimpleName().toString();
        Optional<Key> owner = keys.key(entity);
        Optional<TypeMirror> element = elementType(entity, field, oneToMany);
        if (owner.isEmpty()) {
            reporter.warn(JpaProblem.UNRESOLVED_TARGET, field, oneToMany, entity.getQualifiedName(), attribute,
                    entity.getQualifiedName(), "the owning entity has no usable primary key");
            return;
        }
        if (element.isEmpty()) {
            return;
        }
        Optional<Key> target = keys.targetKey(entity, field, oneToMany, element.get());
        if (target.isEmpty()) {
            return;
        }
        TypeElement targetEntity = (TypeElement) types.asElement(
                keys.explicitTarget(oneToMany).orElse(element.get()));
        TypeElement holder = hierarchy.tableHolder(targetEntity);
        if (!hierarchy.inPackage(holder)) {
            reporter.warn(JpaProblem.UNSUPPORTED_MAPPING, field, oneToMany, entity.getQualifiedName(), attribute,
                    "@OneToMany with @JoinColumn to " + targetEntity.getQualifiedName() + " of package "
                            + hierarchy.packageOf(holder) + " (its join column belongs in table " + target.get().table()
                            + " of that package's GeneratedSchema; map it from the other side with @ManyToOne, "
                            + "or keep both entities in one package)");
            return;
        }
        Optional<List<Column>> columns = relationships.joinColumns(entity, field, attribute, joins, owner.get(), true,
                false);
        if (columns.isEmpty()) {
            return;
        }
        contributions.add(new Contribution(targetEntity, columns.get(),
                relationships.foreignKey(entity, field, joins, columns.get(), owner.get())));
    }

    /**
     * The join table of an owning {@code @ManyToMany}, or of a unidirectional {@code @OneToMany}
     * without {@code @JoinColumn}, whose target columns Hibernate makes unique (each target row
     * belongs to one owner).
     */
    private Optional<MappedTable> joinTable(TypeElement entity, VariableElement field, AnnotationMirror relation,
            boolean oneToMany) {
        String attribute = field.getSimpleName().toString();
        Optional<Key> owner = keys.key(entity);
        Optional<TypeMirror> element = elementType(entity, field, relation);
        if (owner.isEmpty() || element.isEmpty()) {
            if (owner.isEmpty()) {
                reporter.warn(JpaProblem.UNRESOLVED_TARGET, field, relation, entity.getQualifiedName(),
                        attribute, entity.getQualifiedName(), "the owning entity has no usable primary key");
            }
            return Optional.empty();
        }
        Optional<Key> target = keys.targetKey(entity, field, relation, element.get());
        if (target.isEmpty()) {
            return Optional.empty();
        }
        Optional<AnnotationMirror> joinTable = find(field, Annotations.JOIN_TABLE);
        String explicit = joinTable.map(t -> names.sqlName(field, t, "join table", annotations.string(t, "name")))
                .orElse("");
        String name = naming.physical(explicit.isEmpty()
                ? naming.joinTable(owner.get().logicalTable(), attribute, target.get().logicalTable()) : explicit);
        TypeElement targetEntity = (TypeElement) types.asElement(keys.explicitTarget(relation).orElse(element.get()));
        // JPA names the owner's columns after the inverse attribute when there is one, else after the entity.
        String ownerPrefix = oneToMany ? names.entityName(entity)
                : inverseAttribute(targetEntity, attribute).orElse(names.entityName(entity));
        List<AnnotationMirror> ownerJoins = joinTable.map(t -> annotations.mirrors(t, "joinColumns"))
                .orElse(List.of());
        List<AnnotationMirror> targetJoins = joinTable.map(t -> annotations.mirrors(t, "inverseJoinColumns"))
                .orElse(List.of());
        Optional<List<Column>> ownerColumns = relationships.joinColumns(entity, field, ownerPrefix, ownerJoins,
                owner.get(), false, false);
        // A Set of a unidirectional @OneToMany is keyed by its target columns alone (Hibernate 7),
        // which makes them unique; a List or Collection has no key and makes them unique instead.
        boolean set = isSet(field.asType());
        Optional<List<Column>> targetColumns = relationships.joinColumns(entity, field, attribute, targetJoins,
                target.get(), false, oneToMany && !set);
        if (ownerColumns.isEmpty() || targetColumns.isEmpty()) {
            return Optional.empty();
        }
        TableDraft draft = new TableDraft(name, reporter, hierarchy);
        ownerColumns.get().forEach(draft::add);
        targetColumns.get().forEach(draft::add);
        if (oneToMany && !set && targetColumns.get().size() > 1) {
            draft.uniqueConstraints.add(new UniqueConstraint(Optional.empty(),
                    targetColumns.get().stream().map(Column::name).toList()));
        }
        if (set) {
            List<String> key = new ArrayList<>();
            if (!oneToMany) {
                ownerColumns.get().forEach(c -> key.add(c.name()));
            }
            targetColumns.get().forEach(c -> key.add(c.name()));
            draft.primaryKey = key;
        }
        relationships.foreignKey(entity, field, ownerJoins, ownerColumns.get(), owner.get())
                .ifPresent(draft::addForeignKey);
        relationships.foreignKey(entity, field, targetJoins, targetColumns.get(), target.get())
                .ifPresent(draft::addForeignKey);
        return draft.build(entity, field).map(t -> new MappedTable(t, entity, attribute));
    }

    private Optional<MappedTable> collectionTable(TypeElement entity, VariableElement field) {
        String attribute = field.getSimpleName().toString();
        AnnotationMirror collection = find(field, Annotations.ELEMENT_COLLECTION).orElseThrow();
        Optional<Key> owner = keys.key(entity);
        Optional<TypeMirror> element = elementType(entity, field, collection);
        if (owner.isEmpty()) {
            reporter.warn(JpaProblem.UNRESOLVED_TARGET, field, collection, entity.getQualifiedName(), attribute,
                    entity.getQualifiedName(), "the owning entity has no usable primary key");
            return Optional.empty();
        }
        if (element.isEmpty()) {
            return Optional.empty();
        }
        Optional<AnnotationMirror> table = find(field, Annotations.COLLECTION_TABLE);
        String explicit = table.map(t -> names.sqlName(field, t, "collection table", annotations.string(t, "name")))
                .orElse("");
        String name = naming.physical(explicit.isEmpty() ? names.entityName(entity) + "_" + attribute : explicit);
        List<AnnotationMirror> joins = table.map(t -> annotations.mirrors(t, "joinColumns")).orElse(List.of());
        Optional<List<Column>> ownerColumns = relationships.joinColumns(entity, field, names.entityName(entity), joins,
                owner.get(), false, false);
        if (ownerColumns.isEmpty()) {
            return Optional.empty();
        }
        TableDraft draft = new TableDraft(name, reporter, hierarchy);
        ownerColumns.get().forEach(draft::add);
        List<Column> values;
        if (Embeddables.isEmbeddable(element.get())) {
            // Hibernate 7 leaves even a primitive of an element embeddable nullable.
            values = embeddables.embeddedColumns(entity, field, element.get(), attribute, "",
                    embeddables.overrides(field), true);
        } else {
            Optional<Column> column = basicColumns.basicColumn(entity, field, element.get(), attribute,
                    find(field, Annotations.COLUMN).orElse(null), false);
            if (column.isEmpty()) {
                return Optional.empty();
            }
            values = List.of(column.get());
        }
        values.forEach(draft::add);
        if (isSet(field.asType()) && !values.isEmpty()) {
            // Hibernate 7 gives a Set no primary key (its values may be null) but a unique key: the
            // owner's columns, then the value columns in name order.
            List<String> key = new ArrayList<>();
            ownerColumns.get().forEach(c -> key.add(c.name()));
            values.stream().map(Column::name).sorted(Comparator.comparing(n -> n.toLowerCase(Locale.ROOT)))
                    .forEach(key::add);
            draft.uniqueConstraints.add(new UniqueConstraint(Optional.empty(), key));
        }
        relationships.foreignKey(entity, field, joins, ownerColumns.get(), owner.get()).ifPresent(draft::addForeignKey);
        return draft.build(entity, field).map(t -> new MappedTable(t, entity, attribute));
    }

    /** The collection's element type, or empty after a warning for a map or a raw collection. */
    private Optional<TypeMirror> elementType(TypeElement entity, VariableElement field, AnnotationMirror relation) {
        String what = relation.getAnnotationType().asElement().getSimpleName().toString();
        TypeMirror type = field.asType();
        if (type.getKind() == TypeKind.DECLARED) {
            TypeElement collection = (TypeElement) ((DeclaredType) type).asElement();
            List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
            if (!isAssignable(type, "java.util.Map") && isAssignable(type, "java.util.Collection")
                    && arguments.size() == 1) {
                return Optional.of(arguments.get(0));
            }
            reporter.warn(JpaProblem.UNSUPPORTED_MAPPING, field, relation, entity.getQualifiedName(),
                    field.getSimpleName(), "@" + what + " on a " + collection.getSimpleName()
                            + " (only a Set, List or Collection with its element type is mapped)");
        } else {
            reporter.warn(JpaProblem.UNSUPPORTED_MAPPING, field, relation, entity.getQualifiedName(),
                    field.getSimpleName(), "@" + what + " on " + type);
        }
        return Optional.empty();
    }

    private boolean isSet(TypeMirror type) {
        return isAssignable(type, "java.util.Set");
    }

    private boolean isAssignable(TypeMirror type, String name) {
        TypeElement target = annotations.typeElement(name);
        return target != null && types.isAssignable(types.erasure(type), types.erasure(target.asType()));
    }

    /** The inverse side's attribute of {@code target} that says {@code mappedBy = attribute}. */
    private Optional<String> inverseAttribute(TypeElement target, String attribute) {
        for (VariableElement field : hierarchy.chain(target).stream()
                .flatMap(t -> hierarchy.declaredFields(t).stream()).toList()) {
            Optional<AnnotationMirror> manyToMany = find(field, Annotations.MANY_TO_MANY);
            if (manyToMany.isPresent() && annotations.string(manyToMany.get(), "mappedBy").equals(attribute)) {
                return Optional.of(field.getSimpleName().toString());
            }
        }
        return Optional.empty();
    }
}
