package dev.retort.bench;

import dev.retort.autogenerate.CompareOptions;
import dev.retort.autogenerate.Comparison;
import dev.retort.autogenerate.Introspection;
import dev.retort.runtime.MigrationRegistry;
import dev.retort.runtime.MigrationResult;
import dev.retort.runtime.Migrator;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.H2Dialect;
import dev.retort.runtime.dialect.PostgresDialect;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Metadata;
import dev.retort.runtime.schema.Type;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One contender in a fresh JVM: {@code retort} (GeneratedMigrations.upgradeToHead), {@code
 * query} (connect and read the version table once), {@code jdbc} (the workload's SQL, one
 * transaction per migration with its version-table change), {@code flyway} (migrate), {@code
 * sql} (Retort's offline SQL of every revision, written to a file), {@code script} (the same
 * statements written to a file by plain Java), {@code compare} (autogenerate: read the schema
 * and compare it with a model of the workload's tables) or {@code metadata} (the schema's
 * tables and columns through plain {@code DatabaseMetaData}). Prints {@code RESULT <count>}
 * (migrations applied, revisions written, tables compared or read), so the parent checks that
 * each did the work, then {@code STATS <cpu ms> <peak RSS kB> <heap after GC kB>} read from
 * {@code /proc/self} (the heap only with {@code -Dbench.memory=true}, which adds a full GC).
 *
 * <p>Arguments: mode, JDBC URL, revision count, Flyway script directory, output file.
 */
public final class UpgradeProbe {

    private UpgradeProbe() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        DataSource dataSource = dataSource(args[1]);
        int revisions = Integer.parseInt(args[2]);
        Path output = Path.of(args[4]);
        Object[] result = new Object[1];
        int applied = switch (mode) {
            case "retort" -> retort(dataSource, result);
            case "query" -> query(dataSource);
            case "jdbc" -> jdbc(dataSource, revisions);
            case "flyway" -> Flyway.configure().dataSource(dataSource)
                    .locations("filesystem:" + Path.of(args[3]).toAbsolutePath())
                    .load().migrate().migrationsExecuted;
            case "sql" -> offlineSql(dialect(args[1]), output);
            case "script" -> script(revisions, output);
            case "compare" -> compare(dataSource, dialect(args[1]), revisions);
            case "metadata" -> metadata(dataSource);
            default -> throw new IllegalArgumentException(mode);
        };
        System.out.println("RESULT " + applied);
        long heap = -1;
        if (Boolean.getBoolean("bench.memory")) {
            // What stays reachable after the run, the result included: a full GC, then the heap in use.
            System.gc();
            heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1024;
            Reference.reachabilityFence(result);
        }
        System.out.println("STATS " + cpuMillis() + " " + peakRssKb() + " " + heap );
    }

    /** User plus system CPU time of this process, all threads (JIT and GC included), from /proc/self/stat. */
    private static long cpuMillis() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        // Fields after the command name, which ends with the last ')': utime and stime are the 14th and 15th.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 10; // USER_HZ is 100 on Linux
    }

    /** The process's peak resident set (VmHWM), in kB. */
    private static long peakRssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private static Dialect dialect(String url) {
        return url.startsWith("jdbc:h2:") ? new H2Dialect() : new PostgresDialect();
    }

    private static MigrationRegistry registry() throws ReflectiveOperationException {
        return (MigrationRegistry) Class.forName(Workload.PACKAGE + ".GeneratedMigrations")
                .getField("REGISTRY").get(null);
    }

    static DataSource dataSource(String url) {
        if (url.startsWith("jdbc:h2:")) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(url);
            h2.setUser("sa");
            return h2;
        }
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setURL(url);
        return postgres;
    }

    private static int retort(DataSource dataSource, Object[] keep) throws Exception {
        Method upgrade = Class.forName(Workload.PACKAGE + ".GeneratedMigrations")
                .getMethod("upgradeToHead", DataSource.class);
        MigrationResult result = (MigrationResult) upgrade.invoke(null, dataSource);
        keep[0] = result;
        return result.steps().size();
    }

    /** Retort's offline SQL from base to head, as {@code retort upgrade head --sql} writes it. */
    private static int offlineSql(Dialect dialect, Path output) throws Exception {
        try (Writer out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            return Migrator.builder(registry()).dialect(dialect).build().sql(out).upgrade("head").steps().size();
        }
    }

    /** The floor of an offline script: the same statements and version-table changes, written by plain Java. */
    private static int script(int revisions, Path output) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            out.write("CREATE TABLE retort_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY);\n\n");
            for (int i = 0; i < revisions; i++) {
                out.write("BEGIN;\n\n-- Running upgrade " + (i == 0 ? "" : Workload.id(i - 1)) + " -> "
                        + Workload.id(i) + "\n\n");
                for (String sql : Workload.statements(i)) {
                    out.write(sql + ";\n\n");
                }
                out.write(i == 0 ? "INSERT INTO retort_version (version_num) VALUES ('" + Workload.id(0) + "');\n\n"
                        : "UPDATE retort_version SET version_num='" + Workload.id(i) + "' WHERE version_num = '"
                        + Workload.id(i - 1) + "';\n\n");
                out.write("COMMIT;\n\n");
            }
        }
        return revisions;
    }

    /**
     * Autogenerate's compare at head: the schema read by {@link Introspection}, compared with
     * a model of the workload's tables, which it matches (no change expected).
     */
    private static int compare(DataSource dataSource, Dialect dialect, int revisions) throws Exception {
        Metadata.Builder model = Metadata.builder();
        for (int i = 0; i < revisions; i++) {
            String t = Workload.table(i);
            int n = i;
            model.table(t, table -> {
                table.column(Column.of("id", Type.INTEGER).primaryKey())
                        .column(Column.of("ref", Type.INTEGER))
                        .column(Column.of("name", Type.varchar(50)))
                        .index("ix_" + t, "name");
                if (n > 0 && n % 10 == 0) {
                    table.foreignKey("ref", Workload.table(n - 1), "id");
                }
            });
        }
        Metadata target = model.build();
        try (Connection c = dataSource.getConnection()) {
            Metadata database = Introspection.read(c, dialect);
            Comparison comparison = Comparison.compare(target, database, CompareOptions.defaults().forDialect(dialect));
            if (!comparison.isEmpty()) {
                throw new IllegalStateException("expected no change, found " + comparison);
            }
            return database.tables().size();
        }
    }

    /** The floor of reading a schema: its tables and their columns, two metadata queries. */
    private static int metadata(DataSource dataSource) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            String schema = c.getSchema();
            Set<String> tables = new HashSet<>();
            try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String table = rs.getString("TABLE_NAME");
                    // The workload's tables, not the version, lock and journal tables.
                    if (table.matches("(?i)t\\d{5}")) {
                        tables.add(table);
                    }
                }
            }
            int columns = 0;
            try (ResultSet rs = meta.getColumns(null, schema, "%", "%")) {
                while (rs.next()) {
                    columns += tables.contains(rs.getString("TABLE_NAME")) ? 1 : 0;
                }
            }
            if (columns != 3 * tables.size()) {
                throw new IllegalStateException(columns + " columns in " + tables.size() + " tables");
            }
            return tables.size();
        }
    }

    private static int query(DataSource dataSource) throws Exception {
        try (Connection c = dataSource.getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version_num FROM retort_version")) {
            if (!rs.next()) {
                throw new IllegalStateException("version table is empty");
            }
        }
        return 0;
    }

    /** What a hand-written runner would do: the same statements, a transaction per migration. */
    private static int jdbc(DataSource dataSource, int revisions) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS retort_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)");
            }
            c.setAutoCommit(false);
            try (Statement s = c.createStatement();
                 PreparedStatement insert = c.prepareStatement("INSERT INTO retort_version (version_num) VALUES (?)");
                 PreparedStatement update = c.prepareStatement(
                         "UPDATE retort_version SET version_num = ? WHERE version_num = ?")) {
                for (int i = 0; i < revisions; i++) {
                    for (String sql : Workload.statements(i)) {
                        s.execute(sql);
                    }
                    if (i == 0) {
                        insert.setString(1, Workload.id(0));
                        insert.executeUpdate();
                    } else {
                        update.setString(1, Workload.id(i));
                        update.setString(2, Workload.id(i - 1));
                        if (update.executeUpdate() != 1) {
                            throw new IllegalStateException("version row not updated at " + i);
                        }
                    }
                    c.commit();
                }
            }
        }
        return revisions;
    }
}
