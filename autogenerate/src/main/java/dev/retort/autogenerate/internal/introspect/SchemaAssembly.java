package dev.retort.autogenerate.internal.introspect;

import dev.retort.runtime.schema.CheckConstraint;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.EnumType;
import dev.retort.runtime.schema.ForeignKey;
import dev.retort.runtime.schema.Index;
import dev.retort.runtime.schema.Metadata;
import dev.retort.runtime.schema.PrimaryKey;
import dev.retort.runtime.schema.ReferentialAction;
import dev.retort.runtime.schema.Sequence;
import dev.retort.runtime.schema.Table;
import dev.retort.runtime.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Collects the rows of the catalogue queries per table, in any order, and builds the
 * {@link Metadata} at the end: tables by name, columns by position, constraints and
 * indexes by name, sequences by name, so the result does not depend on the order the database returns rows.
 */
final class SchemaAssembly {

    /** The parts of one table read so far. */
    static final class Parts {
        final String name;
        Optional<String> comment = Optional.empty();
        final TreeMap<Integer, Column> columns = new TreeMap<>();
        PrimaryKey primaryKey;
        final TreeMap<String, Index> indexes = new TreeMap<>();
        final TreeMap<String, UniqueConstraint> uniques = new TreeMap<>();
        final TreeMap<String, ForeignKey> foreignKeys = new TreeMap<>();
        final TreeMap<String, CheckConstraint> checks = new TreeMap<>();

        Parts(String name) {
            this.name = name;
        }
    }

    private final Map<String, Parts> tables = new TreeMap<>();
    private final Map<String, Sequence> sequences = new TreeMap<>();
    private final Map<String, EnumType> enumTypes = new TreeMap<>();

    /** Registers a PostgreSQL enum type read from the catalogue, its labels in order. */
    void addEnumType(String name, List<String> values) {
        enumTypes.put(name, EnumType.of(name, values));
    }

    /** Registers a sequence read from the catalogue, by name as a migration writes it. */
    void addSequence(String name, long start, long increment) {
        sequences.put(name, Sequence.of(name).startWith(start).incrementBy(increment));
    }

    /** Registers a table; rows for unregistered tables (views, excluded tables) are ignored. */
    Parts add(String name) {
        return tables.computeIfAbsent(name, Parts::new);
    }

    /** The table's parts, or null when the table is not read. */
    Parts get(String name) {
        return tables.get(name);
    }

    Metadata build() {
        Metadata.Builder metadata = Metadata.builder();
        for (Parts parts : tables.values()) {
            if (parts.columns.isEmpty()) {
                continue;
            }
            Table.Builder table = Table.builder(parts.name);
            parts.columns.values().forEach(table::column);
            if (parts.primaryKey != null) {
                table.primaryKey(parts.primaryKey);
            }
            parts.indexes.values().forEach(table::index);
            parts.uniques.values().forEach(table::unique);
            parts.foreignKeys.values().forEach(table::foreignKey);
            parts.checks.values().forEach(table::check);
            parts.comment.ifPresent(table::comment);
            metadata.table(table.build());
        }
        sequences.values().forEach(metadata::sequence);
        enumTypes.values().forEach(metadata::enumType);
        return metadata.build();
    }

    /** {@code NO ACTION}, the default, is no action stated: the model writes it as empty. */
    static Optional<ReferentialAction> action(String rule) {
        if (rule == null) {
            return Optional.empty();
        }
        return switch (rule.trim().toUpperCase(java.util.Locale.ROOT)) {
            case "CASCADE", "C" -> Optional.of(ReferentialAction.CASCADE);
            case "SET NULL", "N" -> Optional.of(ReferentialAction.SET_NULL);
            case "SET DEFAULT", "D" -> Optional.of(ReferentialAction.SET_DEFAULT);
            case "RESTRICT", "R" -> Optional.of(ReferentialAction.RESTRICT);
            default -> Optional.empty();
        };
    }

    /** A column as read: nullability, identity, default and comment applied in the order Column allows. */
    static Column column(String name, dev.retort.runtime.schema.Type type, boolean nullable, boolean identity,
            dev.retort.runtime.schema.Expr serverDefault, String comment) {
        return column(name, type, nullable, identity ? Column.AutoIncrement.BY_DEFAULT : null, serverDefault, comment);
    }

    /** A column as read, numbered as {@code identity} says (null: not numbered). */
    static Column column(String name, dev.retort.runtime.schema.Type type, boolean nullable,
            Column.AutoIncrement identity, dev.retort.runtime.schema.Expr serverDefault, String comment) {
        Column column = Column.of(name, type);
        if (!nullable) {
            column = column.notNull();
        }
        if (identity != null && type.isInteger()) {
            column = column.autoIncrement(identity);
        } else if (serverDefault != null) {
            column = column.serverDefault(serverDefault);
        }
        if (comment != null) {
            column = column.comment(comment);
        }
        return column;
    }

    /** A foreign key's referent schema as the model writes it: empty when it is the schema read. */
    static Optional<String> otherSchema(String referentSchema, String schemaRead,
            dev.retort.runtime.dialect.Dialect dialect) {
        return referentSchema == null || referentSchema.equals(schemaRead) ? Optional.empty()
                : Optional.of(dialect.normalizeName(referentSchema));
    }

    static List<String> names(List<String> reported, dev.retort.runtime.dialect.Dialect dialect) {
        List<String> names = new ArrayList<>(reported.size());
        reported.forEach(n -> names.add(dialect.normalizeName(n)));
        return names;
    }
}
