package dev.retort.autogenerate.internal.introspect;

import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.schema.CheckConstraint;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.ForeignKey;
import dev.retort.runtime.schema.Index;
import dev.retort.runtime.schema.Metadata;
import dev.retort.runtime.schema.PrimaryKey;
import dev.retort.runtime.schema.Type;
import dev.retort.runtime.schema.UniqueConstraint;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a PostgreSQL schema from {@code pg_catalog} in five queries: tables with comments
 * and sequences with their start and increment (not those a serial or identity column owns
 * through {@code pg_depend}: they are the column's), columns (type as {@code format_type} writes it, default, identity or serial, comment), constraints
 * with their column names, the indexes that back no constraint, with their expressions and
 * predicates as PostgreSQL prints them, and enum types with their labels.
 */
final class PostgresCatalogReader implements CatalogReader {

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
            + " a.attidentity, col_description(c.oid, a.attnum), a.attgenerated,"
            // serial: the default draws from a sequence this very column owns (what serial creates);
            // a nextval on any other sequence is a plain default.
            + " EXISTS (SELECT 1 FROM pg_depend ad JOIN pg_depend own ON own.objid = ad.refobjid"
            + "   WHERE ad.classid = 'pg_attrdef'::regclass AND ad.objid = d.oid"
            + "   AND ad.refclassid = 'pg_class'::regclass AND own.classid = 'pg_class'::regclass"
            + "   AND own.refclassid = 'pg_class'::regclass AND own.refobjid = c.oid"
            + "   AND own.refobjsubid = a.attnum AND own.deptype IN ('a', 'i'))"
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
    // Per key position: the column (NULL for an expression) and the position as PostgreSQL
    // prints it (pg_get_indexdef with a column number), and the predicate as it prints it.
    private static final String INDEXES = "SELECT c.relname, i.relname, x.indisunique,"
            + " ARRAY(SELECT a.attname FROM generate_series(1, x.indnatts) k(pos)"
            + "   LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = x.indkey[k.pos - 1]"
            + "   ORDER BY k.pos),"
            + " ARRAY(SELECT pg_get_indexdef(x.indexrelid, k.pos, true) FROM generate_series(1, x.indnatts) k(pos)"
            + "   ORDER BY k.pos),"
            + " pg_get_expr(x.indpred, x.indrelid, true)"
            + " FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname = ? AND NOT EXISTS (SELECT 1 FROM pg_constraint k"
            + "   WHERE k.conindid = x.indexrelid AND k.contype IN ('p', 'u', 'x'))";

    // Enum types (typtype 'e') with their labels in order; an empty schema costs one small query.
    private static final String ENUM_TYPES = "SELECT t.typname,"
            + " ARRAY(SELECT e.enumlabel FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder)"
            + " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = ? AND t.typtype = 'e'";

    // A generated column's expression (its pg_attrdef) depends on each column it reads ('n'),
    // and on the generated column itself ('i'), which is left out.
    private static final String GENERATED_READS = "SELECT ref.attname, gen.attname"
            + " FROM pg_attribute gen JOIN pg_class c ON c.oid = gen.attrelid"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " JOIN pg_attrdef d ON d.adrelid = gen.attrelid AND d.adnum = gen.attnum"
            + " JOIN pg_depend dep ON dep.classid = 'pg_attrdef'::regclass AND dep.objid = d.oid"
            + "   AND dep.refclassid = 'pg_class'::regclass AND dep.refobjid = c.oid AND dep.deptype = 'n'"
            + " JOIN pg_attribute ref ON ref.attrelid = c.oid AND ref.attnum = dep.refobjsubid"
            + " WHERE n.nspname = ? AND c.relname = ? AND gen.attgenerated = 's' AND ref.attnum <> gen.attnum";

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
            boolean serial = reportedDefault != null && reportedDefault.startsWith("nextval(") && type.isInteger()
                    && rs.getBoolean(10);
            Column.AutoIncrement identity = serial ? Column.AutoIncrement.SERIAL
                    : switch (rs.getString(7)) {
                        case "a" -> Column.AutoIncrement.ALWAYS;
                        case "d" -> Column.AutoIncrement.BY_DEFAULT;
                        default -> null;
                    };
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
            List<String> columns = nullableNames(rs.getArray(4));
            List<String> printed = nullableNames(rs.getArray(5));
            List<Index.Element> elements = new ArrayList<>();
            for (int k = 0; k < columns.size(); k++) {
                elements.add(columns.get(k) == null ? Index.Element.expression(printed.get(k))
                        : Index.Element.column(dialect.normalizeName(columns.get(k))));
            }
            parts.indexes.put(name, new Index(name, elements, rs.getBoolean(3), Optional.ofNullable(rs.getString(6))));
        });
        H2CatalogReader.query(connection, ENUM_TYPES, schema, rs -> {
            Array labels = rs.getArray(2);
            try {
                assembly.addEnumType(dialect.normalizeName(rs.getString(1)), Arrays.asList((String[]) labels.getArray()));
            } finally {
                labels.free();
            }
        });
        return assembly.build();
    }

    @Override
    public boolean refusesTypeChangeUnderGeneratedColumns() {
        return true;
    }

    @Override
    public Optional<Map<String, Set<String>>> generatedColumnReads(Connection connection, Dialect dialect,
            String schema, String table) throws SQLException {
        Map<String, Set<String>> reads = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(GENERATED_READS)) {
            statement.setString(1, schema);
            statement.setString(2, table);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    reads.computeIfAbsent(dialect.normalizeName(rs.getString(1)), c -> new LinkedHashSet<>())
                            .add(dialect.normalizeName(rs.getString(2)));
                }
            }
        }
        return Optional.of(reads);
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

    /** The names of an array as they are, a NULL element kept as null. */
    private static List<String> nullableNames(Array array) throws SQLException {
        try {
            return Arrays.asList((String[]) array.getArray());
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
