package dev.retort.tests.jpa;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.retort.tests.jpa.JpaTestSupport.changesAfterCreatingOnH2;
import static dev.retort.tests.jpa.JpaTestSupport.compileWithNaming;
import static dev.retort.tests.jpa.JpaTestSupport.generatedSource;
import static dev.retort.tests.jpa.JpaTestSupport.loadMetadata;
import static dev.retort.tests.jpa.ShopEntities.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.retort.runtime.schema.Metadata;
import dev.retort.runtime.schema.Sequence;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sequences of generated keys under both naming strategies, read from the loaded
 * {@code GeneratedSchema.METADATA}: the names, starts and increments Hibernate 7 creates
 * ({@link HibernateAgreesTest} checks them against Hibernate itself), one sequence per name.
 */
class SequenceMappingsTest {

    @TempDir
    Path classes;

    private static String name(String naming, String spring, String hibernate) {
        return naming.equals("spring") ? spring : hibernate;
    }

    @ParameterizedTest
    @ValueSource(strings = {"spring", "hibernate"})
    void generatedKeysGetTheSequencesHibernateDrawsFrom(String naming) throws Exception {
        Compilation c = compileWithNaming(naming, SequenceEntities.shop());
        assertThat(c).succeededWithoutWarnings();
        Metadata model = loadMetadata(c, ShopEntities.PKG, classes);

        assertThat(model.sequences()).containsExactlyInAnyOrder(
                // AUTO without a generator: the table's name (not the entity's) with _SEQ, by 50.
                Sequence.of(name(naming, "invoice_header_seq", "InvoiceHeader_SEQ")).incrementBy(50),
                Sequence.of(name(naming, "receipt_numbers", "ReceiptNumbers")).startWith(1000).incrementBy(10),
                Sequence.of("receipt_gen").incrementBy(50),
                // Badge and GiftCard share their mapped superclass's generator: one sequence.
                Sequence.of("document_numbers"),
                Sequence.of("ticket_gen").incrementBy(50));
        assertThat(model.table(name(naming, "invoice_header", "InvoiceHeader")).orElseThrow().column("id")
                .orElseThrow().isAutoIncrement()).isFalse();
        assertThat(changesAfterCreatingOnH2(model)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"spring", "hibernate"})
    void aPackageGeneratorIsTakenByItsEntitiesNamedOrNot(String naming) throws Exception {
        Compilation c = compileWithNaming(naming, SequenceEntities.billing());
        assertThat(c).succeededWithoutWarnings();

        assertThat(loadMetadata(c, SequenceEntities.BILLING, classes).sequences())
                .containsExactly(Sequence.of(name(naming, "billing_ids", "BillingIds")).incrementBy(20));
    }

    @ParameterizedTest
    @ValueSource(strings = {"spring", "hibernate"})
    void aHierarchyHasTheSequenceOfItsRootTable(String naming) throws Exception {
        List<JavaFileObject> sources = new ArrayList<>(InheritanceEntities.tablePerClass());
        sources.addAll(InheritanceEntities.joined());
        Compilation c = compileWithNaming(naming, sources);
        assertThat(c).succeededWithoutWarnings();

        // Animal is abstract and has no table, yet its logical table name names the sequence.
        assertThat(loadMetadata(c, ShopEntities.PKG, classes).sequences()).extracting(Sequence::name)
                .containsExactly(name(naming, "animal_seq", "Animal_SEQ"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"spring", "hibernate"})
    void identityAndUuidKeysHaveNoSequence(String naming) throws Exception {
        List<JavaFileObject> sources = List.of(
                source("Account", """
                        @Entity
                        public class Account {
                            @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
                        }
                        """),
                source("Token", """
                        @Entity
                        public class Token {
                            @Id @GeneratedValue private UUID id;
                        }
                        """),
                source("Session", """
                        @Entity
                        public class Session {
                            @Id @GeneratedValue(strategy = GenerationType.UUID) private UUID id;
                        }
                        """));
        Compilation c = compileWithNaming(naming, sources);
        assertThat(c).succeededWithoutWarnings();

        assertThat(loadMetadata(c, ShopEntities.PKG, classes).sequences()).isEmpty();
        assertThat(generatedSource(c, ShopEntities.PKG + ".GeneratedSchema")).doesNotContain(".sequence(");
    }
}
