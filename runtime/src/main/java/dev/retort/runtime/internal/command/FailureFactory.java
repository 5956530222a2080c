package dev.retort.runtime.internal.command;

import dev.retort.runtime.AppliedStep;
import dev.retort.runtime.MigrationException;
import java.util.List;

/**
 * Creates the {@code MIGRATION_FAILED} exception that carries the steps committed before the
 * failure. That constructor of {@link MigrationException} is not public API, so the migrator,
 * which lives beside it, hands it in ({@code MigrationException::new}).
 */
@FunctionalInterface
public interface FailureFactory {

    MigrationException create(String code, String message, String revision, String className, String statement,
                              Throwable cause, List<AppliedStep> appliedSteps);
}
