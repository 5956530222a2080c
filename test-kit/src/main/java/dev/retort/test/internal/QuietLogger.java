package dev.retort.test.internal;

import java.util.ResourceBundle;

/**
 * Drops the migrator's INFO lines (a stairway over a hundred revisions writes three hundred) and
 * passes warnings and errors to the runtime's logger.
 */
public final class QuietLogger implements System.Logger {

    private final System.Logger delegate = System.getLogger("dev.retort.runtime.Migrator");

    @Override
    public String getName() {
        return delegate.getName();
    }

    @Override
    public boolean isLoggable(Level level) {
        return level.getSeverity() >= Level.WARNING.getSeverity() && delegate.isLoggable(level);
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
        if (isLoggable(level)) {
            delegate.log(level, bundle, message, thrown);
        }
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        if (isLoggable(level)) {
            delegate.log(level, bundle, format, params);
        }
    }
}
