package dev.retort.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.test.fixtures.good.GeneratedMigrations;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The data-migration helper, as a user's test uses it: rows before a revision, the revision, the rows after. */
@RetortMigrationTest(registry = GeneratedMigrations.class)
class MigrationTesterTest {

    @Test
    void existingAccountsBecomeActive(MigrationTester migrator) {
        migrator.upBefore("c3000000003c")
                .insert("account", List.of(
                        Map.of("id", 1, "name", "Ada", "email", "ada@example.com"),
                        Map.of("id", 2, "name", "Grace", "email", "grace@example.com")))
                .upOne();

        assertThat(migrator.rows("select id, status from account order by id")).containsExactly(
                Map.of("id", 1L, "status", "active"),
                Map.of("id", 2L, "status", "active"));
        assertThat(migrator.current()).containsExactly("c3000000003c");
    }

    @Test
    void downOneUndoesTheColumn(MigrationTester migrator) {
        migrator.upTo("c3000000003c").insert("account", Map.of("id", 7, "name", "Edsger", "status", "closed"));

        migrator.downOne();

        assertThat(migrator.rows("select * from account")).singleElement().satisfies(row -> assertThat(row)
                .containsOnlyKeys("id", "name", "email")
                .containsEntry("id", 7L)
                .containsEntry("name", "Edsger"));
        assertThat(migrator.current()).containsExactly("b2000000002b");
    }

    @Test
    void anUnknownRevisionIsNamed(MigrationTester migrator) {
        assertThatThrownBy(() -> migrator.upBefore("zz"))
                .hasMessage("No revision zz in dev.retort.test.fixtures.good; give its full id");
    }
}
