package dev.retort.autogenerate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.runtime.operation.CreateTable;
import dev.retort.runtime.operation.DropTable;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Metadata;
import dev.retort.runtime.schema.Table;
import dev.retort.runtime.schema.Type;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * {@code Comparison.compareLive}, the one way the CLI, the test kit and the Spring Boot check
 * compare a model with a live database: the dialect detected, the schemas the options
 * include read, the version table left out.
 */
class CompareLiveTest {

    @Test
    void readsTheIncludedSchemasInTheDetectedDialectWithoutTheVersionTable() throws Exception {
        try (TestDatabase db = TestDatabases.h2(); Connection connection = db.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE account (id BIGINT PRIMARY KEY)");
            statement.execute("CREATE TABLE app_version (version_num VARCHAR(32) NOT NULL)");
            statement.execute("CREATE SCHEMA billing");
            statement.execute("CREATE TABLE billing.invoice (id BIGINT PRIMARY KEY)");
            Metadata model = Metadata.builder()
                    .table("account", t -> t.column(Column.of("id", Type.BIGINT).primaryKey()))
                    .table(Table.builder("ledger").schema("billing")
                            .column(Column.of("id", Type.BIGINT).primaryKey()).build())
                    .build();

            Comparison current = Comparison.compareLive(model, connection,
                    CompareOptions.defaults().versionTable("app_version"));
            assertThat(current.changes()).as(current.toString()).isEmpty();

            Comparison both = Comparison.compareLive(model, connection,
                    CompareOptions.defaults().versionTable("app_version").includeSchemas("billing"));
            assertThat(both.operations()).as(both.toString()).hasSize(2)
                    .anySatisfy(o -> assertThat(o).isInstanceOfSatisfying(CreateTable.class,
                            c -> assertThat(c.table()).isEqualTo("ledger")))
                    .anySatisfy(o -> assertThat(o).isInstanceOfSatisfying(DropTable.class,
                            d -> assertThat(d.table()).isEqualTo("invoice")));
        }
    }
}
