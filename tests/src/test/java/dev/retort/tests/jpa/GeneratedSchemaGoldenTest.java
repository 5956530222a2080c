package dev.retort.tests.jpa;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.retort.tests.jpa.JpaTestSupport.assertGolden;
import static dev.retort.tests.jpa.JpaTestSupport.compile;
import static dev.retort.tests.jpa.JpaTestSupport.compileWithNaming;
import static dev.retort.tests.jpa.JpaTestSupport.generatedSource;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generated {@code GeneratedSchema} of the shop entities, under each naming strategy, against golden files. */
class GeneratedSchemaGoldenTest {

    private static final String GENERATED = ShopEntities.PKG + ".GeneratedSchema";

    @Test
    void springNaming() {
        Compilation c = compileWithNaming("spring", ShopEntities.all());

        assertThat(c).succeededWithoutWarnings();
        assertGolden(getClass(), "springNaming", GENERATED, generatedSource(c, GENERATED));
    }

    @Test
    void hibernateNaming() {
        Compilation c = compileWithNaming("hibernate", ShopEntities.all());

        assertThat(c).succeededWithoutWarnings();
        assertGolden(getClass(), "hibernateNaming", GENERATED, generatedSource(c, GENERATED));
    }

    @Test
    void springIsTheDefaultAndTheOutputIsStable() {
        String first = generatedSource(compile(ShopEntities.all()), GENERATED);
        List<javax.tools.JavaFileObject> reversed = new java.util.ArrayList<>(ShopEntities.all());
        java.util.Collections.reverse(reversed);
        String again = generatedSource(compile(reversed), GENERATED);

        assertThat(first).isEqualTo(generatedSource(compileWithNaming("spring", ShopEntities.all()), GENERATED));
        assertThat(again).isEqualTo(first);
        assertThat(first).doesNotContain("date =");
    }

    @Test
    void anUnknownNamingIsAnError() {
        Compilation c = compileWithNaming("kebab", ShopEntities.all());

        assertThat(c).hadErrorCount(1);
        assertThat(c).hadErrorContaining("[RevisionInvalidOption] Option -Aretort.jpa.naming has the value \"kebab\"");
        assertThat(c).hadErrorContaining("spring, hibernate");
    }

    @Test
    void aCompilationWithoutEntitiesGeneratesNothing() {
        Compilation c = Compiler.javac().withProcessors(new dev.retort.processor.EntitySchemaProcessor())
                .compile(JavaFileObjects.forSourceString("com.acme.Plain", "package com.acme; class Plain {}"));

        assertThat(c).succeededWithoutWarnings();
        assertThat(c.generatedSourceFiles()).isEmpty();
    }

    @Test
    void entitiesOfTwoPackagesGetASchemaEach() {
        Compilation c = compile(List.of(
                ShopEntities.source("com.acme.billing", "Invoice", """
                        @Entity
                        public class Invoice {
                            @Id private Long id;
                        }
                        """),
                ShopEntities.source("com.acme.crm", "Contact", """
                        @Entity
                        public class Contact {
                            @Id private Long id;
                            @ManyToOne private com.acme.billing.Invoice lastInvoice;
                        }
                        """)));

        assertThat(c).succeededWithoutWarnings();
        assertThat(generatedSource(c, "com.acme.billing.GeneratedSchema")).contains(".table(\"invoice\"");
        assertThat(generatedSource(c, "com.acme.crm.GeneratedSchema"))
                .contains("Column.of(\"last_invoice_id\", Type.BIGINT)")
                .contains("ForeignKey.of(List.of(\"last_invoice_id\"), \"invoice\", List.of(\"id\"))")
                .doesNotContain(".table(\"invoice\"");
    }
}
