package dev.retort.processor.jpa;

/**
 * What the entity reader could not map. The processor turns each into a tagged compile
 * warning of its message catalogue; the arguments are listed per constant, in order.
 */
public enum JpaProblem {
    /** An attribute whose Java type has no portable column type: entity, attribute, Java type. */
    UNSUPPORTED_TYPE,
    /** A mapping the reader does not model: entity, attribute, what it is. */
    UNSUPPORTED_MAPPING,
    /**
     * A hierarchy annotation that Hibernate ignores or refuses where it stands, or a hierarchy
     * the package cannot hold: entity, what it declares or is, what GeneratedSchema does, what to do.
     */
    INHERITANCE,
    /**
     * Join columns to an entity whose rows live in several tables (TABLE_PER_CLASS), so no
     * foreign key: entity, attribute, join columns, referenced entity, its tables.
     */
    NO_FOREIGN_KEY,
    /** An entity mapped by property access (annotations on getters): entity. */
    PROPERTY_ACCESS,
    /** An entity without {@code @Id}: entity, table. */
    NO_ID,
    /** A relationship to an entity whose key cannot be referenced: entity, attribute, target, why. */
    UNRESOLVED_TARGET,
    /**
     * A generated key whose table or generator is not part of the model: entity, attribute, how it
     * is generated (a phrase such as "with strategy TABLE, whose table or generator").
     */
    GENERATOR_NOT_MODELLED,
    /**
     * Two generators give one sequence different values: entity, sequence, its start and
     * increment, the entity that declared the sequence first, that one's start and increment.
     */
    SEQUENCE_CONFLICT,
    /** {@code @Table(schema)} or {@code catalog} given: entity, schema, table. */
    SCHEMA_IGNORED,
    /** An index or unique constraint naming a column the table lacks: entity, what, column, table. */
    UNKNOWN_COLUMN,
    /** The table the entity maps to is inconsistent: entity, table, reason. */
    INVALID_TABLE,
    /** A name quoted for Hibernate, which the model holds bare: entity, what it names, the name, without quotes. */
    QUOTED_NAME
}
