package dev.retort.autogenerate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.graph.RevisionNode;
import dev.retort.runtime.Migration;
import dev.retort.runtime.MigrationRegistry;
import dev.retort.runtime.Migrator;
import dev.retort.runtime.Operations;
import dev.retort.runtime.RevisionDefinition;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Metadata;
import dev.retort.runtime.schema.Table;
import dev.retort.runtime.schema.Type;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The migrator's own tables never show in a comparison, whoever read the database: the
 * version table, its lock table and, on databases without transactional DDL (H2 here), its
 * journal of the migration in flight.
 */
class MigratorTablesComparisonTest {

    private static final String VERSION_TABLE = "app_version";

    @Test
    void aDatabaseWithAJournalTableComparesCleanOnH2() throws Exception {
        Migration createNote = new Migration() {
            @Override
            public void upgrade(Operations op) {
                op.createTable("note", Column.of("id", Type.BIGINT).primaryKey(), Column.of("body", Type.TEXT));
            }

            @Override
            public void downgrade(Operations op) {
                op.dropTable("note");
            }
        };
        MigrationRegistry registry = MigrationRegistry.of("com.example.journal", List.of(new RevisionDefinition(
                RevisionNode.of("a1b2c3d4e5f6"), "com.example.journal.CreateNote", () -> createNote)));
        Metadata model = Metadata.builder()
                .table("note", t -> t.column(Column.of("id", Type.BIGINT).primaryKey()).column(Column.of("body", Type.TEXT)))
                .build();
        try (TestDatabase db = TestDatabases.open("h2")) {
            Migrator.builder(registry).dataSource(db.dataSource()).versionTable(VERSION_TABLE).build().upgrade("head");
            try (Connection connection = db.dataSource().getConnection()) {
                Dialect dialect = Dialects.detect(connection);
                // Read as a tool that knows only the default version table reads it: the
                // migrator's tables of app_version come along and reach the comparison.
                Metadata database = Introspection.read(connection, dialect);
                assertThat(database.tables()).extracting(Table::name).contains(VERSION_TABLE + "_journal",
                        VERSION_TABLE + "_lock", VERSION_TABLE);

                Comparison comparison = Comparison.compare(model, database,
                        CompareOptions.defaults().versionTable(VERSION_TABLE).forDialect(dialect));

                assertThat(comparison.operations()).isEmpty();
            }
        }
    }
}
