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
import java.util.stream.Collectors;
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
 * Reads {@code @Entity} classes into tables of the runtime's schema model, by field access,
 * as Hibernate 7's schema export lays them out. What it cannot map it reports to {@link
 * Diagnostics} and leaves out, never silently.
 *
 * <p>Each entity gives its table, then the join tables of its owning {@code @ManyToMany} and
 * {@code @OneToMany} attributes and the collection tables of its {@code @ElementCollection}
 * attributes. Entity inheritance follows the root's {@code @Inheritance} strategy:
 * {@code SINGLE_TABLE} (the default) puts every entity of the hierarchy in the root's table
 * with a discriminator column, {@code JOINED} gives each entity a table keyed by a foreign key
 * to its parent's, {@code TABLE_PER_CLASS} gives each concrete entity a table with every
 * inherited column. A unidirectional {@code @OneToMany} with {@code @JoinColumn} adds its
 * column to the target entity's table, so the tables are read in two passes.
 */
public final class EntityReader {

    private final Annotations annotations;
    private final ColumnTypes columnTypes;
    private final Types types;
    private final Naming naming;
    private final Diagnostics diagnostics;
    /** What has been reported, so a column inherited by several tables warns once. */
    private final Set<List<Object>> reported = new HashSet<>();
    private final Map<TypeElement, Optional<Key>> keys = new HashMap<>();
    private boolean quiet;

    // The state of one read(): the package's entities, the tables by the entity that owns
    // them, and what other entities add to them once every table exists.
    private Set<TypeElement> packageEntities = Set.of();
    private final Map<TypeElement, TableDraft> drafts = new HashMap<>();
    private final Map<TypeElement, List<MappedTable>> collections = new HashMap<>();
    private final List<Contribution> contributions = new ArrayList<>();

    /** A reader that names tables and columns by {@code naming} and reports to {@code diagnostics}. */
    public EntityReader(Elements elements, Types types, Naming naming, Diagnostics diagnostics) {
        this.annotations = new Annotations(elements);
        this.columnTypes = new ColumnTypes(annotations);
        this.types = types;
        this.naming = naming;
        this.diagnostics = diagnostics;
    }

    /** The inheritance strategies of {@code jakarta.persistence.InheritanceType}. */
    private enum Strategy { SINGLE_TABLE, JOINED, TABLE_PER_CLASS }

    /**
     * The primary key of the table that holds an entity: the table's physical name and its key
     * columns. {@code scatteredOver} is null unless the entity's rows live in several tables
     * (a {@code TABLE_PER_CLASS} entity with subclasses), which no foreign key can reference.
     */
    private record Key(TypeElement entity, String logicalTable, String table, List<Column> columns,
            String scatteredOver) {}

    /** Columns and a foreign key that an attribute of another entity adds to {@code target}'s table(s). */
    private record Contribution(TypeElement target, List<Column> columns, Optional<ForeignKey> foreignKey) {}

    /**
     * The tables of {@code entities} (the entities of one package), ordered by the entity
     * table's name, each entity's join and collection tables after its own.
     */
    public List<MappedTable> read(List<TypeElement> entities) {
        packageEntities = new HashSet<>(entities);
        keys.clear();
        drafts.clear();
        collections.clear();
        contributions.clear();
        List<TypeElement> sorted = new ArrayList<>(entities);
        sorted.sort(Comparator.comparing((TypeElement e) -> tableName(tableHolder(e)))
                .thenComparingInt(this::depth)
                .thenComparing(e -> e.getQualifiedName().toString()));
        for (TypeElement entity : sorted) {
            readEntity(entity);
        }
        for (Contribution contribution : contributions) {
            for (TypeElement holder : tablesHolding(contribution.target())) {
                TableDraft draft = drafts.get(holder);
                if (draft != null) {
                    contribution.columns().forEach(draft::addIfAbsent);
                    contribution.foreignKey().ifPresent(draft::addForeignKey);
                }
            }
        }
        for (TypeElement entity : sorted) {
            Optional<AnnotationMirror> table = find(entity, Annotations.TABLE);
            TableDraft draft = drafts.get(entity);
            if (table.isPresent() && draft != null) {
                readTableConstraints(entity, table.get(), draft);
            } else if (table.isPresent() && strategy(entity) == Strategy.TABLE_PER_CLASS && !ownsTable(entity)
                    && (!annotations.mirrors(table.get(), "indexes").isEmpty()
                            || !annotations.mirrors(table.get(), "uniqueConstraints").isEmpty())) {
                warn(JpaProblem.INHERITANCE, entity, table.get(), entity.getQualifiedName(),
                        "is abstract in a TABLE_PER_CLASS hierarchy and has no table of its own",
                        "the indexes and unique constraints of its @Table are left out",
                        "Declare them on the @Table of each concrete entity.");
            }
        }
        List<MappedTable> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (TypeElement entity : sorted) {
            List<MappedTable> tables = new ArrayList<>();
            TableDraft draft = drafts.get(entity);
            if (draft != null) {
                List<TypeElement> alsoMapping = strategy(entity) == Strategy.SINGLE_TABLE
                        ? subtree(entity).subList(1, subtree(entity).size()) : List.of();
                draft.build(entity, entity).ifPresent(t -> tables.add(new MappedTable(t, entity, null, alsoMapping)));
            }
            tables.addAll(collections.getOrDefault(entity, List.of()));
            for (MappedTable mapped : tables) {
                if (!names.add(mapped.table().name())) {
                    warn(JpaProblem.INVALID_TABLE, entity, null, entity.getQualifiedName(),
                            mapped.table().name(), "another entity or collection already maps a table of that name");
                    continue;
                }
                out.add(mapped);
            }
        }
        return out;
    }

    private void readEntity(TypeElement entity) {
        if (usesPropertyAccess(entity)) {
            warn(JpaProblem.PROPERTY_ACCESS, entity, null, entity.getQualifiedName());
            return;
        }
        Optional<TypeElement> superEntity = superEntity(entity);
        TypeElement root = root(entity);
        Strategy strategy = strategy(entity);
        checkHierarchyAnnotations(entity, superEntity, root, strategy);
        if (superEntity.isEmpty()) {
            find(entity, Annotations.ID_CLASS).ifPresent(idClass -> warn(JpaProblem.UNSUPPORTED_MAPPING,
                    entity, idClass, entity.getQualifiedName(), entity.getSimpleName(),
                    "@IdClass (its @Id fields form the primary key, but no relationship can reference it)"));
        }
        if (ownsTable(entity)) {
            drafts.put(entity, readTable(entity, superEntity, root, strategy));
        } else if (superEntity.isEmpty() && declaredFields(entity).stream()
                .noneMatch(f -> has(f, Annotations.ID) || has(f, Annotations.EMBEDDED_ID))) {
            // An abstract TABLE_PER_CLASS root: its subclasses' tables miss the key it does not declare.
            warn(JpaProblem.NO_ID, entity, null, entity.getQualifiedName(), scatteredOver(entity));
        } else if (strategy == Strategy.SINGLE_TABLE && !packageEntities.contains(root)) {
            String pkg = packageOf(root);
            warn(JpaProblem.INHERITANCE, entity, null, entity.getQualifiedName(),
                    "extends " + root.getQualifiedName() + ", the root of a SINGLE_TABLE hierarchy in package "
                            + pkg,
                    "its columns, which belong in table " + tableName(root) + " of that package's GeneratedSchema, "
                            + "are left out",
                    "Keep the entities of a SINGLE_TABLE hierarchy in one package.");
        }
        for (VariableElement field : declaredFields(entity)) {
            readCollection(entity, field);
        }
    }

    /** The table {@code entity} owns, with the columns its strategy puts there. */
    private TableDraft readTable(TypeElement entity, Optional<TypeElement> superEntity, TypeElement root,
            Strategy strategy) {
        TableDraft draft = new TableDraft(tableName(entity));
        find(entity, Annotations.TABLE).ifPresent(t -> {
            String schema = annotations.string(t, "schema") + annotations.string(t, "catalog");
            if (!schema.isEmpty()) {
                warn(JpaProblem.SCHEMA_IGNORED, entity, t, entity.getQualifiedName(), schema, draft.name);
            }
        });
        switch (strategy) {
            case SINGLE_TABLE -> {
                readColumns(entity, draft, false);
                discriminator(entity, strategy).ifPresent(draft::add);
                // Hibernate forces the columns of subclass attributes nullable, unless the mapping says otherwise.
                for (TypeElement subclass : subtree(entity).subList(1, subtree(entity).size())) {
                    readColumns(subclass, draft, true);
                }
            }
            case JOINED -> {
                if (superEntity.isPresent()) {
                    readJoinedKey(entity, superEntity.get(), draft);
                }
                readColumns(entity, draft, false);
                if (superEntity.isEmpty()) {
                    discriminator(entity, strategy).ifPresent(draft::add);
                }
            }
            case TABLE_PER_CLASS -> {
                for (TypeElement declaring : chain(entity)) {
                    readColumns(declaring, draft, false);
                }
            }
        }
        if (superEntity.isEmpty() && draft.columns.values().stream().noneMatch(Column::isPrimaryKey)) {
            warn(JpaProblem.NO_ID, entity, null, entity.getQualifiedName(), draft.name);
        }
        return draft;
    }

    /** The key columns of a JOINED subclass's table and their foreign key to the parent's table. */
    private void readJoinedKey(TypeElement entity, TypeElement parent, TableDraft draft) {
        Optional<Key> parentKey = key(parent);
        Optional<List<Column>> columns = parentKey.flatMap(k -> joinedKeyColumns(entity, k));
        if (columns.isEmpty()) {
            warn(JpaProblem.INHERITANCE, entity, null, entity.getQualifiedName(),
                    "is a JOINED subclass of " + parent.getQualifiedName() + ", whose primary key cannot be read",
                    "table " + draft.name + " has no key columns",
                    "Give the root entity an @Id or @EmbeddedId field.");
            return;
        }
        columns.get().forEach(c -> draft.add(c.primaryKey()));
        List<AnnotationMirror> joins = annotations.repeated(entity, Annotations.PRIMARY_KEY_JOIN_COLUMN,
                Annotations.PRIMARY_KEY_JOIN_COLUMNS);
        Optional<AnnotationMirror> container = find(entity, Annotations.PRIMARY_KEY_JOIN_COLUMNS);
        foreignKey(entity, entity, container.map(List::of).orElse(joins), columns.get(), parentKey.get())
                .ifPresent(draft::addForeignKey);
    }

    /**
     * A JOINED subclass's key columns, typed as {@code parent}'s: named by its
     * {@code @PrimaryKeyJoinColumn}s or, as Hibernate does, after the root's key columns.
     */
    private Optional<List<Column>> joinedKeyColumns(TypeElement entity, Key parent) {
        Optional<Key> rootKey = key(root(entity));
        if (rootKey.isEmpty() || rootKey.get().columns().size() != parent.columns().size()) {
            return Optional.empty();
        }
        List<Column> rootColumns = rootKey.get().columns();
        List<AnnotationMirror> given = annotations.repeated(entity, Annotations.PRIMARY_KEY_JOIN_COLUMN,
                Annotations.PRIMARY_KEY_JOIN_COLUMNS);
        if (!given.isEmpty() && given.size() != parent.columns().size()) {
            warn(JpaProblem.INHERITANCE, entity, given.get(0), entity.getQualifiedName(),
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
                        warn(JpaProblem.INHERITANCE, entity, join, entity.getQualifiedName(),
                                "names referencedColumnName \"" + referencedName + "\" in @PrimaryKeyJoinColumn, "
                                        + "which is not a key column of " + parent.table(),
                                "the key column is matched by position",
                                "Name a key column of the parent table.");
                    }
                }
                String explicit = sqlName(entity, join, "primary key join column", annotations.string(join, "name"));
                if (!explicit.isEmpty()) {
                    name = naming.physical(explicit);
                }
            }
            out.add(Column.of(name, referenced.type()));
        }
        return Optional.of(out);
    }

    /**
     * The discriminator column of a hierarchy's root: always under SINGLE_TABLE once the root has
     * subclasses, and whenever {@code @DiscriminatorColumn} is declared except under
     * TABLE_PER_CLASS (Hibernate 6 creates none for JOINED unless it is declared).
     */
    private Optional<Column> discriminator(TypeElement root, Strategy strategy) {
        Optional<AnnotationMirror> declared = find(root, Annotations.DISCRIMINATOR_COLUMN);
        boolean needed = switch (strategy) {
            case SINGLE_TABLE -> declared.isPresent() || !children(root).isEmpty();
            case JOINED -> declared.isPresent();
            case TABLE_PER_CLASS -> false;
        };
        if (!needed) {
            return Optional.empty();
        }
        String name = declared.map(d -> sqlName(root, d, "discriminator column", annotations.string(d, "name")))
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
    private void checkHierarchyAnnotations(TypeElement entity, Optional<TypeElement> superEntity, TypeElement root,
            Strategy strategy) {
        if (superEntity.isEmpty()) {
            return;
        }
        String hierarchy = "the " + strategy + " hierarchy of " + root.getQualifiedName();
        find(entity, Annotations.INHERITANCE).ifPresent(inheritance -> {
            String declared = annotations.enumConstant(inheritance, "strategy");
            if (!declared.equals(strategy.name())) {
                warn(JpaProblem.INHERITANCE, entity, inheritance, entity.getQualifiedName(),
                        "declares @Inheritance(strategy = " + declared + ") inside " + hierarchy
                                + ", and Hibernate ignores a strategy below the root",
                        "it is mapped as " + strategy,
                        "Remove the annotation, or change the strategy on the root.");
            }
        });
        find(entity, Annotations.DISCRIMINATOR_COLUMN).ifPresent(column -> warn(JpaProblem.INHERITANCE, entity,
                column, entity.getQualifiedName(), "declares @DiscriminatorColumn but is not the root of "
                        + hierarchy + ", which Hibernate refuses",
                "the annotation is ignored", "Move it to " + root.getQualifiedName() + "."));
        if (strategy == Strategy.SINGLE_TABLE) {
            find(entity, Annotations.TABLE).ifPresent(table -> warn(JpaProblem.INHERITANCE, entity, table,
                    entity.getQualifiedName(), "declares @Table but is a subclass in " + hierarchy
                            + ", which Hibernate refuses",
                    "the annotation is ignored and its columns are in table " + tableName(root),
                    "Remove @Table from the subclass; declare indexes and constraints on the root's @Table."));
        }
        if (strategy != Strategy.JOINED) {
            annotations.repeated(entity, Annotations.PRIMARY_KEY_JOIN_COLUMN, Annotations.PRIMARY_KEY_JOIN_COLUMNS)
                    .stream().findFirst().ifPresent(join -> warn(JpaProblem.INHERITANCE, entity, join,
                            entity.getQualifiedName(), "declares @PrimaryKeyJoinColumn in " + hierarchy
                                    + ", which Hibernate refuses outside a JOINED hierarchy",
                            "the annotation is ignored", "Remove it."));
        }
    }

    // ---------------------------------------------------------------- attributes

    /** The columns of {@code entity}'s own persistent fields, into {@code draft}. */
    private void readColumns(TypeElement entity, TableDraft draft, boolean singleTableSubclass) {
        for (VariableElement field : declaredFields(entity)) {
            readColumn(entity, field, draft, singleTableSubclass);
        }
    }

    private void readColumn(TypeElement entity, VariableElement field, TableDraft draft, boolean forcedNull) {
        String attribute = field.getSimpleName().toString();
        boolean id = has(field, Annotations.ID) || has(field, Annotations.EMBEDDED_ID);
        if (id && superEntity(entity).isPresent()) {
            warn(JpaProblem.INHERITANCE, field, null, entity.getQualifiedName(),
                    "declares identifier " + attribute + " but is a subclass of " + root(entity).getQualifiedName()
                            + ", whose key the whole hierarchy shares",
                    "the field is left out", "Remove @Id or @EmbeddedId from the subclass.");
        } else if (has(field, Annotations.EMBEDDED_ID)) {
            embeddedColumns(entity, field, field.asType(), attribute, "", overrides(field), false)
                    .forEach(c -> draft.add(c.primaryKey(), entity));
        } else if (has(field, Annotations.MANY_TO_ONE) || has(field, Annotations.ONE_TO_ONE)) {
            readToOne(entity, field, draft);
        } else if (has(field, Annotations.ONE_TO_MANY) || has(field, Annotations.MANY_TO_MANY)
                || has(field, Annotations.ELEMENT_COLLECTION)) {
            return; // read by readCollection, once, for the entity that declares it
        } else if (isEmbedded(field, field.asType())) {
            embeddedColumns(entity, field, field.asType(), attribute, "", overrides(field), forcedNull)
                    .forEach(c -> draft.add(c, entity));
        } else {
            basicColumn(entity, field, field.asType(), attribute, find(field, Annotations.COLUMN).orElse(null),
                    forcedNull)
                    .map(column -> has(field, Annotations.ID) ? idColumn(entity, field, column) : column)
                    .ifPresent(c -> draft.add(c, entity));
        }
    }

    /** The join, collection or target-table columns of a collection attribute {@code entity} declares. */
    private void readCollection(TypeElement entity, VariableElement field) {
        List<MappedTable> out = collections.computeIfAbsent(entity, e -> new ArrayList<>());
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
        find(field, Annotations.ORDER_COLUMN).ifPresent(order -> warn(JpaProblem.UNSUPPORTED_MAPPING, field, order,
                entity.getQualifiedName(), field.getSimpleName(), "@OrderColumn (its column is not generated)"));
    }

    private Column idColumn(TypeElement entity, VariableElement field, Column column) {
        Column id = column.primaryKey();
        Optional<AnnotationMirror> generated = find(field, Annotations.GENERATED_VALUE);
        if (generated.isEmpty()) {
            return id;
        }
        String strategy = annotations.enumConstant(generated.get(), "strategy");
        if (strategy.equals("IDENTITY") && strategy(entity) == Strategy.TABLE_PER_CLASS
                && !children(root(entity)).isEmpty()) {
            warn(JpaProblem.INHERITANCE, field, generated.get(), entity.getQualifiedName(),
                    "generates its key with IDENTITY in a TABLE_PER_CLASS hierarchy, which Hibernate refuses "
                            + "(the tables would hand out the same ids)",
                    "the key columns of its tables are not auto-increment",
                    "Use GenerationType.SEQUENCE, TABLE or UUID.");
            return id;
        }
        if (strategy.equals("IDENTITY") && id.type().isInteger()) {
            return id.autoIncrement();
        }
        if (!strategy.equals("UUID")) {
            warn(JpaProblem.GENERATOR_NOT_MODELLED, field, generated.get(), entity.getQualifiedName(),
                    field.getSimpleName(), strategy);
        }
        return id;
    }

    /**
     * A basic attribute's column, or empty after a warning. A primitive is NOT NULL unless
     * {@code forcedNull} (a SINGLE_TABLE subclass's attribute), where only an explicit
     * {@code nullable = false} makes it so, as in Hibernate.
     */
    private Optional<Column> basicColumn(TypeElement entity, VariableElement field, TypeMirror type,
            String logicalName, AnnotationMirror column, boolean forcedNull) {
        String explicit = column == null ? "" : sqlName(field, column, "column", annotations.string(column, "name"));
        String name = naming.physical(explicit.isEmpty() ? logicalName : explicit);
        String definition = column == null ? "" : annotations.string(column, "columnDefinition");
        Optional<Type> mapped;
        if (!definition.isBlank()) {
            mapped = Optional.of(Type.raw(definition));
        } else if (has(field, Annotations.CONVERT)) {
            warn(JpaProblem.UNSUPPORTED_MAPPING, field, find(field, Annotations.CONVERT).orElseThrow(),
                    entity.getQualifiedName(), field.getSimpleName(),
                    "@Convert (the converter's column type is unknown here; give @Column(columnDefinition = ...))");
            return Optional.empty();
        } else {
            mapped = columnTypes.of(type, field, column);
        }
        if (mapped.isEmpty()) {
            warn(JpaProblem.UNSUPPORTED_TYPE, field, null, entity.getQualifiedName(),
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
        foreignKey(entity, field, joinColumns, columns.get(), target.get()).ifPresent(draft::addForeignKey);
    }

    /**
     * A unidirectional {@code @OneToMany} with {@code @JoinColumn}: the join columns, named
     * {@code <attribute>_<owner key column>} by default and nullable unless stated, go into the
     * target entity's table and reference the owner's key.
     */
    private void oneToManyJoinColumns(TypeElement entity, VariableElement field, AnnotationMirror oneToMany,
            List<AnnotationMirror> joins) {
        String attribute = field.getSimpleName().toString();
        Optional<Key> owner = key(entity);
        Optional<TypeMirror> element = elementType(entity, field, oneToMany);
        if (owner.isEmpty()) {
            warn(JpaProblem.UNRESOLVED_TARGET, field, oneToMany, entity.getQualifiedName(), attribute,
                    entity.getQualifiedName(), "the owning entity has no usable primary key");
            return;
        }
        if (element.isEmpty()) {
            return;
        }
        Optional<Key> target = targetKey(entity, field, oneToMany, element.get());
        if (target.isEmpty()) {
            return;
        }
        TypeElement targetEntity = (TypeElement) types.asElement(
                explicitTarget(oneToMany).orElse(element.get()));
        TypeElement holder = tableHolder(targetEntity);
        if (!packageEntities.contains(holder)) {
            warn(JpaProblem.UNSUPPORTED_MAPPING, field, oneToMany, entity.getQualifiedName(), attribute,
                    "@OneToMany with @JoinColumn to " + targetEntity.getQualifiedName() + " of package "
                            + packageOf(holder) + " (its join column belongs in table " + target.get().table()
                            + " of that package's GeneratedSchema; map it from the other side with @ManyToOne, "
                            + "or keep both entities in one package)");
            return;
        }
        Optional<List<Column>> columns = joinColumns(entity, field, attribute, joins, owner.get(), true, false);
        if (columns.isEmpty()) {
            return;
        }
        contributions.add(new Contribution(targetEntity, columns.get(),
                foreignKey(entity, field, joins, columns.get(), owner.get())));
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
                warn(JpaProblem.UNRESOLVED_TARGET, field, given.get(0), entity.getQualifiedName(),
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
                        warn(JpaProblem.UNRESOLVED_TARGET, field, join, entity.getQualifiedName(),
                                field.getSimpleName(), target.table(), "referencedColumnName \"" + referenced
                                        + "\" is not a column of its primary key");
                        return Optional.empty();
                    }
                    key = match.get();
                }
                String name = sqlName(field, join, "join column", annotations.string(join, "name"));
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
    private Optional<ForeignKey> foreignKey(TypeElement entity, Element origin, List<AnnotationMirror> joinColumns,
            List<Column> columns, Key target) {
        if (target.scatteredOver() != null) {
            String attribute = origin.getKind() == ElementKind.FIELD ? origin.getSimpleName().toString()
                    : "(its key)";
            warn(JpaProblem.NO_FOREIGN_KEY, origin, null, entity.getQualifiedName(), attribute,
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
            String name = Naming.unquoted(sqlName(origin, joinColumns.get(0), "foreign key",
                    annotations.string(constraint, "name")));
            if (!name.isEmpty()) {
                key = key.named(name);
            }
        }
        return Optional.of(key);
    }

    /** The {@code targetEntity} a relationship annotation names, if any. */
    private Optional<TypeMirror> explicitTarget(AnnotationMirror relation) {
        TypeMirror explicit = annotations.type(relation, "targetEntity");
        return explicit.getKind() == TypeKind.VOID ? Optional.empty() : Optional.of(explicit);
    }

    private Optional<Key> targetKey(TypeElement entity, VariableElement field, AnnotationMirror relation,
            TypeMirror type) {
        TypeMirror targetType = explicitTarget(relation).orElse(type);
        if (targetType.getKind() != TypeKind.DECLARED
                || !has(((DeclaredType) targetType).asElement(), Annotations.ENTITY)) {
            warn(JpaProblem.UNRESOLVED_TARGET, field, relation, entity.getQualifiedName(),
                    field.getSimpleName(), targetType, "it is not an @Entity");
            return Optional.empty();
        }
        TypeElement target = (TypeElement) ((DeclaredType) targetType).asElement();
        Optional<Key> key = key(target);
        if (key.isEmpty()) {
            warn(JpaProblem.UNRESOLVED_TARGET, field, relation, entity.getQualifiedName(),
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
    private Optional<Key> key(TypeElement entity) {
        Optional<Key> key = keys.get(entity);
        if (key == null) {
            // Not computeIfAbsent: a subclass's key reads its parent's, which adds to the map.
            boolean wasQuiet = quiet;
            quiet = true;
            try {
                key = readKey(entity);
            } finally {
                quiet = wasQuiet;
            }
            keys.put(entity, key);
        }
        return key;
    }

    private Optional<Key> readKey(TypeElement entity) {
        if (usesPropertyAccess(entity)) {
            return Optional.empty();
        }
        Optional<TypeElement> superEntity = superEntity(entity);
        if (superEntity.isPresent()) {
            Optional<Key> rootKey = key(root(entity));
            return switch (strategy(entity)) {
                case SINGLE_TABLE -> rootKey;
                case JOINED -> key(superEntity.get()).flatMap(parent -> joinedKeyColumns(entity, parent))
                        .map(columns -> new Key(entity, logicalTableName(entity), tableName(entity), columns, null));
                case TABLE_PER_CLASS -> rootKey.map(k -> new Key(entity, logicalTableName(entity),
                        tableName(entity), k.columns(), scatteredOver(entity)));
            };
        }
        List<Column> columns = new ArrayList<>();
        for (VariableElement field : declaredFields(entity)) {
            String attribute = field.getSimpleName().toString();
            if (has(field, Annotations.EMBEDDED_ID)) {
                columns.addAll(embeddedColumns(entity, field, field.asType(), attribute, "", overrides(field),
                        false));
            } else if (has(field, Annotations.ID)) {
                if (has(field, Annotations.MANY_TO_ONE) || has(field, Annotations.ONE_TO_ONE)) {
                    return Optional.empty();
                }
                Optional<Column> column = basicColumn(entity, field, field.asType(), attribute,
                        find(field, Annotations.COLUMN).orElse(null), false);
                if (column.isEmpty()) {
                    return Optional.empty();
                }
                columns.add(column.get());
            }
        }
        String logical = logicalTableName(entity);
        return columns.isEmpty() ? Optional.empty()
                : Optional.of(new Key(entity, logical, naming.physical(logical), List.copyOf(columns),
                        scatteredOver(entity)));
    }

    /** The tables of a TABLE_PER_CLASS entity with subclasses, which no foreign key can reference; else null. */
    private String scatteredOver(TypeElement entity) {
        if (strategy(entity) != Strategy.TABLE_PER_CLASS || children(entity).isEmpty()) {
            return null;
        }
        return subtree(entity).stream().filter(this::ownsTable).map(this::tableName)
                .collect(Collectors.joining(", "));
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
     * The columns of an embedded attribute, nested embeddables flattened, in the order of the
     * embeddable's attribute names; each column is named after the embeddable's attribute (as
     * Hibernate does) unless overridden.
     */
    private List<Column> embeddedColumns(TypeElement entity, Element field, TypeMirror type, String attribute,
            String path, Map<String, AnnotationMirror> overrides, boolean forcedNull) {
        if (!isEmbeddable(type)) {
            warn(JpaProblem.UNSUPPORTED_MAPPING, field, null, entity.getQualifiedName(), attribute,
                    "an embedded type that is not @Embeddable");
            return List.of();
        }
        List<Column> out = new ArrayList<>();
        // Hibernate orders an embeddable's attributes by name, and with them the columns of a
        // composite key and of every foreign key that references it.
        List<VariableElement> parts = new ArrayList<>(declaredFields((TypeElement) ((DeclaredType) type).asElement()));
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
                warn(JpaProblem.UNSUPPORTED_MAPPING, part, null, entity.getQualifiedName(),
                        attribute + "." + name, "a relationship or collection inside an embeddable");
            } else {
                AnnotationMirror column = overrides.getOrDefault(partPath,
                        find(part, Annotations.COLUMN).orElse(null));
                basicColumn(entity, part, part.asType(), name, column, forcedNull).ifPresent(out::add);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- join and collection tables

    /**
     * The join table of an owning {@code @ManyToMany}, or of a unidirectional {@code @OneToMany}
     * without {@code @JoinColumn}, whose target columns Hibernate makes unique (each target row
     * belongs to one owner).
     */
    private Optional<MappedTable> joinTable(TypeElement entity, VariableElement field, AnnotationMirror relation,
            boolean oneToMany) {
        String attribute = field.getSimpleName().toString();
        Optional<Key> owner = key(entity);
        Optional<TypeMirror> element = elementType(entity, field, relation);
        if (owner.isEmpty() || element.isEmpty()) {
            if (owner.isEmpty()) {
                warn(JpaProblem.UNRESOLVED_TARGET, field, relation, entity.getQualifiedName(),
                        attribute, entity.getQualifiedName(), "the owning entity has no usable primary key");
            }
            return Optional.empty();
        }
        Optional<Key> target = targetKey(entity, field, relation, element.get());
        if (target.isEmpty()) {
            return Optional.empty();
        }
        Optional<AnnotationMirror> joinTable = find(field, Annotations.JOIN_TABLE);
        String explicit = joinTable.map(t -> sqlName(field, t, "join table", annotations.string(t, "name"))).orElse("");
        String name = naming.physical(explicit.isEmpty()
                ? naming.joinTable(owner.get().logicalTable(), attribute, target.get().logicalTable()) : explicit);
        TypeElement targetEntity = (TypeElement) types.asElement(explicitTarget(relation).orElse(element.get()));
        // JPA names the owner's columns after the inverse attribute when there is one, else after the entity.
        String ownerPrefix = oneToMany ? entityName(entity)
                : inverseAttribute(targetEntity, attribute).orElse(entityName(entity));
        List<AnnotationMirror> ownerJoins = joinTable.map(t -> annotations.mirrors(t, "joinColumns"))
                .orElse(List.of());
        List<AnnotationMirror> targetJoins = joinTable.map(t -> annotations.mirrors(t, "inverseJoinColumns"))
                .orElse(List.of());
        Optional<List<Column>> ownerColumns = joinColumns(entity, field, ownerPrefix, ownerJoins, owner.get(),
                false, false);
        // A Set of a unidirectional @OneToMany is keyed by its target columns alone (Hibernate 7),
        // which makes them unique; a List or Collection has no key and makes them unique instead.
        boolean set = isSet(field.asType());
        Optional<List<Column>> targetColumns = joinColumns(entity, field, attribute, targetJoins, target.get(),
                false, oneToMany && !set);
        if (ownerColumns.isEmpty() || targetColumns.isEmpty()) {
            return Optional.empty();
        }
        TableDraft draft = new TableDraft(name);
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
        foreignKey(entity, field, ownerJoins, ownerColumns.get(), owner.get()).ifPresent(draft::addForeignKey);
        foreignKey(entity, field, targetJoins, targetColumns.get(), target.get()).ifPresent(draft::addForeignKey);
        return draft.build(entity, field).map(t -> new MappedTable(t, entity, attribute));
    }

    private Optional<MappedTable> collectionTable(TypeElement entity, VariableElement field) {
        String attribute = field.getSimpleName().toString();
        AnnotationMirror collection = find(field, Annotations.ELEMENT_COLLECTION).orElseThrow();
        Optional<Key> owner = key(entity);
        Optional<TypeMirror> element = elementType(entity, field, collection);
        if (owner.isEmpty()) {
            warn(JpaProblem.UNRESOLVED_TARGET, field, collection, entity.getQualifiedName(), attribute,
                    entity.getQualifiedName(), "the owning entity has no usable primary key");
            return Optional.empty();
        }
        if (element.isEmpty()) {
            return Optional.empty();
        }
        Optional<AnnotationMirror> table = find(field, Annotations.COLLECTION_TABLE);
        String explicit = table.map(t -> sqlName(field, t, "collection table", annotations.string(t, "name")))
                .orElse("");
        String name = naming.physical(explicit.isEmpty() ? entityName(entity) + "_" + attribute : explicit);
        List<AnnotationMirror> joins = table.map(t -> annotations.mirrors(t, "joinColumns")).orElse(List.of());
        Optional<List<Column>> ownerColumns = joinColumns(entity, field, entityName(entity), joins, owner.get(),
                false, false);
        if (ownerColumns.isEmpty()) {
            return Optional.empty();
        }
        TableDraft draft = new TableDraft(name);
        ownerColumns.get().forEach(draft::add);
        List<Column> values;
        if (isEmbeddable(element.get())) {
            // Hibernate 7 leaves even a primitive of an element embeddable nullable.
            values = embeddedColumns(entity, field, element.get(), attribute, "", overrides(field), true);
        } else {
            Optional<Column> column = basicColumn(entity, field, element.get(), attribute,
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
        foreignKey(entity, field, joins, ownerColumns.get(), owner.get()).ifPresent(draft::addForeignKey);
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
            warn(JpaProblem.UNSUPPORTED_MAPPING, field, relation, entity.getQualifiedName(),
                    field.getSimpleName(), "@" + what + " on a " + collection.getSimpleName()
                            + " (only a Set, List or Collection with its element type is mapped)");
        } else {
            warn(JpaProblem.UNSUPPORTED_MAPPING, field, relation, entity.getQualifiedName(),
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
        for (VariableElement field : chain(target).stream().flatMap(t -> declaredFields(t).stream()).toList()) {
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
            List<String> logical = new ArrayList<>();
            List<String> columns = new ArrayList<>();
            for (String part : annotations.string(index, "columnList").split(",")) {
                String column = part.strip().replaceFirst("(?i)\\s+(asc|desc)$", "");
                if (!column.isEmpty()) {
                    logical.add(column);
                    columns.add(naming.physical(column));
                }
            }
            String name = Naming.unquoted(sqlName(entity, table, "index", annotations.string(index, "name")));
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
            String name = Naming.unquoted(sqlName(entity, table, "unique constraint",
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
                warn(JpaProblem.UNKNOWN_COLUMN, entity, table, entity.getQualifiedName(), what.strip(),
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
        Optional<AnnotationMirror> table = find(entity, Annotations.TABLE);
        return table.map(t -> sqlName(entity, t, "table", annotations.string(t, "name"))).filter(n -> !n.isEmpty())
                .orElse(entityName(entity));
    }

    /**
     * {@code name} as written, after a warning on {@code where} when it is quoted: Hibernate keeps
     * a quoted name exact, but the model holds every name bare ({@code unquotedNames()}), so it is
     * compared in the case each database gives the bare name. {@link Naming#physical} drops the quotes.
     */
    private String sqlName(Element where, AnnotationMirror annotation, String what, String name) {
        if (Naming.isQuoted(name)) {
            warn(JpaProblem.QUOTED_NAME, where, annotation, owner(where).getQualifiedName(), what, name,
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

    /** The topmost entity of {@code entity}'s hierarchy; the entity itself when it extends none. */
    private TypeElement root(TypeElement entity) {
        TypeElement root = entity;
        for (Optional<TypeElement> up = superEntity(entity); up.isPresent(); up = superEntity(up.get())) {
            root = up.get();
        }
        return root;
    }

    /** The hierarchy's entities from the root down to {@code entity}. */
    private List<TypeElement> chain(TypeElement entity) {
        List<TypeElement> out = new ArrayList<>();
        for (Optional<TypeElement> e = Optional.of(entity); e.isPresent(); e = superEntity(e.get())) {
            out.add(0, e.get());
        }
        return out;
    }

    private int depth(TypeElement entity) {
        return chain(entity).size() - 1;
    }

    /** The root's {@code @Inheritance} strategy, SINGLE_TABLE when it declares none. */
    private Strategy strategy(TypeElement entity) {
        return find(root(entity), Annotations.INHERITANCE)
                .map(i -> Strategy.valueOf(annotations.enumConstant(i, "strategy")))
                .orElse(Strategy.SINGLE_TABLE);
    }

    /** The entities of the package that extend {@code entity} directly, by name. */
    private List<TypeElement> children(TypeElement entity) {
        return packageEntities.stream()
                .filter(e -> superEntity(e).filter(entity::equals).isPresent())
                .sorted(Comparator.comparing(e -> e.getQualifiedName().toString()))
                .toList();
    }

    /** {@code entity} and the package's entities below it, depth first. */
    private List<TypeElement> subtree(TypeElement entity) {
        List<TypeElement> out = new ArrayList<>();
        out.add(entity);
        for (TypeElement child : children(entity)) {
            out.addAll(subtree(child));
        }
        return out;
    }

    /**
     * Whether {@code entity} has a table of its own: not a SINGLE_TABLE subclass, and not an
     * abstract TABLE_PER_CLASS entity with subclasses (Hibernate's "abstract union table").
     */
    private boolean ownsTable(TypeElement entity) {
        return switch (strategy(entity)) {
            case SINGLE_TABLE -> superEntity(entity).isEmpty();
            case JOINED -> true;
            case TABLE_PER_CLASS -> !entity.getModifiers().contains(Modifier.ABSTRACT)
                    || children(entity).isEmpty();
        };
    }

    /** The entity whose table holds {@code entity}'s key and own columns. */
    private TypeElement tableHolder(TypeElement entity) {
        return strategy(entity) == Strategy.SINGLE_TABLE ? root(entity) : entity;
    }

    /**
     * The entities whose tables get a column added to {@code entity}'s: its table's owner, and
     * under TABLE_PER_CLASS every table below, which repeats the columns of the ones above.
     */
    private List<TypeElement> tablesHolding(TypeElement entity) {
        if (strategy(entity) == Strategy.TABLE_PER_CLASS) {
            return subtree(entity).stream().filter(this::ownsTable).toList();
        }
        return List.of(tableHolder(entity));
    }

    private String packageOf(TypeElement type) {
        Element element = type;
        while (element.getKind() != ElementKind.PACKAGE) {
            element = element.getEnclosingElement();
        }
        return element.toString();
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
     * The persistent fields a type declares: those of its {@code @MappedSuperclass} (and, for
     * embeddables, {@code @Embeddable}) superclasses up to the next entity first, then its own,
     * in declaration order; static, {@code transient} and {@code @Transient} fields left out.
     * An entity superclass's fields are that entity's.
     */
    private List<VariableElement> declaredFields(TypeElement type) {
        List<TypeElement> chain = new ArrayList<>();
        chain.add(type);
        for (TypeElement current = superclass(type); current != null && !has(current, Annotations.ENTITY);
                current = superclass(current)) {
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

    /** Reports once: a column that several tables inherit is read once per table. */
    private void warn(JpaProblem problem, Element element, AnnotationMirror annotation, Object... args) {
        if (quiet) {
            return;
        }
        List<Object> key = new ArrayList<>(List.of(problem, element, String.valueOf(annotation)));
        for (Object arg : args) {
            key.add(String.valueOf(arg));
        }
        if (reported.add(key)) {
            diagnostics.warn(problem, element, annotation, args);
        }
    }

    /** A table being read; {@link #build} reports what the schema model refuses. */
    private final class TableDraft {
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

        TableDraft(String name) {
            this.name = name;
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
            if (owner != null && first != null && !chain(owner).contains(first)) {
                if (!old.equals(column)) {
                    warn(JpaProblem.INHERITANCE, owner, null, owner.getQualifiedName(),
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
                warn(JpaProblem.INVALID_TABLE, where, null, where == origin ? entity.getQualifiedName()
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
                warn(JpaProblem.INVALID_TABLE, origin, null, entity.getQualifiedName(), name,
                        e.getMessage());
                return Optional.empty();
            }
        }
    }
}
