package dev.retort.runtime.internal.introspect;

import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.SqliteDialect;
import dev.retort.runtime.internal.batch.SqliteTableReader;
import dev.retort.runtime.operation.TableDefinition;
import dev.retort.runtime.schema.CheckConstraint;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Expr;
import dev.retort.runtime.schema.ForeignKey;
import dev.retort.runtime.schema.Index;
import dev.retort.runtime.schema.Metadata;
import dev.retort.runtime.schema.PrimaryKey;
import dev.retort.runtime.schema.Type;
import dev.retort.runtime.schema.UniqueConstraint;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a SQLite database: the table names from {@code sqlite_master} in one query, then
 * each table through batch mode's {@link SqliteTableReader} ({@code PRAGMA table_info},
 * {@code index_list}, {@code index_info}, {@code foreign_key_list}, and the {@code CREATE
 * TABLE} statement for constraint names and checks). SQLite has no catalogue to join, so
 * this is a few pragma calls per table; they run in-process and cost microseconds each.
 *
 * <p>Declared types read back as the portable types {@link SqliteDialect} writes: {@code
 * TEXT} is {@code TEXT} (a JSON column, written as {@code TEXT}, reads as {@code TEXT}),
 * {@code BLOB} is {@code BINARY}, {@code CHAR(36)} is {@code UUID}. The auto-increment
 * key ({@code INTEGER PRIMARY KEY AUTOINCREMENT}, the rowid) reads as {@code BIGINT}: the
 * rowid is a 64-bit integer whatever the model called it. No comments: SQLite keeps none.
 */
final class SqliteCatalogReader implements CatalogReader {

    private static final Logger LOG = Logger.getLogger(SqliteCatalogReader.class.getName());

    private static final Pattern SIZED = Pattern.compile("([A-Z ]+?)\\s*\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)");

    @Override
    public String currentSchema(Connection connection) {
        return "main";
    }

    @Override
    public Metadata read(Connection connection, Dialect dialect, String schema, Predicate<String> includeTable)
            throws SQLException {
        if (!(dialect instanceof SqliteDialect sqlite)) {
            throw new IllegalArgumentException("The SQLite reader needs the sqlite dialect, not " + dialect.name());
        }
        Optional<String> attached = schema.equals("main") ? Optional.empty() : Optional.of(schema);
        List<String> tables = new ArrayList<>();
        String listing = "SELECT name FROM " + attached.map(s -> dialect.quote(s) + ".").orElse("")
                + "sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'";
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(listing)) {
            while (rs.next()) {
                if (includeTable.test(rs.getString(1))) {
                    tables.add(rs.getString(1));
                }
            }
        }
        SchemaAssembly assembly = new SchemaAssembly();
        SqliteTableReader reader = new SqliteTableReader(sqlite, connection, attached);
        for (String table : tables) {
            TableDefinition definition = reader.readAll(table);
            SchemaAssembly.Parts parts = assembly.add(table);
            int position = 0;
            List<String> key = new ArrayList<>();
            for (Column column : definition.columns()) {
                Type type = column.isAutoIncrement() ? Type.BIGINT : type(column.type());
                boolean nullable = column.isNullable() && !column.isPrimaryKey();
                Expr serverDefault = column.serverDefault().map(e -> defaultOf(e, type)).orElse(null);
                parts.columns.put(position++, SchemaAssembly.column(column.name(), type, nullable,
                        column.isAutoIncrement(), serverDefault, null));
                if (column.isPrimaryKey()) {
                    key.add(column.name());
                }
                if (column.isUnique()) {
                    parts.uniques.put("\u0000" + column.name(),
                            new UniqueConstraint(Optional.empty(), List.of(column.name())));
                }
            }
            if (!key.isEmpty()) {
                parts.primaryKey = new PrimaryKey(Optional.empty(), key);
            }
            for (TableDefinition.UniqueConstraint unique : definition.uniqueConstraints()) {
                parts.uniques.put(unique.name().orElse("\u0000" + String.join(",", unique.columns())),
                        new UniqueConstraint(unique.name(), unique.columns()));
            }
            int unnamed = 0;
            for (TableDefinition.CheckConstraint check : definition.checkConstraints()) {
                parts.checks.put(check.name().orElse("\u0000" + unnamed++),
                        new CheckConstraint(check.name(), check.sql()));
            }
            for (TableDefinition.ForeignKey foreignKey : definition.foreignKeys()) {
                parts.foreignKeys.put(foreignKey.name().orElse("\u0000" + String.join(",", foreignKey.columns())),
                        new ForeignKey(foreignKey.name(), foreignKey.columns(), foreignKey.referentTable(),
                                foreignKey.referentColumns(), foreignKey.onDelete(), foreignKey.onUpdate()));
            }
            for (TableDefinition.Index index : definition.indexes()) {
                parts.indexes.put(index.name(), new Index(index.name(), index.columns(), index.unique()));
            }
            for (String skipped : reader.skippedIndexes()) {
                LOG.log(Level.WARNING, "Autogenerate skips index {0} of table {1}: it is partial or on expressions,"
                        + " which the model does not describe; compare it by hand", new Object[] {skipped, table});
            }
        }
        return assembly.build();
    }

    /** A default as SQLite keeps its SQL text; a boolean's {@code 1}/{@code 0} is {@code TRUE}/{@code FALSE}. */
    private static Expr defaultOf(Expr reported, Type type) {
        Expr parsed = reported instanceof Expr.Raw raw ? Defaults.parse(raw.sql()) : reported;
        if (type.kind() == Type.Kind.BOOLEAN && parsed instanceof Expr.Literal literal
                && literal.value() instanceof Number number) {
            return Expr.literal(number.intValue() != 0);
        }
        return parsed;
    }

    /** A declared type, as batch mode's reader keeps it, as the portable type SqliteDialect writes for it. */
    static Type type(Type declared) {
        if (declared.kind() != Type.Kind.RAW) {
            return declared;
        }
        String upper = declared.rawSql().strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        switch (upper) {
            case "INTEGER", "INT": return Type.INTEGER;
            case "BIGINT": return Type.BIGINT;
            case "SMALLINT": return Type.SMALLINT;
            case "BOOLEAN": return Type.BOOLEAN;
            case "TEXT": return Type.TEXT;
            case "DOUBLE", "DOUBLE PRECISION": return Type.DOUBLE;
            case "DATE": return Type.DATE;
            case "TIME": return Type.TIME;
            case "TIMESTAMP": return Type.TIMESTAMP;
            case "TIMESTAMP WITH TIME ZONE": return Type.TIMESTAMP_TZ;
            case "BLOB": return Type.BINARY;
            case "JSON": return Type.JSON;
            case "UUID": return Type.UUID;
            default: break;
        }
        Matcher sized = SIZED.matcher(upper);
        if (sized.matches()) {
            String base = sized.group(1).strip();
            int first = Integer.parseInt(sized.group(2));
            if (sized.group(3) == null && base.equals("VARCHAR")) {
                return Type.varchar(first);
            }
            if (sized.group(3) == null && base.equals("CHAR") && first == 36) {
                return Type.UUID;
            }
            if (base.equals("NUMERIC") || base.equals("DECIMAL")) {
                return Type.numeric(first, sized.group(3) == null ? 0 : Integer.parseInt(sized.group(3)));
            }
        }
        return declared;
    }
}
