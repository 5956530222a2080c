package dev.retort.cli.internal;

import dev.retort.runtime.JdbcUrls;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A {@link System.Logger} that hands INFO and higher messages, as Alembic prints them
 * ({@code INFO  [retort] Running upgrade  -> 3512b954651e, add account}), to a consumer:
 * the command line shows the migrator's progress as it happens.
 */
public final class LineLogger implements System.Logger {

    private final Consumer<String> lines;

    /** A logger that hands each formatted line to {@code lines}. */
    public LineLogger(Consumer<String> lines) {
        this.lines = lines;
    }

    @Override
    public String getName() {
        return "retort";
    }

    @Override
    public boolean isLoggable(Level level) {
        return level.getSeverity() >= Level.INFO.getSeverity() && level != Level.OFF;
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
        if (isLoggable(level)) {
            accept(prefix(level) + msg + (thrown == null ? "" : " (" + thrown + ")"));
        }
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        if (isLoggable(level)) {
            accept(prefix(level) + (params == null || params.length == 0 ? format : MessageFormat.format(format, params)));
        }
    }

    @Override
    public void log(Level level, Supplier<String> msgSupplier) {
        if (isLoggable(level)) {
            accept(prefix(level) + msgSupplier.get());
        }
    }

    /** A driver's exception in a log line may quote the URL: its secrets are masked here too, for Java callers. */
    private void accept(String line) {
        lines.accept(JdbcUrls.redact(line));
    }

    private static String prefix(Level level) {
        return String.format(Locale.ROOT, "%-5s [retort] ", level == Level.WARNING ? "WARN" : level.getName());
    }
}
