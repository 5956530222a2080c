package dev.retort.runtime.migrator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.graph.Direction;
import dev.retort.runtime.internal.StepLog;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepLogTest {

    @Test
    void upgradeLineIsAlembics() {
        assertThat(StepLog.format(Direction.UPGRADE, List.of("2b1ae634e5cd"), List.of("3512b954651e"), "add account"))
                .isEqualTo("Running upgrade 2b1ae634e5cd -> 3512b954651e, add account");
    }

    @Test
    void upgradeFromBaseHasAnEmptyLeftSide() {
        assertThat(StepLog.format(Direction.UPGRADE, List.of(), List.of("2b1ae634e5cd"), "create account table"))
                .isEqualTo("Running upgrade  -> 2b1ae634e5cd, create account table");
    }

    @Test
    void mergeListsEveryParent() {
        assertThat(StepLog.format(Direction.UPGRADE, List.of("a", "b"), List.of("c"), "merge"))
                .isEqualTo("Running upgrade a, b -> c, merge");
    }

    @Test
    void downgradeToBaseHasAnEmptyRightSide() {
        assertThat(StepLog.format(Direction.DOWNGRADE, List.of("3512b954651e"), List.of("2b1ae634e5cd"), "add account"))
                .isEqualTo("Running downgrade 3512b954651e -> 2b1ae634e5cd, add account");
        assertThat(StepLog.format(Direction.DOWNGRADE, List.of("2b1ae634e5cd"), List.of(), "first"))
                .isEqualTo("Running downgrade 2b1ae634e5cd -> , first");
    }

    @Test
    void noMessageEndsAfterTheArrow() {
        assertThat(StepLog.format(Direction.UPGRADE, List.of("a"), List.of("b"), ""))
                .isEqualTo("Running upgrade a -> b");
    }
}
