package dev.retort.processor.jpa;

import static dev.retort.processor.jpa.Annotations.find;
import static dev.retort.processor.jpa.Annotations.has;

import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.ForeignKey;
import dev.retort.runtime.schema.Index;
import dev.retort.runtime.schema.PrimaryKey;
import dev.retort.runtime.schema.Table;
import dev.retort.runtime.schema.Type;
import dev.retort.runtime.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads {@code @Entity} classes into tables of the runtime's schema model, by field access.
 * What it cannot map it reports to {@link Diagnostics} and leaves out, never silently.
 *
 * <p>Each entity gives its table, then the join tables of its owning {@code @ManyToMany}
 * attributes and the collection tables of its {@code @ElementCollection} attributes.
 */
public final class EntityReader {

    private final Annotations annotations;
    private final ColumnTypes columnTypes;
    private final Types types;
    private final Naming naming;
    private final Diagnostics diagnostics;
    private final Map<TypeElement, Optional<Key>> keys = new HashMap<>();

    /** A reader that names tables and columns by {@code naming} and reports to {@code diagnostics}. */
    public EntityReader(Elements elements, Types types, Naming naming, Diagnostics diagnostics) {
        this.annotations = new Annotations(elements);
        this.columnTypes = new ColumnTypes(annotations);
        this.types = types;
        this.naming = naming;
        this.diagnostics = diagnostics;
    }

    /** The primary key of an entity's table: the table's physical name and its key columns. */
    private record Key(String logicalTable, String table, List<Column> columns) {}

    /**
     * The tables of {@code entities}, ordered by the entity table's name, each entity's join
     * and collection tables after its own.
     */
    public List<MappedTable> read(List<TypeElement> entities) {
        List<TypeElement> sorted = new ArrayList<>(entities);
        sorted.sort(Comparator.comparing((TypeElement e) -> tableName(e))
                .thenComparing(e -> e.getQualifiedName().toString()));
        List<MappedTable> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (TypeElement entity : sorted) {
            for (MappedTable mapped : readEntity(entity)) {
                if (!names.add(mapped.table().name())) {
                    diagnostics.warn(JpaProblem.INVALID_TABLE, entity, null, entity.getQualifiedName(),
                            mapped.table().name(), "another entity or collection already maps a table of that name");
                    continue;
                }
                out.add(mapped);
            }
        }
        return out;
    }

    private List<MappedTable> readEntity(TypeElement entity) {
        Optional<TypeElement> superEntity = superEntity(entity);
        if (superEntity.isPresent()) {
            diagnostics.warn(JpaProblem.INHERITANCE, entity, null, entity.getQualifiedName(),
                    "extends entity " + superEntity.get().getQualifiedName());
            return List.of();
        }
        find(entity, Annotations.INHERITANCE).ifPresent(inheritance -> diagnostics.warn(JpaProblem.INHERITANCE,
                entity, inheritance, entity.getQualifiedName(),
                "declares @Inheritance(strategy = " + annotations.enumConstant(inheritance, "strategy") + ")"));
        if (usesPropertyAccess(entity)) {
            diagnostics.warn(JpaProblem.PROPERTY_ACCESS, entity, null, entity.getQualifiedName());
            return List.of();
        }
        find(entity, Annotations.ID_CLASS).ifPresent(idClass -> diagnostics.warn(JpaProblem.UNSUPPORTED_MAPPING,
                entity, idClass, entity.getQualifiedName(), entity.getSimpleName(),
                "@IdClass (its @Id fields form the primary key, but no relationship can reference it)"));
        String logicalTable = logicalTableName(entity);
        String tableName = naming.physical(logicalTable);
        Optional<AnnotationMirror> tableAnnotation = find(entity, Annotations.TABLE);
        tableAnnotation.ifPresent(t -> {
            String schema = annotations.string(t, "schema") + annotations.string(t, "catalog");
            if (!schema.isEmpty()) {
                diagnostics.warn(JpaProblem.SCHEMA_IGNORED, entity, t, entity.getQualifiedName(), schema, tableName);
            }
        });
        TableDraft draft = new TableDraft(tableName);
        List<MappedTable> collections = new ArrayList<>();
        for (VariableElement field : persistentFields(entity)) {
            readAttribute(entity, logicalTable, field, draft, collections);
        }
        if (draft.columns.values().stream().noneMatch(Column::isPrimaryKey)) {
            diagnostics.warn(JpaProblem.NO_ID, entity, null, entity.getQualifiedName(), tableName);
        }
        tableAnnotation.ifPresent(t -> readTableConstraints(entity, t, draft));
        List<MappedTable> out = new ArrayList<>();
        draft.build(entity, entity).ifPresent(table -> out.add(new MappedTable(table, entity, null)));
        out.addAll(collections);
        return out;
    }

    // ---------------------------------------------------------------- attributes

    private void readAttribute(TypeElement entity, String logicalTable, VariableElement field, TableDraft draft,
            List<MappedTable> collections) {
        String attribute = field.getSimpleName().toString();
        if (has(field, Annotations.EMBEDDED_ID)) {
            embeddedColumns(entity, field, field.asType(), attribute, "", overrides(field)).forEach(c -> draft.add(c.primaryKey()));
        } else if (has(field, Annotations.MANY_TO_ONE) || has(field, Annotations.ONE_TO_ONE)) {
            readToOne(entity, field, draft);
        } else if (has(field, Annotations.ONE_TO_MANY)) {
            AnnotationMirror oneToMany = find(field, Annotations.ONE_TO_MANY).orElseThrow();
            if (annotations.string(oneToMany, "mappedBy").isEmpty()) {
                diagnostics.warn(JpaProblem.UNSUPPORTED_MAPPING, field, oneToMany, entity.getQualifiedName(),
                        attribute, "@OneToMany without mappedBy (map it from the other side with @ManyToOne)");
            }
        } else if (has(field, Annotations.MANY_TO_MANY)) {
            AnnotationMirror manyToMany = find(field, Annotations.MANY_TO_MANY).orElseThrow();
            if (annotations.string(manyToMany, "mappedBy").isEmpty()) {
                joinTable(entity, logicalTable, field, manyToMany).ifPresent(collections::add);
            }
        } else if (has(field, Annotations.ELEMENT_COLLECTION)) {
            collectionTable(entity, field).ifPresent(collections::add);
        } else if (isEmbedded(field, field.asType())) {
            embeddedColumns(entity, field, field.asType(), attribute, "", overrides(field)).forEach(draft::add);
        } else {
            basicColumn(entity, field, field.asType(), attribute, find(field, Annotations.COLUMN).orElse(null))
                    .map(column -> has(field, Annotations.ID) ? idColumn(entity, field, column) : column)
                    .ifPresent(draft::add);
        }
    }

    private Column idColumn(TypeElement entity, VariableElement field, Column column) {
        Column id = column.primaryKey();
        Optional<AnnotationMirror> generated = find(field, Annotations.GENERATED_VALUE);
        if (generated.isEmpty()) {
            return id;
        }
        String strategy = annotations.enumConstant(generated.get(), "strategy");
        if (strategy.equals("IDENTITY") && id.type().isInteger()) {
            return id.autoIncrement();
        }
        if (!strategy.equals("UUID")) {
            diagnostics.warn(JpaProblem.GENERATOR_NOT_MODELLED, field, generated.get(), entity.getQualifiedName(),
                    field.getSimpleName(), strategy);
        }
        return id;
    }

    /** A basic attribute's column, or empty after a warning. */
    private Optional<Column> basicColumn(TypeElement entity, VariableElement field, TypeMirror type,
            String logicalName, AnnotationMirror column) {
        String explicit = column == null ? "" : annotations.string(column, "name");
        String name = naming.physical(explicit.isEmpty() ? logicalName : explicit);
        String definition = column == null ? "" : annotations.string(column, "columnDefinition");
        Optional<Type> mapped;
        if (!definition.isBlank()) {
            mapped = Optional.of(Type.raw(definition));
        } else if (has(field, Annotations.CONVERT)) {
            diagnostics.warn(JpaProblem.UNSUPPORTED_MAPPING, field, find(field, Annotations.CONVERT).orElseThrow(),
                    entity.getQualifiedName(), field.getSimpleName(),
                    "@Convert (the converter's column type is unknown here; give @Column(columnDefinition = ...))");
            return Optional.empty();
        } else {
            mapped = columnTypes.of(type, field, column);
        }
        if (mapped.isEmpty()) {
            diagnostics.warn(JpaProblem.UNSUPPORTED_TYPE, field, null, entity.getQualifiedName(),
                    field.getSimpleName(), type);
            return Optional.empty();
        }
        Column out = Column.of(name, mapped.get());
        boolean nullable = column == null || annotations.bool(column, "nullable");
        if (!nullable || type.getKind().isPrimitive()) {
            out = out.notNull();
        }
        if (column != null && annotations.bool(column, "unique")) {
            out = out.unique();
        }
        return Optional.of(out);
    }

    private void readToOne(TypeElement entity, VariableElement field, TableDraft draft) {
        boolean oneToOne = has(field, Annotations.ONE_TO_ONE);
        AnnotationMirror relation = find(field, oneToOne ? Annotations.ONE_TO_ONE : Annotations.MANY_TO_ONE)
                .orElseThrow();
        if (oneToOne && !annotations.string(relation, "mappedBy").isEmpty()) {
            return;
        }
        Optional<Key> target = targetKey(entity, field, relation, field.asType());
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
        foreignKey(joinColumns, columns.get(), target.get()).ifPresent(draft.foreignKeys::add);
    }

    /**
     * The columns that reference {@code target}'s key: the {@code @JoinColumn}s given, or one
     * per key column named {@code <prefix>_<key column>}.
     */
    private Optional<List<Column>> joinColumns(TypeElement entity, VariableElement field, String prefix,
            List<AnnotationMirror> given, Key target, boolean nullable, boolean unique) {
        List<Column> out = new ArrayList<>();
        if (given.isEmpty()) {
            for (Column key : target.columns()) {
                Column column = Column.of(naming.physical(prefix + "_" + key.name()), key.type());
                out.add(nullable ? column : column.notNull());
            }
        } else {
            if (given.size() != target.columns().size()) {
                diagnostics.warn(JpaProblem.UNRESOLVED_TARGET, field, given.get(0), entity.getQualifiedName(),
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
                        diagnostics.warn(JpaProblem.UNRESOLVED_TARGET, field, join, entity.getQualifiedName(),
                                field.getSimpleName(), target.table(), "referencedColumnName \"" + referenced
                                        + "\" is not a column of its primary key");
                        return Optional.empty();
                    }
                    key = match.get();
                }
                String name = annotations.string(join, "name");
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

    /** The foreign key of join columns, unless their {@code @ForeignKey} says NO_CONSTRAINT. */
    private Optional<ForeignKey> foreignKey(List<AnnotationMirror> joinColumns, List<Column> columns, Key target) {
        ForeignKey key = ForeignKey.of(columns.stream().map(Column::name).toList(), target.table(),
                target.columns().stream().map(Column::name).toList());
        if (!joinColumns.isEmpty()) {
            AnnotationMirror constraint = annotations.mirrors(joinColumns.get(0), "foreignKey").get(0);
            if (annotations.enumConstant(constraint, "value").equals("NO_CONSTRAINT")) {
                return Optional.empty();
            }
            String name = annotations.string(constraint, "name");
            if (!name.isEmpty()) {
                key = key.named(name);
            }
        }
        return Optional.of(key);
    }

    private Optional<Key> targetKey(TypeElement entity, VariableElement field, AnnotationMirror relation,
            TypeMirror type) {
        TypeMirror explicit = annotations.type(relation, "targetEntity");
        TypeMirror targetType = explicit.getKind() == TypeKind.VOID ? type : explicit;
        if (targetType.getKind() != TypeKind.DECLARED
                || !has(((DeclaredType) targetType).asElement(), Annotations.ENTITY)) {
            diagnostics.warn(JpaProblem.UNRESOLVED_TARGET, field, relation, entity.getQualifiedName(),
                    field.getSimpleName(), targetType, "it is not an @Entity");
            return Optional.empty();
        }
        TypeElement target = (TypeElement) ((DeclaredType) targetType).asElement();
        Optional<Key> key = key(target);
        if (key.isEmpty()) {
            diagnostics.warn(JpaProblem.UNRESOLVED_TARGET, field, relation, entity.getQualifiedName(),
                    field.getSimpleName(), target.getQualifiedName(),
                    "its primary key is not made of basic @Id or @EmbeddedId fields");
        }
        return key;
    }

    /** The key of an entity's table, read without reporting: its problems are reported on the entity itself. */
    private Optional<Key> key(TypeElement entity) {
        return keys.computeIfAbsent(entity, e -> {
            if (superEntity(e).isPresent() || usesPropertyAccess(e)) {
                return Optional.empty();
            }
            Diagnostics silent = (problem, element, annotation, args) -> { };
            EntityReader quiet = new EntityReader(annotations, columnTypes, types, naming, silent);
            List<Column> columns = new ArrayList<>();
            for (VariableElement field : persistentFields(e)) {
                String attribute = field.getSimpleName().toString();
                if (has(field, Annotations.EMBEDDED_ID)) {
                    columns.addAll(quiet.embeddedColumns(e, field, field.asType(), attribute, "", overrides(field)));
                } else if (has(field, Annotations.ID)) {
                    if (has(field, Annotations.MANY_TO_ONE) || has(field, Annotations.ONE_TO_ONE)) {
                        return Optional.empty();
                    }
                    Optional<Column> column = quiet.basicColumn(e, field, field.asType(), attribute,
                            find(field, Annotations.COLUMN).orElse(null));
                    if (column.isEmpty()) {
                        return Optional.empty();
                    }
                    columns.add(column.get());
                }
            }
            String logical = logicalTableName(e);
            return columns.isEmpty() ? Optional.empty()
                    : Optional.of(new Key(logical, naming.physical(logical), List.copyOf(columns)));
        });
    }

    private EntityReader(Annotations annotations, ColumnTypes columnTypes, Types types, Naming naming,
            Diagnostics diagnostics) {
        this.annotations = annotations;
        this.columnTypes = columnTypes;
        this.types = types;
        this.naming = naming;
        this.diagnostics = diagnostics;
    }

    // ---------------------------------------------------------------- embeddables

    private boolean isEmbedded(Element field, TypeMirror type) {
        return has(field, Annotations.EMBEDDED) || isEmbeddable(type);
    }

    private static boolean isEmbeddable(TypeMirror type) {
        return type.getKind() == TypeKind.DECLARED && has(((DeclaredType) type).asElement(), Annotations.EMBEDDABLE);
    }

    /** {@code @AttributeOverride}s of an attribute, by attribute path. */
    private Map<String, AnnotationMirror> overrides(Element field) {
        Map<String, AnnotationMirror> out = new HashMap<>();
        for (AnnotationMirror override : annotations.repeated(field, Annotations.ATTRIBUTE_OVERRIDE,
                Annotations.ATTRIBUTE_OVERRIDES)) {
            out.put(annotations.string(override, "name"), annotations.mirrors(override, "column").get(0));
        }
        return out;
    }

    /**
     * The columns of an embedded attribute, nested embeddables flattened; each column is
     * named after the embeddable's attribute (as Hibernate does) unless overridden.
     */
    private List<Column> embeddedColumns(TypeElement entity, Element field, TypeMirror type, String attribute,
            String path, Map<String, AnnotationMirror> overrides) {
        if (!isEmbeddable(type)) {
            diagnostics.warn(JpaProblem.UNSUPPORTED_MAPPING, field, null, entity.getQualifiedName(), attribute,
                    "an embedded type that is not @Embeddable");
            return List.of();
        }
        List<Column> out = new ArrayList<>();
        for (VariableElement part : persistentFields((TypeElement) ((DeclaredType) type).asElement())) {
            String name = part.getSimpleName().toString();
            String partPath = path.isEmpty() ? name : path + "." + name;
            if (isEmbedded(part, part.asType())) {
                out.addAll(embeddedColumns(entity, part, part.asType(), attribute + "." + name, partPath, overrides));
            } else if (has(part, Annotations.MANY_TO_ONE) || has(part, Annotations.ONE_TO_ONE)
                    || has(part, Annotations.ONE_TO_MANY) || has(part, Annotations.MANY_TO_MANY)
                    || has(part, Annotations.ELEMENT_COLLECTION)) {
                diagnostics.warn(JpaProblem.UNSUPPORTED_MAPPING, part, null, entity.getQualifiedName(),
                        attribute + "." + name, "a relationship or collection inside an embeddable");
            } else {
                AnnotationMirror column = overrides.getOrDefault(partPath,
                        find(part, Annotations.COLUMN).orElse(null));
                basicColumn(entity, part, part.asType(), name, column).ifPresent(out::add);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- join and collection tables

    private Optional<MappedTable> joinTable(TypeElement entity, String logicalTable, VariableElement field,
            AnnotationMirror manyToMany) {
        String attribute = field.getSimpleName().toString();
        Optional<Key> owner = key(entity);
        Optional<TypeMirror> element = elementType(entity, field, manyToMany);
        if (owner.isEmpty() || element.isEmpty()) {
            if (owner.isEmpty()) {
                diagnostics.warn(JpaProblem.UNRESOLVED_TARGET, field, manyToMany, entity.getQualifiedName(),
                        attribute, entity.getQualifiedName(), "the owning entity has no usable primary key");
            }
            return Optional.empty();
        }
        Optional<Key> target = targetKey(entity, field, manyToMany, element.get());
        if (target.isEmpty()) {
            return Optional.empty();
        }
        Optional<AnnotationMirror> joinTable = find(field, Annotations.JOIN_TABLE);
        String explicit = joinTable.map(t -> annotations.string(t, "name")).orElse("");
        String name = naming.physical(explicit.isEmpty()
                ? naming.joinTable(logicalTable, attribute, target.get().logicalTable()) : explicit);
        TypeElement targetEntity = (TypeElement) types.asElement(element.get());
        // JPA names the owner's columns after the inverse attribute when there is one, else after the entity.
        String ownerPrefix = inverseAttribute(targetEntity, attribute).orElse(entityName(entity));
        List<AnnotationMirror> ownerJoins = joinTable.map(t -> annotations.mirrors(t, "joinColumns"))
                .orElse(List.of());
        List<AnnotationMirror> targetJoins = joinTable.map(t -> annotations.mirrors(t, "inverseJoinColumns"))
                .orElse(List.of());
        Optional<List<Column>> ownerColumns = joinColumns(entity, field, ownerPrefix, ownerJoins, owner.get(),
                false, false);
        Optional<List<Column>> targetColumns = joinColumns(entity, field, attribute, targetJoins, target.get(),
                false, false);
        if (ownerColumns.isEmpty() || targetColumns.isEmpty()) {
            return Optional.empty();
        }
        TableDraft draft = new TableDraft(name);
        ownerColumns.get().forEach(draft::add);
        targetColumns.get().forEach(draft::add);
        if (isSet(field.asType())) {
            List<String> key = new ArrayList<>();
            ownerColumns.get().forEach(c -> key.add(c.name()));
            targetColumns.get().forEach(c -> key.add(c.name()));
            draft.primaryKey = key;
        }
        foreignKey(ownerJoins, ownerColumns.get(), owner.get()).ifPresent(draft.foreignKeys::add);
        foreignKey(targetJoins, targetColumns.get(), target.get()).ifPresent(draft.foreignKeys::add);
        return draft.build(entity, field).map(t -> new MappedTable(t, entity, attribute));
    }

    private Optional<MappedTable> collectionTable(TypeElement entity, VariableElement field) {
        String attribute = field.getSimpleName().toString();
        AnnotationMirror collection = find(field, Annotations.ELEMENT_COLLECTION).orElseThrow();
        Optional<Key> owner = key(entity);
        Optional<TypeMirror> element = elementType(entity, field, collection);
        if (owner.isEmpty()) {
            diagnostics.warn(JpaProblem.UNRESOLVED_TARGET, field, collection, entity.getQualifiedName(), attribute,
                    entity.getQualifiedName(), "the owning entity has no usable primary key");
            return Optional.empty();
        }
        if (element.isEmpty()) {
            return Optional.empty();
        }
        if (has(field, Annotations.ORDER_COLUMN)) {
            diagnostics.warn(JpaProblem.UNSUPPORTED_MAPPING, field, find(field, Annotations.ORDER_COLUMN)
                    .orElseThrow(), entity.getQualifiedName(), attribute, "@OrderColumn (its column is not generated)");
        }
        Optional<AnnotationMirror> table = find(field, Annotations.COLLECTION_TABLE);
        String explicit = table.map(t -> annotations.string(t, "name")).orElse("");
        String name = naming.physical(explicit.isEmpty() ? entityName(entity) + "_" + attribute : explicit);
        List<AnnotationMirror> joins = table.map(t -> annotations.mirrors(t, "joinColumns")).orElse(List.of());
        Optional<List<Column>> ownerColumns = joinColumns(entity, field, entityName(entity), joins, owner.get(),
                false, false);
        if (ownerColumns.isEmpty()) {
            return Optional.empty();
        }
        TableDraft draft = new TableDraft(name);
        ownerColumns.get().forEach(draft::add);
        boolean set = isSet(field.asType());
        if (isEmbeddable(element.get())) {
            embeddedColumns(entity, field, element.get(), attribute, "", overrides(field))
                    .forEach(draft::add);
        } else {
            Optional<Column> column = basicColumn(entity, field, element.get(), attribute,
                    find(field, Annotations.COLUMN).orElse(null));
            if (column.isEmpty()) {
                return Optional.empty();
            }
            // Hibernate keys a set of basic values by owner and value, which makes the value NOT NULL.
            draft.add(set ? column.get().notNull() : column.get());
            if (set) {
                List<String> key = new ArrayList<>();
                ownerColumns.get().forEach(c -> key.add(c.name()));
                key.add(column.get().name());
                draft.primaryKey = key;
            }
        }
        foreignKey(joins, ownerColumns.get(), owner.get()).ifPresent(draft.foreignKeys::add);
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
            diagnostics.warn(JpaProblem.UNSUPPORTED_MAPPING, field, relation, entity.getQualifiedName(),
                    field.getSimpleName(), "@" + what + " on a " + collection.getSimpleName()
                            + " (only a Set, List or Collection with its element type is mapped)");
        } else {
            diagnostics.warn(JpaProblem.UNSUPPORTED_MAPPING, field, relation, entity.getQualifiedName(),
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
        for (VariableElement field : persistentFields(target)) {
            Optional<AnnotationMirror> manyToMany = find(field, Annotations.MANY_TO_MANY);
            if (manyToMany.isPresent() && annotations.string(manyToMany.get(), "mappedBy").equals(attribute)) {
                return Optional.of(field.getSimpleName().toString());
            }
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- table constraints

    private void readTableConstraints(TypeElement entity, AnnotationMirror table, TableDraft draft) {
        for (AnnotationMirror index : annotations.mirrors(table, "indexes")) {
            List<String> columns = new ArrayList<>();
            for (String part : annotations.string(index, "columnList").split(",")) {
                String column = part.strip().replaceFirst("(?i)\\s+(asc|desc)$", "");
                if (!column.isEmpty()) {
                    columns.add(naming.physical(column));
                }
            }
            if (!knownColumns(entity, table, draft, "index " + annotations.string(index, "name"), columns)) {
                continue;
            }
            String name = annotations.string(index, "name");
            if (name.isEmpty()) {
                name = ("ix_" + draft.name + "_" + String.join("_", columns)).toLowerCase(Locale.ROOT);
            }
            draft.indexes.add(new Index(name, columns, annotations.bool(index, "unique")));
        }
        for (AnnotationMirror unique : annotations.mirrors(table, "uniqueConstraints")) {
            @SuppressWarnings("unchecked")
            List<String> columns = ((List<? extends javax.lang.model.element.AnnotationValue>)
                    annotations.value(unique, "columnNames")).stream()
                    .map(v -> naming.physical((String) v.getValue())).toList();
            String name = annotations.string(unique, "name");
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
                diagnostics.warn(JpaProblem.UNKNOWN_COLUMN, entity, table, entity.getQualifiedName(), what.strip(),
                        column, draft.name);
                return false;
            }
        }
        return !columns.isEmpty();
    }

    // ---------------------------------------------------------------- entity structure

    private String entityName(TypeElement entity) {
        return find(entity, Annotations.ENTITY).map(e -> annotations.string(e, "name")).filter(n -> !n.isEmpty())
                .orElse(entity.getSimpleName().toString());
    }

    private String logicalTableName(TypeElement entity) {
        return find(entity, Annotations.TABLE).map(t -> annotations.string(t, "name")).filter(n -> !n.isEmpty())
                .orElse(entityName(entity));
    }

    private String tableName(TypeElement entity) {
        return naming.physical(logicalTableName(entity));
    }

    private Optional<TypeElement> superEntity(TypeElement type) {
        for (TypeElement current = superclass(type); current != null; current = superclass(current)) {
            if (has(current, Annotations.ENTITY)) {
                return Optional.of(current);
            }
        }
        return Optional.empty();
    }

    private TypeElement superclass(TypeElement type) {
        TypeMirror superclass = type.getSuperclass();
        return superclass.getKind() == TypeKind.DECLARED ? (TypeElement) types.asElement(superclass) : null;
    }

    /** True when {@code @Id} sits on a method: property access, which this reader does not follow. */
    private boolean usesPropertyAccess(TypeElement entity) {
        for (TypeElement type = entity; type != null; type = superclass(type)) {
            for (Element method : ElementFilter.methodsIn(type.getEnclosedElements())) {
                if (has(method, Annotations.ID) || has(method, Annotations.EMBEDDED_ID)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The persistent fields: those of {@code @MappedSuperclass} (and, for embeddables,
     * {@code @Embeddable}) superclasses first, then the type's own, in declaration order;
     * static, {@code transient} and {@code @Transient} fields left out.
     */
    private List<VariableElement> persistentFields(TypeElement type) {
        List<TypeElement> chain = new ArrayList<>();
        chain.add(type);
        for (TypeElement current = superclass(type); current != null; current = superclass(current)) {
            if (has(current, Annotations.MAPPED_SUPERCLASS) || has(current, Annotations.EMBEDDABLE)) {
                chain.add(0, current);
            }
        }
        List<VariableElement> out = new ArrayList<>();
        for (TypeElement current : chain) {
            for (VariableElement field : ElementFilter.fieldsIn(current.getEnclosedElements())) {
                Set<Modifier> modifiers = field.getModifiers();
                if (!modifiers.contains(Modifier.STATIC) && !modifiers.contains(Modifier.TRANSIENT)
                        && !has(field, Annotations.TRANSIENT)) {
                    out.add(field);
                }
            }
        }
        return out;
    }

    /** A table being read; {@link #build(Element)} reports what the schema model refuses. */
    private final class TableDraft {
        final String name;
        final LinkedHashMap<String, Column> columns = new LinkedHashMap<>();
        final List<Index> indexes = new ArrayList<>();
        final List<UniqueConstraint> uniqueConstraints = new ArrayList<>();
        final List<ForeignKey> foreignKeys = new ArrayList<>();
        List<String> primaryKey = List.of();
        private final List<String> duplicates = new ArrayList<>();

        TableDraft(String name) {
            this.name = name;
        }

        void add(Column column) {
            if (columns.putIfAbsent(column.name(), column) != null) {
                duplicates.add(column.name());
            }
        }

        /** A join column that repeats a basic column of the same name (read-only mappings) is that column. */
        void addIfAbsent(Column column) {
            columns.putIfAbsent(column.name(), column);
        }

        Optional<Table> build(TypeElement entity, Element origin) {
            if (!duplicates.isEmpty()) {
                diagnostics.warn(JpaProblem.INVALID_TABLE, origin, null, entity.getQualifiedName(), name,
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
                diagnostics.warn(JpaProblem.INVALID_TABLE, origin, null, entity.getQualifiedName(), name,
                        e.getMessage());
                return Optional.empty();
            }
        }
    }
}
