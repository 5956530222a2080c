package dev.retort.processor.jpa;

import static dev.retort.processor.jpa.Annotations.find;
import static dev.retort.processor.jpa.Annotations.has;

import dev.retort.processor.jpa.Hierarchy.Strategy;
import dev.retort.runtime.schema.Column;
import java.util.Optional;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * The table an entity owns: its name, and the columns its inheritance strategy puts there,
 * attribute by attribute (basic, embedded, id and single-valued relationships; collections are
 * {@link CollectionReader}'s).
 */
final class TableReader {

    private final Annotations annotations;
    private final SqlNames names;
    private final Hierarchy hierarchy;
    private final Inheritance inheritance;
    private final BasicColumns basicColumns;
    private final Embeddables embeddables;
    private final Relationships relationships;
    private final IdGenerators idGenerators;
    private final Reporter reporter;

    TableReader(Annotations annotations, SqlNames names, Hierarchy hierarchy, Inheritance inheritance,
            BasicColumns basicColumns, Embeddables embeddables, Relationships relationships, IdGenerators idGenerators,
            Reporter reporter) {
        this.annotations = annotations;
        this.names = names;
        this.hierarchy = hierarchy;
        this.inheritance = inheritance;
        this.basicColumns = basicColumns;
        this.embeddables = embeddables;
        this.relationships = relationships;
        this.idGenerators = idGenerators;
        this.reporter = reporter;
    }

    /** The table {@code entity} owns, with the columns its strategy puts there. */
    TableDraft readTable(TypeElement entity, Optional<TypeElement> superEntity, TypeElement root,
            Strategy strategy) {
        TableDraft draft = new TableDraft(names.tableName(entity), reporter, hierarchy);
        find(entity, Annotations.TABLE).ifPresent(t -> {
            String schema = annotations.string(t, "schema") + annotations.string(t, "catalog");
            if (!schema.isEmpty()) {
                reporter.warn(JpaProblem.SCHEMA_IGNORED, entity, t, entity.getQualifiedName(), schema, draft.name);
            }
        });
        switch (strategy) {
            case SINGLE_TABLE -> {
                readColumns(entity, draft, false);
                inheritance.discriminator(entity, strategy).ifPresent(draft::add);
                // Hibernate forces the columns of subclass attributes nullable, unless the mapping says otherwise.
                for (TypeElement subclass : hierarchy.subtree(entity).subList(1, hierarchy.subtree(entity).size())) {
                    readColumns(subclass, draft, true);
                }
            }
            case JOINED -> {
                if (superEntity.isPresent()) {
                    inheritance.readJoinedKey(entity, superEntity.get(), draft);
                }
                readColumns(entity, draft, false);
                if (superEntity.isEmpty()) {
                    inheritance.discriminator(entity, strategy).ifPresent(draft::add);
                }
            }
            case TABLE_PER_CLASS -> {
                for (TypeElement declaring : hierarchy.chain(entity)) {
                    readColumns(declaring, draft, false);
                }
            }
        }
        if (superEntity.isEmpty() && draft.columns.values().stream().noneMatch(Column::isPrimaryKey)) {
            reporter.warn(JpaProblem.NO_ID, entity, null, entity.getQualifiedName(), draft.name);
        }
        return draft;
    }

    /** The columns of {@code entity}'s own persistent fields, into {@code draft}. */
    private void readColumns(TypeElement entity, TableDraft draft, boolean singleTableSubclass) {
        for (VariableElement field : hierarchy.declaredFields(entity)) {
            readColumn(entity, field, draft, singleTableSubclass);
        }
    }

    private void readColumn(TypeElement entity, VariableElement field, TableDraft draft, boolean forcedNull) {
        String attribute = field.getSimpleName().toString();
        boolean id = has(field, Annotations.ID) || has(field, Annotations.EMBEDDED_ID);
        if (id && hierarchy.superEntity(entity).isPresent()) {
            reporter.warn(JpaProblem.INHERITANCE, field, null, entity.getQualifiedName(),
                    "declares identifier " + attribute + " but is a subclass of "
                            + hierarchy.root(entity).getQualifiedName() + ", whose key the whole hierarchy shares",
                    "the field is left out", "Remove @Id or @EmbeddedId from the subclass.");
        } else if (has(field, Annotations.EMBEDDED_ID)) {
            embeddables.embeddedColumns(entity, field, field.asType(), attribute, "", embeddables.overrides(field),
                    false).forEach(c -> draft.add(c.primaryKey(), entity));
        } else if (has(field, Annotations.MANY_TO_ONE) || has(field, Annotations.ONE_TO_ONE)) {
            relationships.readToOne(entity, field, draft);
        } else if (has(field, Annotations.ONE_TO_MANY) || has(field, Annotations.MANY_TO_MANY)
                || has(field, Annotations.ELEMENT_COLLECTION)) {
            return; // read by CollectionReader, once, for the entity that declares it
        } else if (embeddables.isEmbedded(field, field.asType())) {
            embeddables.embeddedColumns(entity, field, field.asType(), attribute, "", embeddables.overrides(field),
                    forcedNull).forEach(c -> draft.add(c, entity));
        } else {
            basicColumns.basicColumn(entity, field, field.asType(), attribute,
                    find(field, Annotations.COLUMN).orElse(null), forcedNull)
                    .map(column -> has(field, Annotations.ID) ? idGenerators.idColumn(entity, field, column) : column)
                    .ifPresent(c -> draft.add(c, entity));
        }
    }
}
