package dev.retort.tests.jpa;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.retort.autogenerate.CompareOptions;
import dev.retort.autogenerate.Comparison;
import dev.retort.autogenerate.Introspection;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.internal.DefaultOperations;
import dev.retort.runtime.internal.JdbcSink;
import dev.retort.runtime.schema.Metadata;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The entities compiled with the processor, their {@code GeneratedSchema.METADATA} loaded from
 * the class files, compared with an empty database, the operations run, the database read back
 * and compared again: nothing left. The entities are the shop's (SINGLE_TABLE payments,
 * unidirectional {@code @OneToMany} by join column and by join table) and the JOINED and
 * TABLE_PER_CLASS hierarchies, and the entities with sequence keys: their sequences are created
 * too, except on SQLite, which has none and where the comparison leaves them out.
 */
class EntitySchemaRoundTripTest {

    @TempDir
    Path classes;

    // On MariaDB InnoDB adds an index for every foreign-key column that has none; the
    // introspection leaves those out, so the second comparison is clean there too.
    @ParameterizedTest
    @CsvSource({"h2, spring", "h2, hibernate", "postgresql, spring", "postgresql, hibernate",
            "sqlite, spring", "sqlite, hibernate", "mariadb, spring", "mariadb, hibernate"})
    void theGeneratedSchemaIsCreatedAndThenComparesClean(String kind, String naming) throws Exception {
        List<JavaFileObject> sources = new ArrayList<>(ShopEntities.all());
        sources.addAll(InheritanceEntities.all());
        sources.addAll(SequenceEntities.shop());
        Compilation c = JpaTestSupport.compileWithNaming(naming, sources);
        assertThat(c).succeededWithoutWarnings();
        Metadata model = JpaTestSupport.loadMetadata(c, ShopEntities.PKG, classes);
        // shop: 8 tables; JOINED: vehicle, car, electric_car, truck, garage; TABLE_PER_CLASS: dog, cat, keeper, vet;
        // sequence keys: invoice_header, receipt, stamp, badge, gift_card, ticket
        assertThat(model.tables()).hasSize(23);
        // order_line's, animal's and five of the sequence keys' (badge and gift_card share one)
        assertThat(model.sequences()).hasSize(7);

        try (TestDatabase db = TestDatabases.open(kind); Connection connection = db.dataSource().getConnection()) {
            Dialect dialect = Dialects.detect(connection);
            // SQLite cannot alter most things in place: its options batch alterations.
            CompareOptions options = CompareOptions.defaults().forDialect(dialect);
            Comparison first = Comparison.compare(model, Introspection.read(connection, dialect),
                    options);
            assertThat(first.operations()).extracting(o -> o.getClass().getSimpleName())
                    .contains("CreateTable", "CreateIndex");
            assertThat(first.operations()).filteredOn(o -> o.getClass().getSimpleName().equals("CreateSequence"))
                    .hasSize(kind.equals("sqlite") ? 0 : model.sequences().size());

            var op = new DefaultOperations(dialect, new JdbcSink(connection), connection);
            first.operations().forEach(op::run);

            Comparison again = Comparison.compare(model, Introspection.read(connection, dialect),
                    options);
            assertThat(again.changes()).as("changes after creating the generated schema").isEmpty();
        }
    }
}
