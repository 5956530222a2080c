package dev.retort.autogenerate;

import java.util.Objects;
import java.util.Optional;

/**
 * An object autogenerate is about to compare, as handed to {@link
 * CompareOptions#includeObject}: like Alembic's {@code include_object(object, name, type_,
 * reflected, compare_to)}.
 *
 * <pre>{@code
 * CompareOptions.defaults().includeObject(object ->
 *     !(object.kind() == SchemaObject.Kind.INDEX && object.name().orElse("").startsWith("legacy_")))
 * }</pre>
 *
 * @param kind what the object is
 * @param table the table it belongs to (for a table or a sequence, its own name)
 * @param name the object's name; empty for an unnamed constraint of the model
 * @param inModel true when the target model has it
 * @param inDatabase true when the database has it
 * @param schema the schema of its table (or of the sequence); empty for the connection's
 *     current schema
 */
public record SchemaObject(Kind kind, String table, Optional<String> name, boolean inModel, boolean inDatabase,
        Optional<String> schema) {

    /** What kind of object it is. */
    public enum Kind {
        /** A table. */
        TABLE,
        /** A column of a table. */
        COLUMN,
        /** An index. */
        INDEX,
        /** A unique constraint. */
        UNIQUE_CONSTRAINT,
        /** A foreign key. */
        FOREIGN_KEY,
        /** A sequence, which belongs to no table. */
        SEQUENCE,
        /** A check constraint, compared by name. */
        CHECK_CONSTRAINT,
        /** A table's primary key, compared by its columns. */
        PRIMARY_KEY,
        /** A PostgreSQL enum type, which belongs to no table. */
        ENUM_TYPE
    }

    /** Validates the parts. */
    public SchemaObject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(schema, "schema");
    }

    /** An object of the connection's current schema. */
    public SchemaObject(Kind kind, String table, Optional<String> name, boolean inModel, boolean inDatabase) {
        this(kind, table, name, inModel, inDatabase, Optional.empty());
    }
}
