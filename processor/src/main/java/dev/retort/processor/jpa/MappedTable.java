package dev.retort.processor.jpa;

import dev.retort.runtime.schema.Table;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * A table read from the entities, and where it comes from.
 *
 * @param table the table
 * @param entity the entity that maps it, or whose collection it holds
 * @param attribute the collection attribute of a join or collection table; null for the entity's own table
 * @param alsoMapping the subclasses of a SINGLE_TABLE hierarchy's root whose columns the table holds too
 */
public record MappedTable(Table table, TypeElement entity, String attribute, List<TypeElement> alsoMapping) {

    /** A table that one entity, or one of its collections, maps alone. */
    public MappedTable(Table table, TypeElement entity, String attribute) {
        this(table, entity, attribute, List.of());
    }
}
