package dev.retort.runtime.internal.batch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ColumnReferencesTest {

    @Test
    void findsAColumnReadBareQuotedOrQualifiedWhateverItsCase() {
        assertThat(ColumnReferences.reads("legacy >= 0", "legacy")).isTrue();
        assertThat(ColumnReferences.reads("LEGACY >= 0", "legacy")).isTrue();
        assertThat(ColumnReferences.reads("\"legacy\" >= 0", "legacy")).isTrue();
        assertThat(ColumnReferences.reads("`legacy` >= 0 AND [status] <> ''", "status")).isTrue();
        assertThat(ColumnReferences.reads("account.legacy >= 0", "legacy")).isTrue();
        assertThat(ColumnReferences.reads("length(name)>0 AND legacy IS NOT NULL", "legacy")).isTrue();
        assertThat(ColumnReferences.reads("\"odd \"\"name\"\"\" > 1", "odd \"name\"")).isTrue();
    }

    @Test
    void ignoresLiteralsFunctionsTablesAndLongerNames() {
        assertThat(ColumnReferences.reads("name <> 'legacy'", "legacy")).isFalse();
        assertThat(ColumnReferences.reads("name <> 'it''s legacy'", "legacy")).isFalse();
        assertThat(ColumnReferences.reads("length(name) > 0", "length")).isFalse();
        assertThat(ColumnReferences.reads("length (name) > 0", "length")).isFalse();
        assertThat(ColumnReferences.reads("account.id > 0", "account")).isFalse();
        assertThat(ColumnReferences.reads("legacy_code > 0 AND xlegacy < 3", "legacy")).isFalse();
        assertThat(ColumnReferences.reads("data <> X'00'", "x")).isFalse();
        assertThat(ColumnReferences.reads("amount > 1e3", "e3")).isFalse();
    }

    @Test
    void aRenameRewritesEveryReferenceAndNothingElse() {
        assertThat(ColumnReferences.renamed("status <> 'status' AND length(status) < 20", "status", "state"))
                .isEqualTo("state <> 'status' AND length(state) < 20");
        assertThat(ColumnReferences.renamed("\"Status\" IN ('a', 'b')", "status", "state"))
                .isEqualTo("state IN ('a', 'b')");
        assertThat(ColumnReferences.renamed("status <> ''", "status", "current state"))
                .isEqualTo("\"current state\" <> ''");
        assertThat(ColumnReferences.renamed("account.status <> ''", "status", "state"))
                .isEqualTo("account.state <> ''");
    }
}
