package dev.retort.autogenerate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.operation.AlterColumn;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Expr;
import dev.retort.runtime.schema.Metadata;
import dev.retort.runtime.schema.Type;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Server defaults compared by meaning: a default the database spells its own way (a cast,
 * {@code now()} for {@code CURRENT_TIMESTAMP}, {@code 5.00} for {@code 5}, {@code 1 + 1} for
 * {@code 2}) is no change; a real change is one {@code AlterColumn}, and once applied the
 * comparison is clean although the database writes the new default back in its spelling.
 */
class ServerDefaultComparisonTest {

    private static final CompareOptions DEFAULTS_ON = CompareOptions.defaults().compareServerDefaults(true);

    /** The "before" table, in each database's own SQL, with defaults the way a DBA would write them. */
    private static final Map<String, String> BEFORE = Map.of(
            "postgresql", "CREATE TABLE item (id BIGINT PRIMARY KEY, qty BIGINT DEFAULT '0'::bigint,"
                    + " price NUMERIC(10, 2) DEFAULT '5'::numeric, added TIMESTAMP DEFAULT timezone('utc'::text, now()),"
                    + " seen TIMESTAMP DEFAULT timezone('UTC', now()), twice INTEGER DEFAULT (1 + 1),"
                    + " label VARCHAR(20) DEFAULT 'ABC')",
            "mariadb", "CREATE TABLE item (id BIGINT PRIMARY KEY, qty BIGINT DEFAULT '0',"
                    + " price DECIMAL(10, 2) DEFAULT 5, added DATETIME(6) NULL DEFAULT current_timestamp(6),"
                    + " seen DATETIME(6) NULL DEFAULT now(6), twice INTEGER DEFAULT (1 + 1),"
                    + " label VARCHAR(20) DEFAULT 'ABC')",
            "h2", "CREATE TABLE item (id BIGINT PRIMARY KEY, qty BIGINT DEFAULT CAST('0' AS BIGINT),"
                    + " price NUMERIC(10, 2) DEFAULT 5, added TIMESTAMP DEFAULT CURRENT_TIMESTAMP,"
                    + " seen TIMESTAMP DEFAULT LOCALTIMESTAMP, twice INTEGER DEFAULT (1 + 1),"
                    + " label VARCHAR(20) DEFAULT 'ABC')");

    private static Metadata model(String kind, Expr label) {
        Expr added = kind.equals("postgresql") ? Expr.raw("timezone('utc', CURRENT_TIMESTAMP)") : Expr.currentTimestamp();
        Expr seen = kind.equals("postgresql") ? Expr.raw("now() AT TIME ZONE 'utc'")
                : kind.equals("h2") ? Expr.raw("LOCALTIMESTAMP()") : Expr.raw("current_timestamp()");
        return Metadata.builder().table("item", t -> t
                .column(Column.of("id", Type.BIGINT).primaryKey())
                .column(Column.of("qty", Type.BIGINT).serverDefault(Expr.literal(0)))
                .column(Column.of("price", Type.numeric(10, 2)).serverDefault(Expr.literal(new BigDecimal("5.0"))))
                .column(Column.of("added", Type.TIMESTAMP).serverDefault(added))
                .column(Column.of("seen", Type.TIMESTAMP).serverDefault(seen))
                .column(Column.of("twice", Type.INTEGER).serverDefault(Expr.literal(2)))
                .column(Column.of("label", Type.varchar(20)).serverDefault(label)))
                .build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mariadb", "h2"})
    void defaultsSpelledTheDatabasesWayAreNoChangeAndARealChangeRoundTrips(String kind) throws Exception {
        try (TestDatabase db = TestDatabases.open(kind); Connection connection = db.dataSource().getConnection()) {
            Dialect dialect = Dialects.detect(connection);
            try (Statement statement = connection.createStatement()) {
                statement.execute(BEFORE.get(kind));
            }
            CompareOptions options = DEFAULTS_ON.forDialect(dialect);

            Metadata same = model(kind, Expr.literal("ABC"));
            Comparison clean = Comparison.compare(same, Introspection.read(connection, dialect), options, connection);
            assertThat(clean.changes()).as(clean.toString()).isEmpty();

            // Same value, other case: a case-insensitive collation must not hide it (MariaDB).
            Metadata lower = model(kind, Expr.raw("lower('ABC')"));
            Comparison found = Comparison.compare(lower, Introspection.read(connection, dialect), options, connection);
            assertThat(found.operations()).as(found.toString()).singleElement().isInstanceOfSatisfying(
                    AlterColumn.class, alter -> {
                        assertThat(alter.column()).isEqualTo("label");
                        assertThat(alter.serverDefault()).contains(AlterColumn.ServerDefault.of(Expr.raw("lower('ABC')")));
                    });
            RoundTripTest.run(connection, dialect, found.operations());
            Comparison after = Comparison.compare(lower, Introspection.read(connection, dialect), options, connection);
            assertThat(after.changes()).as(after.toString()).isEmpty();
            // Without the server the spelling still differs where the database rewrote a default.
            RoundTripTest.run(connection, dialect, found.downgradeOperations());
            Comparison restored = Comparison.compare(same, Introspection.read(connection, dialect), options, connection);
            assertThat(restored.changes()).as(restored.toString()).isEmpty();

            Metadata changed = model(kind, Expr.literal("ABD"));
            Comparison literal = Comparison.compare(changed, Introspection.read(connection, dialect), options, connection);
            assertThat(literal.operations()).as(literal.toString()).singleElement().isInstanceOf(AlterColumn.class);
            RoundTripTest.run(connection, dialect, literal.operations());
            assertThat(Comparison.compare(changed, Introspection.read(connection, dialect), options, connection).changes())
                    .isEmpty();
        }
    }

    /** Casts and spelling alone: no server needed for PostgreSQL's rewrites of literals and now(). */
    @Test
    void castsAndSpellingCompareEqualByTextAlone() {
        assertThat(new ServerDefaults(null).same(Expr.literal(0),
                dev.retort.autogenerate.internal.introspect.Defaults.parse("'0'::bigint"))).isTrue();
        assertThat(new ServerDefaults(null).same(Expr.literal(new BigDecimal("5.0")),
                dev.retort.autogenerate.internal.introspect.Defaults.parse("'5'::numeric"))).isTrue();
        assertThat(new ServerDefaults(null).same(Expr.raw("timezone('utc', CURRENT_TIMESTAMP)"),
                dev.retort.autogenerate.internal.introspect.Defaults.parse("timezone('utc'::text, now())"))).isTrue();
        assertThat(new ServerDefaults(null).same(Expr.raw("timezone('UTC', now())"),
                dev.retort.autogenerate.internal.introspect.Defaults.parse("timezone('utc'::text, now())"))).isFalse();
        assertThat(new ServerDefaults(null).same(Expr.literal("a"), Expr.literal("A"))).isFalse();
    }

    @Test
    void onlyExpressionsWithoutSideEffectsAreSentToTheServer() {
        assertThat(List.of("timezone('utc', now())", "(1 + 1)", "CAST('0' AS BIGINT)", "lower('a;b')",
                "'x'::numeric(5, 2)")).allMatch(ServerDefaults::safe);
        assertThat(List.of("nextval('s')", "(SELECT max(id) FROM t)", "1; DROP TABLE t", "my_function()",
                "1 -- x", "'a' || pg_sleep(10)")).noneMatch(ServerDefaults::safe);
    }
}
