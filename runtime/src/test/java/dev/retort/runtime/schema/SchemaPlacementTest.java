package dev.retort.runtime.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Tables, sequences and foreign-key referents in a schema other than the connection's. */
class SchemaPlacementTest {

    private static Table users(String schema) {
        Table.Builder users = Table.builder("users").column(Column.of("id", Type.INTEGER).primaryKey());
        return (schema == null ? users : users.schema(schema)).build();
    }

    @Test
    void namesAreUniquePerSchemaAndTheBareLookupFindsTheCurrentSchema() {
        Metadata metadata = Metadata.builder().table(users(null)).table(users("billing"))
                .sequence(Sequence.of("users_seq")).sequence(Sequence.of("users_seq").inSchema("billing"))
                .build();
        assertThat(metadata.table("users")).get().extracting(Table::schema).isEqualTo(Optional.empty());
        assertThat(metadata.table(Optional.of("billing"), "users")).get().extracting(Table::schema)
                .isEqualTo(Optional.of("billing"));
        assertThat(metadata.sequence(Optional.of("billing"), "users_seq")).isPresent();
        assertThat(metadata.table(Optional.of("audit"), "users")).isEmpty();
        assertThat(users("billing")).isNotEqualTo(users(null)).isEqualTo(users(null).withSchema(Optional.of("billing")));
        assertThat(users("billing").toString()).startsWith("Table[billing.users,");
        assertThatThrownBy(() -> Metadata.builder().table(users("billing")).table(users("billing")).build())
                .hasMessageContaining("billing.users twice");
    }

    @Test
    void aForeignKeyNamesItsReferentsSchemaOnlyWhenItIsNotItsOwnTables() {
        ForeignKey toUsers = ForeignKey.of(List.of("user_id"), "users", List.of("id")).named("fk_orders_user");
        Table orders = Table.builder("orders").schema("billing").column(Column.of("id", Type.INTEGER).primaryKey())
                .column(Column.of("user_id", Type.INTEGER)).foreignKey(toUsers.referentSchema("billing")).build();
        assertThat(orders.foreignKeys()).containsExactly(toUsers);
        assertThat(toUsers.referentSchema("public").referentSchema()).contains("public");
        assertThat(toUsers.referentSchema("public").onDelete(ReferentialAction.CASCADE).named("x").referentSchema())
                .contains("public");
        assertThat(toUsers.referentSchema("public").toTableConstraint().referentSchema()).contains("public");
        // A key to a table of another schema is checked against that table, not a namesake.
        Table wrong = Table.builder("orders").column(Column.of("id", Type.INTEGER).primaryKey())
                .column(Column.of("user_id", Type.INTEGER))
                .foreignKey(ForeignKey.of(List.of("user_id"), "users", List.of("uid")).referentSchema("billing"))
                .build();
        Metadata.builder().table(users(null)).table(wrong).build();
        assertThatThrownBy(() -> Metadata.builder().table(users("billing")).table(wrong).build())
                .hasMessageContaining("users.uid");
    }
}
