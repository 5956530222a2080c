package dev.retort.spring.boot.internal;

import dev.retort.runtime.MigrationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Prints a start-up stopped by a migration as Retort's own message, instead of a bean
 * creation stack: Spring Boot shows it in its "APPLICATION FAILED TO START" report.
 */
class MigrationFailureAnalyzer extends AbstractFailureAnalyzer<MigrationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MigrationException cause) {
        return new FailureAnalysis("Retort could not migrate the database: " + cause.getMessage(),
                "Fix the revision or the database as the message says, then start again; 'retort history' and "
                        + "'retort current' (or /actuator/retort) show where the database is.", cause);
    }
}
