package dev.retort.autogenerate;

import dev.retort.runtime.operation.ConstraintType;
import dev.retort.runtime.operation.CreateCheckConstraint;
import dev.retort.runtime.operation.DropConstraint;
import dev.retort.runtime.schema.CheckConstraint;
import dev.retort.runtime.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Check constraints added and dropped, by name. Databases rewrite a check's SQL when they
 * store it ({@code (total >= (0)::numeric)} on PostgreSQL, {@code `total` >= 0} on MariaDB,
 * {@code "TOTAL" >= 0} on H2), so a check is never compared by its condition: a named check
 * of the model that the database has under that name is the same check, whatever it prints.
 * To change a condition, give the check a new name.
 *
 * <p>A check the model leaves unnamed is named by the database ({@code account_status_check},
 * {@code CONSTRAINT_1}, or no name on SQLite), so it cannot be found by name: it is not
 * compared, and while a table of the model has one, the database's checks that the model
 * does not name are kept rather than dropped, since any of them may be it.
 */
final class CheckConstraints {

    /**
     * @param drops the checks to drop, each undone by adding it again as the database has it
     * @param adds the checks to add
     */
    record Found(List<Change> drops, List<Change> adds) {
    }

    private CheckConstraints() {
    }

    static Found compare(Table model, Table database, Predicate<SchemaObject> included) {
        String table = model.name();
        Set<String> named = model.checkConstraints().stream().flatMap(c -> c.name().stream())
                .collect(Collectors.toSet());
        Set<String> present = database.checkConstraints().stream().flatMap(c -> c.name().stream())
                .collect(Collectors.toSet());
        boolean unnamedInModel = model.checkConstraints().stream().anyMatch(c -> c.name().isEmpty());
        List<Change> drops = new ArrayList<>();
        for (CheckConstraint check : database.checkConstraints()) {
            if (check.name().isEmpty() || named.contains(check.name().get()) || unnamedInModel
                    || !included.test(object(table, check.name(), false, true))) {
                continue;
            }
            String name = check.name().get();
            drops.add(new Change(new DropConstraint(Optional.empty(), name, table, Optional.of(ConstraintType.CHECK)),
                    List.of(new CreateCheckConstraint(Optional.empty(), name, table, check.condition())), List.of()));
        }
        List<Change> adds = new ArrayList<>();
        for (CheckConstraint check : model.checkConstraints()) {
            if (check.name().isEmpty() || present.contains(check.name().get())
                    || !included.test(object(table, check.name(), true, false))) {
                continue;
            }
            adds.add(Change.of(new CreateCheckConstraint(Optional.empty(), check.name().get(), table,
                    check.condition())).withNote("Adds check " + check.name().get() + " to " + table
                            + ": this fails if a row of " + table + " breaks it. Check the data first."));
        }
        return new Found(drops, adds);
    }

    private static SchemaObject object(String table, Optional<String> name, boolean inModel, boolean inDatabase) {
        return new SchemaObject(SchemaObject.Kind.CHECK_CONSTRAINT, table, name, inModel, inDatabase);
    }
}
