package dev.retort.runtime.internal;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.text.MessageFormat;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The migrator's logger when the application gives none: {@code System.getLogger(name)},
 * except that when that logger ends in java.util.logging's untouched default set-up, it
 * writes each line itself, on one line.
 *
 * <p>The JDK's default {@code SimpleFormatter} prints every record on two lines
 * ({@code Dec 06, 2026 1:33:18 AM dev.retort.runtime.Migrator lambda$migrate$2} and then
 * {@code INFO: Running upgrade …}), which buries a migration log in noise. Changing the
 * formatter or the root logger would change every other library's log too, so this class
 * changes nothing: it only steps in, for its own lines, when nobody has configured JUL —
 * the JDK's own {@code LoggerFinder} and {@code LogManager}, no
 * {@code java.util.logging.config.file}/{@code .config.class}, no
 * {@code SimpleFormatter.format}, and only the root logger's one {@code ConsoleHandler}
 * between this logger and the console. As soon as any of that differs (a logging.properties,
 * SLF4J's {@code SLF4JBridgeHandler} on the root logger, an SLF4J or Log4j
 * {@code System.LoggerFinder}), every call goes to {@code System.getLogger(name)} untouched.
 * JUL's levels are honoured either way ({@code Logger.getLogger(name).setLevel(…)}).
 */
public final class DefaultLogger implements System.Logger {

    private static final String JDK_FINDER = "sun.util.logging.internal.LoggingProviderImpl";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT);

    private final String name;
    private final System.Logger delegate;

    /** The default logger named {@code name}. */
    public DefaultLogger(String name) {
        this.name = name;
        this.delegate = System.getLogger(name);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public boolean isLoggable(Level level) {
        return delegate.isLoggable(level);
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
        Handler console = plainConsole();
        if (console == null) {
            delegate.log(level, bundle, msg, thrown);
        } else if (loggable(console, level)) {
            write(level, msg, thrown);
        }
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        Handler console = plainConsole();
        if (console == null) {
            delegate.log(level, bundle, format, params);
        } else if (loggable(console, level)) {
            write(level, params == null || params.length == 0 ? format : MessageFormat.format(format, params), null);
        }
    }

    @Override
    public void log(Level level, Supplier<String> msgSupplier) {
        Handler console = plainConsole();
        if (console == null) {
            delegate.log(level, msgSupplier);
        } else if (loggable(console, level)) {
            write(level, msgSupplier.get(), null);
        }
    }

    /**
     * The root logger's console handler when JUL is in the JDK's default set-up and
     * nothing else would see this logger's records; {@code null} otherwise. Checked on
     * every call: an application may configure logging after building its migrator.
     */
    private Handler plainConsole() {
        if (!System.LoggerFinder.getLoggerFinder().getClass().getName().equals(JDK_FINDER)
                || System.getProperty("java.util.logging.config.file") != null
                || System.getProperty("java.util.logging.config.class") != null
                || System.getProperty("java.util.logging.manager") != null
                || System.getProperty("java.util.logging.SimpleFormatter.format") != null) {
            return null;
        }
        LogManager manager = LogManager.getLogManager();
        if (manager.getClass() != LogManager.class
                || manager.getProperty("java.util.logging.SimpleFormatter.format") != null) {
            return null;
        }
        Handler console = null;
        for (Logger logger = Logger.getLogger(name); logger != null; logger = logger.getParent()) {
            Handler[] handlers = logger.getHandlers();
            if (logger.getFilter() != null || (logger.getParent() != null && handlers.length > 0)) {
                return null;
            }
            if (logger.getParent() == null) {
                if (handlers.length != 1 || handlers[0].getClass() != ConsoleHandler.class
                        || handlers[0].getFormatter().getClass() != SimpleFormatter.class
                        || handlers[0].getFilter() != null) {
                    return null;
                }
                console = handlers[0];
            }
            if (!logger.getUseParentHandlers()) {
                return null;
            }
        }
        return console;
    }

    private boolean loggable(Handler console, Level level) {
        java.util.logging.Level jul = julLevel(level);
        return Logger.getLogger(name).isLoggable(jul) && jul.intValue() >= console.getLevel().intValue();
    }

    private void write(Level level, String message, Throwable thrown) {
        StringBuilder line = new StringBuilder()
                .append(TIME.format(LocalDateTime.now())).append(' ')
                .append(String.format(Locale.ROOT, "%-5s", level == Level.WARNING ? "WARN" : level.getName()))
                .append(" [").append(name).append("] ").append(message);
        if (thrown != null) {
            StringWriter trace = new StringWriter();
            thrown.printStackTrace(new PrintWriter(trace));
            line.append(System.lineSeparator()).append(trace.toString().stripTrailing());
        }
        // System.err as JUL's ConsoleHandler writes; one println so concurrent lines do not interleave.
        PrintStream err = System.err;
        err.println(line);
        err.flush();
    }

    private static java.util.logging.Level julLevel(Level level) {
        return switch (level) {
            case ALL -> java.util.logging.Level.ALL;
            case TRACE -> java.util.logging.Level.FINER;
            case DEBUG -> java.util.logging.Level.FINE;
            case INFO -> java.util.logging.Level.INFO;
            case WARNING -> java.util.logging.Level.WARNING;
            case ERROR -> java.util.logging.Level.SEVERE;
            case OFF -> java.util.logging.Level.OFF;
        };
    }
}
