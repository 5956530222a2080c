package dev.retort.processor.jpa;

import dev.retort.runtime.schema.Sequence;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * A sequence Hibernate draws generated ids from, and the entities that draw from it.
 *
 * @param sequence the sequence, with the generator's initial value and allocation size
 * @param entities the entities whose {@code @GeneratedValue} uses it, in the order they were read
 */
public record MappedSequence(Sequence sequence, List<TypeElement> entities) {}
