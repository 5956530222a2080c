package dev.retort.autogenerate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.operation.BatchAlterTable;
import dev.retort.runtime.operation.CreateCheckConstraint;
import dev.retort.runtime.operation.CreateIndex;
import dev.retort.runtime.operation.CreateIndexWithOptions;
import dev.retort.runtime.operation.DropIndex;
import dev.retort.runtime.operation.Operation;
import dev.retort.runtime.schema.CheckConstraint;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Index;
import dev.retort.runtime.schema.Metadata;
import dev.retort.runtime.schema.Table;
import dev.retort.runtime.schema.Type;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Partial and expression indexes: read back with their predicate and expressions as the
 * database prints them, compared clean against the model that declares them, and each
 * change (a new one, a changed predicate, a plain index where a partial one stands, a
 * dropped one) found exactly, written as a revision, applied and undone. MariaDB and H2
 * have neither: there a model's predicate is left out and its expression index not
 * compared, so the same model compares clean with the plain index.
 */
class PartialAndExpressionIndexComparisonTest {

    private static final String TABLE = "CREATE TABLE account (id BIGINT PRIMARY KEY, email VARCHAR(200) NOT NULL,"
            + " status VARCHAR(20) NOT NULL, total NUMERIC(10, 2) NOT NULL, deleted_at %s)";

    @TempDir
    Path work;

    private static Metadata model(UnaryOperator<Table.Builder> indexes) {
        return Metadata.builder().table("account", t -> indexes.apply(t
                .column(Column.of("id", Type.BIGINT).primaryKey())
                .column(Column.of("email", Type.varchar(200)).notNull())
                .column(Column.of("status", Type.varchar(20)).notNull())
                .column(Column.of("total", Type.numeric(10, 2)).notNull())
                .column(Column.of("deleted_at", Type.TIMESTAMP))))
                .build();
    }

    /** What the "before" SQL created. */
    private static Metadata before() {
        return model(t -> t.index(Index.of("ix_account_active", "email").where("deleted_at IS NULL"))
                .index("ix_account_lower_email", ix -> ix.expression("lower(email)").unique()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "sqlite"})
    void partialAndExpressionIndexesAreReadComparedAndTheirChangesRoundTrip(String kind) throws Exception {
        try (TestDatabase db = TestDatabases.open(kind); Connection connection = db.dataSource().getConnection()) {
            Dialect dialect = Dialects.detect(connection);
            try (Statement statement = connection.createStatement()) {
                statement.execute(TABLE.formatted("TIMESTAMP"));
                statement.execute("CREATE INDEX ix_account_active ON account (email) WHERE deleted_at IS NULL");
                statement.execute("CREATE UNIQUE INDEX ix_account_lower_email ON account (lower(email))");
            }
            Table read = Introspection.read(connection, dialect).table("account").orElseThrow();
            assertThat(read.indexes()).extracting(Index::name)
                    .containsExactly("ix_account_active", "ix_account_lower_email");
            Index active = read.indexes().get(0);
            assertThat(active.columns()).containsExactly("email");
            assertThat(active.where()).isPresent();
            Index lower = read.indexes().get(1);
            assertThat(lower.unique()).isTrue();
            assertThat(lower.hasExpressions()).isTrue();
            assertThat(lower.columns()).isEmpty();

            // Checks compared: a check added below is SQLite's case of a table rebuilt around these indexes.
            RevisionRoundTrip trip = new RevisionRoundTrip(work, connection, dialect,
                    CompareOptions.defaults().compareCheckConstraints(true));
            trip.assertClean(before());

            // The nearest plain index where a partial one stands: dropped and created, not a CREATE that fails.
            Metadata plain = model(t -> t.index("ix_account_active", "email")
                    .index("ix_account_lower_email", ix -> ix.expression("lower(email)").unique()));
            trip.roundTrip(before(), plain, List.of(drop("ix_account_active"),
                    new CreateIndex(Optional.empty(), "ix_account_active", "account", List.of("email"), false)));

            // Another predicate, which PostgreSQL prints with casts: (status)::text = 'active'::text.
            Metadata otherPredicate = model(t -> t.index(Index.of("ix_account_active", "email")
                            .where("status = 'active' AND total > 0"))
                    .index("ix_account_lower_email", ix -> ix.expression("lower(email)").unique()));
            trip.roundTrip(before(), otherPredicate, List.of(drop("ix_account_active"),
                    CreateIndexWithOptions.builder("ix_account_active", "account").columns("email")
                            .where("status = 'active' AND total > 0").build()));

            // A new index on a column and an expression, partial on an IN list (= ANY (ARRAY[…]) on PostgreSQL).
            Metadata added = model(t -> t.index(Index.of("ix_account_active", "email").where("deleted_at IS NULL"))
                    .index("ix_account_lower_email", ix -> ix.expression("lower(email)").unique())
                    .index("ix_account_status_name", ix -> ix.columns("status").expression("upper(email)")
                            .where("status IN ('active', 'new')")));
            trip.roundTrip(before(), added, List.of(CreateIndexWithOptions.builder("ix_account_status_name", "account")
                    .columns("status").expression("upper(email)").where("status IN ('active', 'new')").build()));

            // Dropped: the downgrade recreates it with its expression.
            Metadata dropped = model(t -> t.index(Index.of("ix_account_active", "email").where("deleted_at IS NULL")));
            trip.roundTrip(before(), dropped, List.of(drop("ix_account_lower_email")));

            // A change SQLite makes by rebuilding the table, which cannot carry these indexes: they are
            // dropped in the batch and created again after it (and after its downgrade).
            CreateCheckConstraint check = new CreateCheckConstraint(Optional.empty(), "ck_account_total", "account",
                    "total >= 0");
            Metadata checked = model(t -> t.index(Index.of("ix_account_active", "email").where("deleted_at IS NULL"))
                    .index("ix_account_lower_email", ix -> ix.expression("lower(email)").unique())
                    .check(CheckConstraint.of("total >= 0").named("ck_account_total")));
            CreateIndexWithOptions activeEmail = CreateIndexWithOptions.builder("ix_account_active", "account")
                    .columns("email").where("deleted_at IS NULL").build();
            CreateIndexWithOptions lowerEmail = CreateIndexWithOptions.builder("ix_account_lower_email", "account")
                    .expression("lower(email)").unique().build();
            trip.roundTrip(before(), checked, dialect.supportsAlterColumn() ? List.of(check)
                    : List.of(new BatchAlterTable(Optional.empty(), "account", List.of(drop("ix_account_active"),
                            drop("ix_account_lower_email"), check), BatchAlterTable.Recreate.AUTO, Optional.empty()),
                            activeEmail, lowerEmail));
            // The same with the partial index's predicate changed: its new form also comes after the batch.
            Metadata checkedAndChanged = model(t -> t.index(Index.of("ix_account_active", "email")
                            .where("status = 'active'"))
                    .index("ix_account_lower_email", ix -> ix.expression("lower(email)").unique())
                    .check(CheckConstraint.of("total >= 0").named("ck_account_total")));
            CreateIndexWithOptions changed = CreateIndexWithOptions.builder("ix_account_active", "account")
                    .columns("email").where("status = 'active'").build();
            trip.roundTrip(before(), checkedAndChanged, dialect.supportsAlterColumn()
                    ? List.of(drop("ix_account_active"), changed, check)
                    : List.of(new BatchAlterTable(Optional.empty(), "account", List.of(drop("ix_account_lower_email"),
                            drop("ix_account_active"), check), BatchAlterTable.Recreate.AUTO, Optional.empty()),
                            lowerEmail, changed));

            // Another expression.
            Metadata otherExpression = model(t -> t.index(Index.of("ix_account_active", "email")
                            .where("deleted_at IS NULL"))
                    .index("ix_account_lower_email", ix -> ix.expression("lower(status)").unique()));
            trip.roundTrip(before(), otherExpression, List.of(drop("ix_account_lower_email"),
                    CreateIndexWithOptions.builder("ix_account_lower_email", "account").expression("lower(status)")
                            .unique().build()));
        }
    }

    /** A new table's partial and expression indexes are created with it and compare clean. */
    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "sqlite"})
    void aNewTablesPartialAndExpressionIndexesAreCreatedWithIt(String kind) throws Exception {
        try (TestDatabase db = TestDatabases.open(kind); Connection connection = db.dataSource().getConnection()) {
            Dialect dialect = Dialects.detect(connection);
            RevisionRoundTrip trip = new RevisionRoundTrip(work, connection, dialect, CompareOptions.defaults());
            Comparison found = trip.roundTrip(Metadata.empty(), before(), List.of(
                    Comparison.compare(before(), Metadata.empty(), CompareOptions.defaults()).operations().get(0),
                    CreateIndexWithOptions.builder("ix_account_active", "account").columns("email")
                            .where("deleted_at IS NULL").build(),
                    CreateIndexWithOptions.builder("ix_account_lower_email", "account").expression("lower(email)")
                            .unique().build()));
            assertThat(JavaRenderer.render(found.changes()).upgrade()).contains(
                    "op.createIndex(\"ix_account_lower_email\", \"account\", ix -> ix.expression(\"lower(email)\").unique());");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mariadb", "h2"})
    void whereTheDatabaseHasNeitherThePredicateIsLeftOutAndTheExpressionIndexIsNotCompared(String kind)
            throws Exception {
        try (TestDatabase db = TestDatabases.open(kind); Connection connection = db.dataSource().getConnection()) {
            Dialect dialect = Dialects.detect(connection);
            assertThat(dialect.supportsPartialIndexes()).isFalse();
            assertThat(dialect.supportsExpressionIndexes()).isFalse();
            try (Statement statement = connection.createStatement()) {
                // MariaDB's TIMESTAMP is another type than the DATETIME(6) a model's TIMESTAMP is there.
                statement.execute(TABLE.formatted(kind.equals("mariadb") ? "DATETIME(6)" : "TIMESTAMP"));
                statement.execute("CREATE INDEX ix_account_active ON account (email)");
            }
            RevisionRoundTrip trip = new RevisionRoundTrip(work, connection, dialect, CompareOptions.defaults());
            trip.assertClean(before());
            Metadata added = model(t -> t.index(Index.of("ix_account_active", "email").where("deleted_at IS NULL"))
                    .index(Index.of("ix_account_status", "status").where("status = 'active'")));
            trip.roundTrip(before(), added, List.of(
                    new CreateIndex(Optional.empty(), "ix_account_status", "account", List.of("status"), false)));
        }
    }

    private static Operation drop(String index) {
        return new DropIndex(Optional.empty(), index, Optional.of("account"));
    }
}
