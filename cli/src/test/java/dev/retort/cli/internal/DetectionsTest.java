package dev.retort.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.runtime.operation.AddColumn;
import dev.retort.runtime.operation.AlterColumn;
import dev.retort.runtime.operation.BatchAlterTable;
import dev.retort.runtime.operation.CreateCheckConstraint;
import dev.retort.runtime.operation.CreateIndexWithOptions;
import dev.retort.runtime.operation.CreatePrimaryKey;
import dev.retort.runtime.operation.CreateSequence;
import dev.retort.runtime.operation.DropSequence;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Type;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DetectionsTest {

    @Test
    void aBatchIsDescribedByTheChangesItHoldsAsInPlace() {
        AddColumn add = new AddColumn("account", Column.of("email", Type.varchar(255)));
        AlterColumn alter = AlterColumn.builder("account", "name").type(Type.varchar(100))
                .existingType(Type.varchar(50)).build();
        BatchAlterTable batch = new BatchAlterTable(Optional.empty(), "account", List.of(add, alter),
                BatchAlterTable.Recreate.AUTO, Optional.empty());

        List<String> inPlace = new java.util.ArrayList<>(Detections.describe(add));
        inPlace.addAll(Detections.describe(alter));
        assertThat(Detections.describe(batch)).isEqualTo(inPlace).containsExactly(
                "Detected added column 'account.email'",
                "Detected type change from VARCHAR(50) to VARCHAR(100) on 'account.name'");
    }

    @Test
    void addedAndRemovedSequencesAreNamed() {
        CreateSequence create = CreateSequence.builder("account_seq").incrementBy(50).build();
        assertThat(Detections.describe(create)).containsExactly("Detected added sequence 'account_seq'");
        assertThat(Detections.describe(new DropSequence("x"))).containsExactly("Detected removed sequence 'x'");
        assertThat(Detections.oneLine(create)).isEqualTo("op.createSequence(\"account_seq\", s -> s.incrementBy(50));");
    }

    @Test
    void primaryKeysChecksAndPartialOrExpressionIndexesAreNamed() {
        assertThat(Detections.describe(new CreatePrimaryKey(Optional.empty(), "pk_item", "item",
                List.of("tenant_id", "id")))).containsExactly("Detected added primary key 'pk_item' on 'item(tenant_id, id)'");
        assertThat(Detections.describe(new CreateCheckConstraint(Optional.empty(), "ck_orders_total", "orders",
                "total >= 0"))).containsExactly("Detected added check constraint 'ck_orders_total' on 'orders'");
        assertThat(Detections.describe(CreateIndexWithOptions.builder("ix_account_active", "account").columns("status")
                .expression("lower(email)").unique().where("deleted_at IS NULL").build())).containsExactly(
                "Detected added unique index 'ix_account_active' on 'account(status, (lower(email)))'"
                        + " where deleted_at IS NULL");
    }
}
