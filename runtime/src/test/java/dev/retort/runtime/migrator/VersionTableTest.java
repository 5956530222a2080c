package dev.retort.runtime.migrator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.runtime.dialect.PostgresDialect;
import dev.retort.runtime.internal.MigrationLock;
import dev.retort.runtime.internal.VersionTable;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The version-table statements derived from a step's heads, with no database. */
class VersionTableTest {

    private final VersionTable table = new VersionTable(new PostgresDialect(), null, "alembic_version");

    @Test
    void oneRowReplacedByAnotherIsAnUpdate() {
        assertThat(table.changeStatements(List.of("a"), List.of("b")))
                .containsExactly("UPDATE alembic_version SET version_num='b' WHERE version_num='a'");
    }

    @Test
    void fromBaseIsAnInsertAndToBaseADelete() {
        assertThat(table.changeStatements(List.of(), List.of("a")))
                .containsExactly("INSERT INTO alembic_version (version_num) VALUES ('a')");
        assertThat(table.changeStatements(List.of("a"), List.of()))
                .containsExactly("DELETE FROM alembic_version WHERE version_num='a'");
    }

    @Test
    void mergeDeletesTheParentsAndInsertsTheMerge() {
        assertThat(table.changeStatements(List.of("b", "c", "x"), List.of("m", "x"))).containsExactly(
                "DELETE FROM alembic_version WHERE version_num='b'",
                "DELETE FROM alembic_version WHERE version_num='c'",
                "INSERT INTO alembic_version (version_num) VALUES ('m')");
    }

    @Test
    void unchangedRowsNeedNoStatement() {
        assertThat(table.changeStatements(List.of("a", "b"), List.of("a", "b"))).isEmpty();
    }

    @Test
    void schemaQualifiedNamesAreQuoted() {
        VersionTable qualified = new VersionTable(new PostgresDialect(), "meta", "retort_version");
        assertThat(qualified.changeStatements(List.of(), List.of("a")))
                .containsExactly("INSERT INTO meta.retort_version (version_num) VALUES ('a')");
        assertThat(qualified.displayName()).isEqualTo("meta.retort_version");
    }

    @Test
    void lockKeyIsStableAndDependsOnSchemaAndTable() {
        // FNV-1a 64 of "retort:public.retort_version": a changed key would let an old and a
        // new build migrate the same database at once.
        assertThat(MigrationLock.lockKey("public", "retort_version"))
                .isEqualTo(MigrationLock.lockKey("public", "retort_version"))
                .isNotEqualTo(MigrationLock.lockKey("other", "retort_version"))
                .isNotEqualTo(MigrationLock.lockKey("public", "alembic_version"));
        // Pinned: FNV-1a 64 of "retort:public.retort_version", computed independently.
        assertThat(MigrationLock.lockKey("public", "retort_version")).isEqualTo(2330506738813777489L);
    }
}
