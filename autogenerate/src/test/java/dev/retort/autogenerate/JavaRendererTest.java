package dev.retort.autogenerate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Expr;
import dev.retort.runtime.schema.ForeignKey;
import dev.retort.runtime.schema.Metadata;
import dev.retort.runtime.schema.ReferentialAction;
import dev.retort.runtime.schema.Sequence;
import dev.retort.runtime.schema.Type;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

class JavaRendererTest {

    /**
     * Whole revision classes are compared with golden files under
     * {@code autogenerate/src/test/resources/goldens/JavaRendererTest/<method>/<fqcn>.java}. To rewrite
     * them after an intended change, run with {@code -Dgoldens.update=true} (surefire hands
     * command-line user properties to the test JVM) or with the environment variable
     * {@code RETORT_GOLDENS_UPDATE=true} (the runtime module's surefire configures no
     * systemPropertyVariables, so the variable is the fallback), then review the diff.
     */
    private static final boolean UPDATE_GOLDENS = Boolean.getBoolean("goldens.update")
            || Boolean.parseBoolean(System.getenv("RETORT_GOLDENS_UPDATE"));

    /** Surefire runs with the module directory as working directory. */
    private static Path goldenPath(String method, String qualifiedName) {
        return Path.of("src/test/resources/goldens").toAbsolutePath().resolve(JavaRendererTest.class.getSimpleName())
                .resolve(method).resolve(qualifiedName + ".java");
    }

    private static void assertGolden(TestInfo test, String qualifiedName, String actual) {
        assertGolden(test.getTestMethod().orElseThrow().getName(), qualifiedName, actual);
    }

    private static void assertGolden(String method, String qualifiedName, String actual) {
        Path golden = goldenPath(method, qualifiedName);
        try {
            if (UPDATE_GOLDENS) {
                Files.createDirectories(golden.getParent());
                Files.writeString(golden, actual, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(golden)) {
                fail("Missing golden file " + golden + "; run the test with -Dgoldens.update=true (or "
                        + "RETORT_GOLDENS_UPDATE=true) to write it, then review it.");
            }
            assertThat(actual)
                    .as("rendered %s against golden %s (rewrite with -Dgoldens.update=true)", qualifiedName, golden)
                    .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final Metadata BEFORE = Metadata.builder()
            .table("account", t -> t
                    .column(Column.of("id", Type.BIGINT).primaryKey().autoIncrement())
                    .column(Column.of("name", Type.varchar(50)))
                    .column(Column.of("legacy", Type.TEXT)))
            .table("audit", t -> t.column(Column.of("id", Type.BIGINT).primaryKey()).comment("Old"))
            .build();

    static final Metadata AFTER = Metadata.builder()
            .table("account", t -> t
                    .column(Column.of("id", Type.BIGINT).primaryKey().autoIncrement())
                    .column(Column.of("name", Type.varchar(100)).notNull())
                    .column(Column.of("email", Type.varchar(200)).notNull())
                    .index("ix_account_email", "email")
                    .comment("Customers"))
            .table("orders", t -> t
                    .column(Column.of("id", Type.BIGINT).primaryKey().autoIncrement())
                    .column(Column.of("account_id", Type.BIGINT).notNull())
                    .column(Column.of("total", Type.numeric(12, 2)).notNull().serverDefault(Expr.literal(0)))
                    .foreignKey(ForeignKey.of(List.of("account_id"), "account", List.of("id"))
                            .onDelete(ReferentialAction.CASCADE).named("fk_orders_account")))
            .build();

    @Test
    void writesRealAndCharacterTypesAsTheirConstants() {
        Metadata before = Metadata.builder().table("price", t -> t
                .column(Column.of("rate", Type.DOUBLE))
                .column(Column.of("currency", Type.character(2)).notNull())).build();
        Metadata after = Metadata.builder().table("price", t -> t
                .column(Column.of("rate", Type.REAL))
                .column(Column.of("currency", Type.character(3)).notNull())).build();
        JavaRenderer.Rendered java = JavaRenderer.render(
                Comparison.compare(after, before, CompareOptions.defaults()).changes());
        assertThat(String.join("\n", java.upgrade())).isEqualTo("""
                // CHECK: Changes the type of price.rate from Type.DOUBLE to Type.REAL, which narrows it: values that do not fit make this fail (or are cut). Check the data first.
                op.alterColumn("price", "rate", c -> c.type(Type.REAL)
                        .existingType(Type.DOUBLE)
                        .existingNullable(true)
                        .existingNoServerDefault());
                op.alterColumn("price", "currency", c -> c.type(Type.character(3))
                        .existingType(Type.character(2))
                        .existingNullable(false)
                        .existingNoServerDefault());""");
        JavaRenderer.Rendered created = JavaRenderer.render(
                Comparison.compare(after, Metadata.empty(), CompareOptions.defaults()).changes());
        assertThat(String.join("\n", created.upgrade())).isEqualTo("""
                op.createTable("price",
                        Column.of("rate", Type.REAL),
                        Column.of("currency", Type.character(3)).notNull());""");
    }

    @Test
    void rendersUpgradeAndDowngradeLikeHandWrittenCode() {
        Comparison comparison = Comparison.compare(AFTER, BEFORE, CompareOptions.defaults());
        JavaRenderer.Rendered java = JavaRenderer.render(comparison.changes());
        assertThat(String.join("\n", java.upgrade())).isEqualTo("""
                // CHECK: Table orders is new while table(s) audit are dropped: if it is a rename, replace the drop and the add with op.renameTable("audit", "orders") to keep the data.
                op.createTable("orders", List.of(
                        Column.of("id", Type.BIGINT).primaryKey().autoIncrement(),
                        Column.of("account_id", Type.BIGINT).notNull(),
                        Column.of("total", Type.numeric(12, 2)).notNull().serverDefault(Expr.literal(0))),
                    t -> t.constraint(TableConstraint.foreignKey(List.of("account_id"), "account", List.of("id")).onDelete(ReferentialAction.CASCADE).named("fk_orders_account")));
                op.createTableComment("account", "Customers");
                // CHECK: Makes account.name NOT NULL: this fails while a row holds NULL there. Fill those rows first (op.execute("UPDATE …")).
                op.alterColumn("account", "name", c -> c.type(Type.varchar(100))
                        .nullable(false)
                        .existingType(Type.varchar(50))
                        .existingNullable(true)
                        .existingNoServerDefault());
                // CHECK: Adds NOT NULL column account.email without a server default: this fails if account has rows. Give it a serverDefault, or add it nullable, fill it, then make it NOT NULL.
                // CHECK: Column account.email is new while column(s) legacy are dropped: if it is a rename, replace the drop and the add with op.renameColumn("account", "legacy", "email") to keep the data.
                op.addColumn("account", Column.of("email", Type.varchar(200)).notNull());
                // CHECK: Column account.legacy is dropped while column(s) email are new: if it is a rename, replace the drop and the add with op.renameColumn("account", "legacy", "email") to keep the data.
                op.dropColumn("account", "legacy");
                op.createIndex("ix_account_email", "account", "email");
                // CHECK: Table audit is dropped while table(s) orders are new: if it is a rename, replace the drop and the add with op.renameTable("audit", "orders") to keep the data.
                op.dropTable("audit");""");
        assertThat(String.join("\n", java.downgrade())).isEqualTo("""
                op.createTable("audit", List.of(
                        Column.of("id", Type.BIGINT).primaryKey()),
                    t -> t.comment("Old"));
                op.dropIndex("ix_account_email", "account");
                op.addColumn("account", Column.of("legacy", Type.TEXT));
                op.dropColumn("account", "email");
                op.alterColumn("account", "name", c -> c.type(Type.varchar(50))
                        .nullable(true)
                        .existingType(Type.varchar(100))
                        .existingNullable(false)
                        .existingNoServerDefault());
                op.dropTableComment("account");
                op.dropTable("orders");""");
    }

    @Test
    void rendersARevisionClass(TestInfo test) {
        Comparison comparison = Comparison.compare(Metadata.builder()
                .table("tag", t -> t.column(Column.of("id", Type.INTEGER).primaryKey())
                        .column(Column.of("label", Type.varchar(30)).notNull().unique()))
                .build(), Metadata.empty(), CompareOptions.defaults());
        assertGolden(test, "com.example.migrations.CreateTag", JavaRenderer.revision("com.example.migrations",
                "CreateTag", "3f2a9c1d7e4b", "1f3a9c2e7b10", "create tag", comparison.changes()));
    }

    @Test
    void missingGoldenFailsWithItsPath() {
        Assumptions.assumeFalse(UPDATE_GOLDENS, "golden files are being rewritten");
        Path expected = goldenPath("noSuchMethod", "com.example.Nothing");
        assertThat(expected).doesNotExist();
        assertThatThrownBy(() -> assertGolden("noSuchMethod", "com.example.Nothing", "class Nothing {}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(expected.toString())
                .hasMessageContaining("-Dgoldens.update=true");
    }

    @Test
    void goldenMismatchFails() {
        Assumptions.assumeFalse(UPDATE_GOLDENS, "golden files are being rewritten");
        assertThatThrownBy(() -> assertGolden("rendersARevisionClass", "com.example.migrations.CreateTag",
                        "package com.example.migrations;\n"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(goldenPath("rendersARevisionClass", "com.example.migrations.CreateTag").toString());
    }

    @Test
    void wrapsLongCallsAndWritesOperationsWithoutAReverseAsACommentToFill() {
        var rendered = JavaRenderer.renderOperations(List.of(
                new dev.retort.runtime.operation.CreateForeignKey(java.util.Optional.empty(), "fk_order_line_product",
                        "order_line", List.of("product_id", "variant_id"), java.util.Optional.empty(), "product_variant",
                        List.of("product_id", "id"), java.util.Optional.of(ReferentialAction.RESTRICT),
                        java.util.Optional.empty()),
                new dev.retort.runtime.operation.DropTable("legacy")));
        assertThat(rendered.upgrade()).containsExactly(
                "op.createForeignKey(\"fk_order_line_product\", \"order_line\", \"product_variant\",",
                "        List.of(\"product_id\", \"variant_id\"), List.of(\"product_id\", \"id\"),",
                "        fk -> fk.onDelete(ReferentialAction.RESTRICT));",
                "op.dropTable(\"legacy\");");
        assertThat(rendered.downgrade()).containsExactly(
                "// No automatic downgrade for the upgrade's op.dropTable(\"legacy\"); Write it out here.",
                "op.dropConstraint(\"fk_order_line_product\", \"order_line\", ConstraintType.FOREIGN_KEY);");
    }

    @Test
    void rendersOneBatchPerTableWhereTheDialectCannotAlterInPlace(TestInfo test) {
        Metadata after = Metadata.builder()
                .table("account", t -> t
                        .column(Column.of("id", Type.BIGINT).primaryKey().autoIncrement())
                        .column(Column.of("name", Type.varchar(100)).notNull().comment("Legal name"))
                        .column(Column.of("legacy", Type.TEXT))
                        .unique("name")
                        .comment("Customers"))
                .table("audit", t -> t.column(Column.of("id", Type.BIGINT).primaryKey()))
                .build();
        Comparison comparison = Comparison.compare(after, BEFORE,
                CompareOptions.defaults().forDialect(new dev.retort.runtime.dialect.SqliteDialect()));
        JavaRenderer.Rendered java = JavaRenderer.render(comparison.changes());
        // SQLite stores no comments: the table and column comments are no difference there.
        assertThat(String.join("\n", java.upgrade())).isEqualTo("""
                // CHECK: Makes account.name NOT NULL: this fails while a row holds NULL there. Fill those rows first (op.execute("UPDATE …")).
                op.batchAlterTable("account", batch -> batch
                        .alterColumn("name", c -> c.type(Type.varchar(100))
                                .nullable(false)
                                .existingType(Type.varchar(50))
                                .existingNullable(true)
                                .existingNoServerDefault())
                        .createUniqueConstraint("uq_account_name", "name"));""");
        assertThat(String.join("\n", java.downgrade())).isEqualTo("""
                op.batchAlterTable("account", batch -> batch
                        .dropConstraint("uq_account_name", ConstraintType.UNIQUE)
                        .alterColumn("name", c -> c.type(Type.varchar(50))
                                .nullable(true)
                                .existingType(Type.varchar(100))
                                .existingNullable(false)
                                .existingNoServerDefault()));""");
        // The whole revision class: its imports follow the batch's calls (ConstraintType).
        assertGolden(test, "com.example.migrations.WidenAccountName", JavaRenderer.revision("com.example.migrations",
                "WidenAccountName", "7c1e2b9a4d30", "3f2a9c1d7e4b", "widen account name", comparison.changes()));
        // Without a dialect the same comparison writes plain operations and the comments.
        assertThat(Comparison.compare(after, BEFORE, CompareOptions.defaults()).operations())
                .extracting(o -> o.getClass().getSimpleName())
                .contains("AlterColumn", "CreateUniqueConstraint", "CreateTableComment")
                .doesNotContain("BatchAlterTable");
    }

    @Test
    void sequencesRenderWithoutTheirDefaultsAndADroppedOneComesBackAsItWas() {
        Metadata database = Metadata.builder().sequence(Sequence.of("legacy_seq").startWith(1000)).build();
        Metadata model = Metadata.builder()
                .sequence(Sequence.of("account_seq").incrementBy(50))
                .sequence(Sequence.of("plain_seq"))
                .sequence(Sequence.of("big_seq").startWith(5_000_000_000L).incrementBy(-2))
                .build();
        JavaRenderer.Rendered rendered = JavaRenderer.render(
                Comparison.compare(model, database, CompareOptions.defaults()).changes());
        assertThat(rendered.upgrade()).containsExactly(
                "op.createSequence(\"account_seq\", s -> s.incrementBy(50));",
                "op.createSequence(\"plain_seq\");",
                "op.createSequence(\"big_seq\", s -> s.startWith(5000000000L).incrementBy(-2));",
                "op.dropSequence(\"legacy_seq\");");
        assertThat(rendered.downgrade()).containsExactly(
                "op.createSequence(\"legacy_seq\", s -> s.startWith(1000));",
                "op.dropSequence(\"big_seq\");",
                "op.dropSequence(\"plain_seq\");",
                "op.dropSequence(\"account_seq\");");
    }
}
