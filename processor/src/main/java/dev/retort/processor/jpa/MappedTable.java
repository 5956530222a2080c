package dev.retort.processor.jpa;

import dev.retort.runtime.schema.Table;
import javax.lang.model.element.TypeElement;

/**
 * A table read from the entities, and where it comes from.
 *
 * @param table the table
 * @param entity the entity that maps it, or whose collection it holds
 * @param attribute the collection attribute of a join or collection table; null for the entity's own table
 */
public record MappedTable(Table table, TypeElement entity, String attribute) {}
