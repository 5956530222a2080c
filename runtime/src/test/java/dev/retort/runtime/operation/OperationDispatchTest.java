package dev.retort.runtime.operation;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The operations form a closed set that each concern visits: every operation is a record the
 * sealed hierarchy permits, and each visitor has one method for each, so that a new operation
 * fails to compile until SQL rendering, Java rendering, detections, batch planning and resuming a
 * killed migration (its {@code IF [NOT] EXISTS} forms and catalogue checks) handle it.
 */
class OperationDispatchTest {

    @Test
    void everyOperationIsARecordWithItsOwnVisitMethod() {
        List<Class<?>> operations = leaves(Operation.class);

        assertThat(operations).hasSize(28).allSatisfy(type -> assertThat(type.isRecord()).as(type.getName()).isTrue());
        assertThat(visited(Operation.Visitor.class)).containsExactlyInAnyOrderElementsOf(operations);
    }

    @Test
    void everyChangeABatchHoldsHasItsOwnBatchVisitMethod() {
        List<Class<?>> changes = leaves(TableChange.class);

        assertThat(changes).extracting(Class::getSimpleName).containsExactlyInAnyOrder("AddColumn", "DropColumn",
                "AlterColumn", "CreateIndex", "DropIndex", "CreateForeignKey", "DropConstraint", "CreatePrimaryKey",
                "CreateUniqueConstraint", "CreateCheckConstraint");
        assertThat(visited(TableChange.Visitor.class)).containsExactlyInAnyOrderElementsOf(changes);
    }

    @Test
    void theVisitorsHaveNoDefaultsThatWouldLetANewOperationThrough() {
        assertThat(Arrays.stream(Operation.Visitor.class.getDeclaredMethods()).filter(Method::isDefault)).isEmpty();
        assertThat(Arrays.stream(TableChange.Visitor.class.getDeclaredMethods()).filter(Method::isDefault)).isEmpty();
    }

    /** The concrete types under a sealed interface, through sealed sub-interfaces. */
    private static List<Class<?>> leaves(Class<?> sealed) {
        assertThat(sealed.isSealed()).as(sealed.getName() + " is sealed").isTrue();
        List<Class<?>> out = new ArrayList<>();
        for (Class<?> permitted : sealed.getPermittedSubclasses()) {
            if (permitted.isInterface()) {
                out.addAll(leaves(permitted));
            } else {
                out.add(permitted);
            }
        }
        return out;
    }

    private static Set<Class<?>> visited(Class<?> visitor) {
        return Arrays.stream(visitor.getDeclaredMethods()).filter(m -> m.getName().equals("visit"))
                .map(m -> m.getParameterTypes()[0]).collect(Collectors.toSet());
    }
}
