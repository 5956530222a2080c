package dev.retort.runtime.operation;

import dev.retort.runtime.internal.Values;
import dev.retort.runtime.schema.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Inserts rows into a table: online as JDBC batches of {@link #batchSize()} rows through
 * one prepared statement, offline as {@code INSERT} statements of up to {@code batchSize}
 * rows with every value written as a literal. Alembic's {@code bulk_insert}.
 *
 * <p>Declare each column with its {@link Type}, so values are checked before anything
 * runs, bound as that type online and written as that type's literal offline:
 *
 * <pre>{@code
 * op.bulkInsert(BulkInsert.into("account")
 *     .column("id", Type.BIGINT)
 *     .column("name", Type.varchar(50))
 *     .column("created_at", Type.TIMESTAMP)
 *     .row(1L, "ada", LocalDateTime.parse("1843-07-01T00:00"))
 *     .row(2L, "grace", null));
 * }</pre>
 *
 * <p>Which Java values a type takes: integers ({@code Integer}, {@code Long}, {@code
 * Short}, {@code BigInteger}, range-checked) for the integer types; {@code BigDecimal} or
 * any integer or {@code Double} for {@code NUMERIC}; {@code Double}, {@code Float}, {@code
 * Integer}, {@code Long} or {@code Short} for {@code DOUBLE} and {@code REAL}; {@code Boolean}; {@code
 * String} for text and for {@code JSON} (the JSON text); {@code LocalDate}, {@code
 * LocalTime}, {@code LocalDateTime} (or their {@code java.sql} forms); {@code
 * OffsetDateTime}, {@code ZonedDateTime} or {@code Instant} for {@code TIMESTAMP_TZ};
 * {@code UUID} (or its text); {@code byte[]}; and {@code null}
 * anywhere. A {@link Type#raw raw} type takes any of them.
 *
 * @param schema the table's schema; empty for the connection's current schema
 * @param table the table
 * @param columns the columns each row gives values for, in order; at least one
 * @param rows the rows, each with one value per column (nulls allowed), already brought to
 *     the column's type; may be empty (then nothing runs)
 * @param batchSize rows per JDBC batch online and per {@code INSERT} statement offline
 */
public record BulkInsert(Optional<String> schema, String table, List<InsertColumn> columns, List<List<Object>> rows,
        int batchSize) implements Operation {

    /** The batch size unless {@link Builder#batchSize(int)} says otherwise. */
    public static final int DEFAULT_BATCH_SIZE = 1_000;

    /**
     * Checks every row against the columns and brings each value to its column's type.
     *
     * @throws IllegalArgumentException for no columns, a column named twice, a row of the
     *     wrong length, a value its column's type cannot take, or a batch size below one;
     *     the message names the row and column
     */
    public BulkInsert {
        schema = Checks.schema(schema);
        Checks.name("table name", table);
        Objects.requireNonNull(columns, "columns");
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("Bulk insert into " + table
                    + " needs at least one column: BulkInsert.into(table).column(\"id\", Type.BIGINT)…");
        }
        var names = new HashSet<String>();
        for (InsertColumn column : columns) {
            if (!names.add(Objects.requireNonNull(column, "column").name())) {
                throw new IllegalArgumentException("Bulk insert into " + table + " names column " + column.name()
                        + " twice");
            }
        }
        columns = List.copyOf(columns);
        if (batchSize < 1) {
            throw new IllegalArgumentException("Bulk insert into " + table + " needs a batch size of at least 1, was "
                    + batchSize);
        }
        Objects.requireNonNull(rows, "rows");
        var checked = new ArrayList<List<Object>>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            checked.add(checkRow(table, columns, i, Objects.requireNonNull(rows.get(i), "row").toArray()));
        }
        rows = Collections.unmodifiableList(checked);
    }

    /**
     * Starts a bulk insert into {@code table}: declare its columns, then add rows.
     *
     * <pre>{@code
     * BulkInsert.into("account").column("id", Type.BIGINT).column("name", Type.varchar(50)).row(1L, "ada")
     * }</pre>
     */
    public static Builder into(String table) {
        return new Builder(table);
    }

    /**
     * Rows given as maps from column name to value, as Alembic's {@code bulk_insert(table,
     * [{...}, ...])}. The columns are every key of every map, in alphabetical order (so an
     * offline script is the same from run to run); a map without a key inserts {@code null}
     * there. Column types are not declared, so each value is bound and written by its Java
     * class: prefer {@link #into(String)} with typed columns for {@code JSON}, {@code UUID}
     * on databases without a UUID type, or a {@code null} that needs a type.
     *
     * @throws IllegalArgumentException when {@code rows} is empty (there would be no
     *     columns) or a value has a class Retort cannot send
     */
    public static BulkInsert fromMaps(String table, List<? extends Map<String, ?>> rows) {
        Objects.requireNonNull(rows, "rows");
        var names = new TreeSet<String>();
        for (Map<String, ?> row : rows) {
            names.addAll(Objects.requireNonNull(row, "row").keySet());
        }
        Builder builder = into(table);
        names.forEach(builder::column);
        return builder.rows(rows).build();
    }

    /** This insert into a table of {@code schema}. */
    public BulkInsert inSchema(String schema) {
        return new BulkInsert(Optional.of(schema), table, columns, rows, batchSize);
    }

    /** Names the table, the columns and the number of rows, not every row. */
    @Override
    public String toString() {
        return "BulkInsert[" + schema.map(s -> s + ".").orElse("") + table + " ("
                + columns.stream().map(InsertColumn::toString).collect(Collectors.joining(", ")) + "), "
                + rows.size() + " row(s)]";
    }

    private static List<Object> checkRow(String table, List<InsertColumn> columns, int index, Object[] values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("Row " + (index + 1) + " of bulk insert into " + table + " has "
                    + values.length + " value(s), but " + columns.size() + " column(s) are declared: "
                    + columns.stream().map(InsertColumn::name).toList());
        }
        Object[] copy = new Object[values.length];
        for (int c = 0; c < values.length; c++) {
            InsertColumn column = columns.get(c);
            int col = c;
            copy[c] = column.type().isPresent()
                    ? Values.forType(values[c], column.type().get(), () -> where(table, index, columns.get(col)))
                    : Values.canonical(values[c], () -> where(table, index, columns.get(col)));
        }
        return Collections.unmodifiableList(Arrays.asList(copy));
    }

    private static String where(String table, int index, InsertColumn column) {
        return "Row " + (index + 1) + ", column " + column.name() + " of bulk insert into " + table;
    }

    /**
     * A column a bulk insert gives values for.
     *
     * @param name the column's name
     * @param type its type, which checks, binds and renders the values; empty to go by
     *     each value's Java class
     */
    public record InsertColumn(String name, Optional<Type> type) {

        /** @throws IllegalArgumentException for a blank name */
        public InsertColumn {
            Checks.name("column name", name);
            Objects.requireNonNull(type, "type (use Optional.empty() to go by each value's class)");
        }

        /** {@code name TYPE}, or the bare name. */
        @Override
        public String toString() {
            return type.map(t -> name + " " + t).orElse(name);
        }
    }

    /** Collects the columns and rows of a {@link BulkInsert}. */
    public static final class Builder {

        private final String table;
        private final List<InsertColumn> columns = new ArrayList<>();
        private final List<List<Object>> rows = new ArrayList<>();
        private Optional<String> schema = Optional.empty();
        private int batchSize = DEFAULT_BATCH_SIZE;

        private Builder(String table) {
            this.table = Checks.name("table name", table);
        }

        /** The table's schema; by default the connection's current schema. */
        public Builder schema(String schema) {
            this.schema = Optional.of(schema);
            return this;
        }

        /**
         * Declares the next column and its type; declare every column before the first row.
         *
         * @throws IllegalStateException after a row was added
         */
        public Builder column(String name, Type type) {
            return addColumn(new InsertColumn(name, Optional.of(Objects.requireNonNull(type, "type"))));
        }

        /**
         * Declares the next column without a type: its values are bound and written by
         * their Java class. Prefer {@link #column(String, Type)}.
         *
         * @throws IllegalStateException after a row was added
         */
        public Builder column(String name) {
            return addColumn(new InsertColumn(name, Optional.empty()));
        }

        private Builder addColumn(InsertColumn column) {
            if (!rows.isEmpty()) {
                throw new IllegalStateException("Declare every column of bulk insert into " + table
                        + " before its first row; column " + column.name() + " came after " + rows.size() + " row(s)");
            }
            columns.add(column);
            return this;
        }

        /**
         * Adds a row: one value per declared column, in their order. The values are checked
         * against the columns' types now, so a wrong one fails at this call.
         *
         * @throws IllegalArgumentException for the wrong number of values or a value its column cannot take
         */
        public Builder row(Object... values) {
            Objects.requireNonNull(values, "values (for a single null value write row((Object) null))");
            rows.add(checkRow(table, columns, rows.size(), values));
            return this;
        }

        /**
         * Adds a row given as a map from column name to value; a declared column missing
         * from the map gets {@code null}.
         *
         * @throws IllegalArgumentException for a key that is not a declared column
         */
        public Builder row(Map<String, ?> values) {
            Objects.requireNonNull(values, "values");
            Object[] row = new Object[columns.size()];
            int found = 0;
            for (int c = 0; c < row.length; c++) {
                String name = columns.get(c).name();
                if (values.containsKey(name)) {
                    row[c] = values.get(name);
                    found++;
                }
            }
            if (found != values.size()) {
                var declared = columns.stream().map(InsertColumn::name).collect(Collectors.toSet());
                var unknown = new TreeSet<>(values.keySet());
                unknown.removeAll(declared);
                throw new IllegalArgumentException("Row " + (rows.size() + 1) + " of bulk insert into " + table
                        + " has value(s) for " + unknown + ", which are not declared columns "
                        + columns.stream().map(InsertColumn::name).toList() + "; declare them with column(name, type)");
            }
            return row(row);
        }

        /** Adds each map as a row; see {@link #row(Map)}. */
        public Builder rows(List<? extends Map<String, ?>> rows) {
            Objects.requireNonNull(rows, "rows").forEach(this::row);
            return this;
        }

        /**
         * Rows per JDBC batch online and per {@code INSERT} statement offline; {@value
         * BulkInsert#DEFAULT_BATCH_SIZE} unless set.
         */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("The batch size of bulk insert into " + table
                        + " must be at least 1, was " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /** The insert. */
        public BulkInsert build() {
            return new BulkInsert(schema, table, columns, rows, batchSize);
        }
    }

    /** None: see the class description. */
    @Override
    public Optional<Operation> reverse() {
        return Optional.empty();
    }

    @Override
    public <R> R accept(Operation.Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
