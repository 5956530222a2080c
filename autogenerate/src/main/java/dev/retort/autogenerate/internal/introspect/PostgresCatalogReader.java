package dev.retort.autogenerate.internal.introspect;

import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.schema.CheckConstraint;
import dev.retort.runtime.schema.ForeignKey;
import dev.retort.runtime.schema.Index;
import dev.retort.runtime.schema.Metadata;
import dev.retort.runtime.schema.PrimaryKey;
import dev.retort.runtime.schema.Type;
import dev.retort.runtime.schema.UniqueConstraint;
import java.lang.System.Logger.Level;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a PostgreSQL schema from {@code pg_catalog} in four queries: tables with comments
 * and sequences with their start and increment (not those a serial or identity column owns
 * through {@code pg_depend}: they are the column's), columns (type as {@code format_type} writes it, default, identity, comment), constraints
 * with their column names, and the indexes that back no constraint.
 */
final class PostgresCatalogReader implements CatalogReader {

    private static final System.Logger LOG = System.getLogger("dev.retort.autogenerate");

    // Sequences ride on the tables' query, so a schema costs no more queries for having them.
    private static final String TABLES = "SELECT c.relname, obj_description(c.oid, 'pg_class'),"
            + " c.relkind = 'S', s.seqstart, s.seqincrement"
            + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " LEFT JOIN pg_sequence s ON s.seqrelid = c.oid"
            + " WHERE n.nspname = ? AND ((c.relkind IN ('r', 'p') AND NOT c.relispartition)"
            + " OR (c.relkind = 'S' AND NOT EXISTS (SELECT 1 FROM pg_depend d"
            + "   WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid"
            + "   AND d.refclassid = 'pg_class'::regclass AND d.refobjsubid > 0)))";

    private static final String COLUMNS = "SELECT c.relname, a.attname, a.attnum,"
            + " format_type(a.atttypid, a.atttypmod), a.attnotnull, pg_get_expr(d.adbin, d.adrelid),"
            + " a.attidentity, col_description(c.oid, a.attnum), a.attgenerated"
            + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
            + " WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped";

    private static final String CONSTRAINTS = "SELECT c.relname, con.conname, con.contype,"
            + " ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(num, pos)"
            + "   JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.pos),"
            + " fc.relname,"
            + " ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(num, pos)"
            + "   JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num ORDER BY k.pos),"
            + " con.confdeltype, con.confupdtype, pg_get_constraintdef(con.oid), fn.nspname"
            + " FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_class fc ON fc.oid = con.confrelid"
            + " LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace"
            + " WHERE n.nspname = ? AND con.contype IN ('p', 'u', 'f', 'c')";

    // Indexes behind a primary key, unique or exclusion constraint belong to the constraint.
    private static final String INDEXES = "SELECT c.relname, i.relname, x.indisunique,"
            + " ARRAY(SELECT a.attname FROM unnest(x.indkey) WITH ORDINALITY k(num, pos)"
            + "   JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.num ORDER BY k.pos),"
            + " x.indexprs IS NOT NULL OR x.indpred IS NOT NULL"
            + " FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname = ? AND NOT EXISTS (SELECT 1 FROM pg_constraint k"
            + "   WHERE k.conindid = x.indexrelid AND k.contype IN ('p', 'u', 'x'))";

    private static final Pattern SIZED = Pattern.compile("([a-z ]+)\\((\\d+)(?:,(\\d+))?\\)(.*)");

    @Override
    public Metadata read(Connection connection, Dialect dialect, String schema, Predicate<String> includeTable)
            throws SQLException {
        SchemaAssembly assembly = new SchemaAssembly();
        H2CatalogReader.query(connection, TABLES, schema, rs -> {
            String name = dialect.normalizeName(rs.getString(1));
            if (rs.getBoolean(3)) {
                assembly.addSequence(name, rs.getLong(4), rs.getLong(5));
            } else if (includeTable.test(name)) {
                assembly.add(name).comment = Optional.ofNullable(rs.getString(2));
            }
        });
        H2CatalogReader.query(connection, COLUMNS, schema, rs -> {
            SchemaAssembly.Parts parts = assembly.get(dialect.normalizeName(rs.getString(1)));
            if (parts == null) {
                return;
            }
            Type type = type(rs.getString(4));
            String reportedDefault = rs.getString(6);
            // A generated column's expression sits where defaults do: it is no default.
            if ("s".equals(rs.getString(9))) {
                parts.columns.put(rs.getInt(3), SchemaAssembly.column(dialect.normalizeName(rs.getString(2)), type,
                        !rs.getBoolean(5), false, null, rs.getString(8)).computed(reportedDefault, true));
                return;
            }
            // serial columns: an integer column whose default draws from a sequence.
            boolean serial = reportedDefault != null && reportedDefault.startsWith("nextval(") && type.isInteger();
            boolean identity = serial || !rs.getString(7).isEmpty();
            parts.columns.put(rs.getInt(3), SchemaAssembly.column(dialect.normalizeName(rs.getString(2)), type,
                    !rs.getBoolean(5), identity, serial ? null : Defaults.parse(reportedDefault), rs.getString(8)));
        });
        H2CatalogReader.query(connection, CONSTRAINTS, schema, rs -> {
            SchemaAssembly.Parts parts = assembly.get(dialect.normalizeName(rs.getString(1)));
            if (parts == null) {
                return;
            }
            String name = dialect.normalizeName(rs.getString(2));
            List<String> columns = names(rs.getArray(4), dialect);
            switch (rs.getString(3)) {
                case "p" -> parts.primaryKey = new PrimaryKey(Optional.of(name), columns);
                case "u" -> parts.uniques.put(name, new UniqueConstraint(Optional.of(name), columns));
                case "f" -> parts.foreignKeys.put(name, new ForeignKey(Optional.of(name), columns,
                        dialect.normalizeName(rs.getString(5)), names(rs.getArray(6), dialect),
                        SchemaAssembly.action(rs.getString(7)), SchemaAssembly.action(rs.getString(8)),
                        SchemaAssembly.otherSchema(rs.getString(10), schema, dialect)));
                default -> parts.checks.put(name, new CheckConstraint(Optional.of(name), checkCondition(rs.getString(9))));
            }
        });
        H2CatalogReader.query(connection, INDEXES, schema, rs -> {
            SchemaAssembly.Parts parts = assembly.get(dialect.normalizeName(rs.getString(1)));
            if (parts == null) {
                return;
            }
            String name = dialect.normalizeName(rs.getString(2));
            if (rs.getBoolean(5)) {
                LOG.log(Level.WARNING, "Autogenerate skips index {0} of table {1}: it has expressions or a WHERE"
                        + " clause, which the model does not describe; compare it by hand", name, parts.name);
                return;
            }
            parts.indexes.put(name, new Index(name, names(rs.getArray(4), dialect), rs.getBoolean(3)));
        });
        return assembly.build();
    }

    private static List<String> names(Array array, Dialect dialect) throws SQLException {
        if (array == null) {
            return List.of();
        }
        try {
            return SchemaAssembly.names(Arrays.asList((String[]) array.getArray()), dialect);
        } finally {
            array.free();
        }
    }

    /** {@code CHECK ((total >= 0))} is {@code (total >= 0)}. */
    private static String checkCondition(String definition) {
        String text = definition.strip();
        if (text.startsWith("CHECK (") && text.endsWith(")")) {
            return text.substring("CHECK (".length(), text.length() - 1);
        }
        return text;
    }

    /** A type as {@code format_type} writes it, as a portable type; the rest as {@code Type.raw}. */
    static Type type(String formatted) {
        switch (formatted) {
            case "integer": return Type.INTEGER;
            case "bigint": return Type.BIGINT;
            case "smallint": return Type.SMALLINT;
            case "boolean": return Type.BOOLEAN;
            case "text", "character varying": return Type.TEXT;
            case "double precision": return Type.DOUBLE;
            case "real": return Type.REAL;
            case "date": return Type.DATE;
            case "time without time zone": return Type.TIME;
            case "timestamp without time zone": return Type.TIMESTAMP;
            case "timestamp with time zone": return Type.TIMESTAMP_TZ;
            case "bytea": return Type.BINARY;
            case "uuid": return Type.UUID;
            case "jsonb": return Type.JSON;
            default: break;
        }
        Matcher sized = SIZED.matcher(formatted);
        if (sized.matches()) {
            String base = sized.group(1).strip();
            int first = Integer.parseInt(sized.group(2));
            String rest = sized.group(4).strip();
            if (base.equals("character varying") && rest.isEmpty()) {
                return Type.varchar(first);
            }
            if (base.equals("character") && rest.isEmpty()) {
                return Type.character(first);
            }
            int scale = sized.group(3) == null ? 0 : Integer.parseInt(sized.group(3));
            if (base.equals("numeric") && rest.isEmpty() && scale <= first) {
                return Type.numeric(first, scale);
            }
            if (base.equals("time") && rest.equals("without time zone")) {
                return Type.TIME;
            }
            // Six digits is what TIMESTAMP means; timestamp(3) is a type of its own, kept raw so a
            // model's TIMESTAMP is seen to differ from it.
            if (base.equals("timestamp") && first == 6) {
                return rest.equals("with time zone") ? Type.TIMESTAMP_TZ : Type.TIMESTAMP;
            }
        }
        return Type.raw(formatted);
    }
}
