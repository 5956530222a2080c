package dev.retort.runtime.internal;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.text.MessageFormat;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ResourceBundle;
import java.util.TimeZone;
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
 *
 * <p>It writes a line per step of a run, so a line must be cheap, above all in a fresh JVM
 * that runs it interpreted: the JUL logger is looked up once (it is the same object for the
 * life of the {@code LogManager}, and holding it keeps a level set on it from being
 * collected), the time and level are appended by hand rather than through {@code
 * DateTimeFormatter} and {@code String.format}, and the set-up check reads fields and
 * properties only. Each line still reaches the operating system before the call returns
 * (one {@code write} on the default {@code System.err}): a line buffered in the process
 * would be lost with it on {@code kill -9}, and the line of a step that committed is what
 * tells an operator how far the run got. That write costs microseconds, the step's commit
 * milliseconds.
 */
public final class DefaultLogger implements System.Logger {

    private static final String JDK_FINDER = "sun.util.logging.internal.LoggingProviderImpl";

    private final String name;
    /**
     * Looked up on the first call, not when the migrator is built: finding the {@code
     * LoggerFinder} scans the class path for providers and {@code Logger.getLogger} starts
     * JUL's {@code LogManager}, which a migrator that logs nothing should not pay for.
     */
    private volatile System.Logger delegate;
    private volatile Logger jul;

    /** The default logger named {@code name}. */
    public DefaultLogger(String name) {
        this.name = name;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public boolean isLoggable(Level level) {
        return delegate().isLoggable(level);
    }

    private System.Logger delegate() {
        System.Logger d = delegate;
        if (d == null) {
            // Racing threads get the same logger: System.getLogger answers alike for a name.
            d = System.getLogger(name);
            delegate = d;
        }
        return d;
    }

    private Logger jul() {
        Logger j = jul;
        if (j == null) {
            j = Logger.getLogger(name);
            jul = j;
        }
        return j;
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
        Handler console = plainConsole();
        if (console == null) {
            delegate().log(level, bundle, msg, thrown);
        } else if (loggable(console, level)) {
            write(level, msg, thrown);
        }
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        Handler console = plainConsole();
        if (console == null) {
            delegate().log(level, bundle, format, params);
        } else if (loggable(console, level)) {
            write(level, params == null || params.length == 0 ? format : MessageFormat.format(format, params), null);
        }
    }

    @Override
    public void log(Level level, Supplier<String> msgSupplier) {
        Handler console = plainConsole();
        if (console == null) {
            delegate().log(level, msgSupplier);
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
        for (Logger logger = jul(); logger != null; logger = logger.getParent()) {
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
        java.util.logging.Level julLevel = julLevel(level);
        return jul().isLoggable(julLevel) && julLevel.intValue() >= console.getLevel().intValue();
    }

    private void write(Level level, String message, Throwable thrown) {
        StringBuilder line = new StringBuilder(48 + name.length() + message.length());
        appendTime(line, now());
        String levelName = level == Level.WARNING ? "WARN" : level.getName();
        line.append(levelName);
        for (int i = levelName.length(); i < 5; i++) {
            line.append(' ');
        }
        line.append(" [").append(name).append("] ").append(message);
        if (thrown != null) {
            StringWriter trace = new StringWriter();
            thrown.printStackTrace(new PrintWriter(trace));
            line.append(System.lineSeparator()).append(trace.toString().stripTrailing());
        }
        // System.err as JUL's ConsoleHandler writes; one println so concurrent lines do not
        // interleave. The default System.err flushes on println, so flush() then finds nothing
        // to write; it matters only for an application's own System.err without auto-flush.
        PrintStream err = System.err;
        err.println(line);
        err.flush();
    }

    /**
     * The local time, as {@code LocalDateTime.now()} gives it, through {@code TimeZone}:
     * JDBC drivers have loaded its zone data already, whereas {@code java.time}'s own zone
     * rules would be read from the JDK's time-zone file again for this line alone (about
     * 20 ms of CPU in a fresh JVM, a sixth of what Retort costs at head).
     */
    private static LocalDateTime now() {
        long millis = System.currentTimeMillis();
        long local = millis + TimeZone.getDefault().getOffset(millis);
        return LocalDateTime.ofEpochSecond(Math.floorDiv(local, 1000), (int) Math.floorMod(local, 1000) * 1_000_000,
                ZoneOffset.UTC);
    }

    /** {@code yyyy-MM-dd HH:mm:ss.SSS } as {@code DateTimeFormatter} would print it, for years 0 to 9999. */
    static void appendTime(StringBuilder line, LocalDateTime time) {
        appendPadded(line, time.getYear(), 4).append('-');
        appendPadded(line, time.getMonthValue(), 2).append('-');
        appendPadded(line, time.getDayOfMonth(), 2).append(' ');
        appendPadded(line, time.getHour(), 2).append(':');
        appendPadded(line, time.getMinute(), 2).append(':');
        appendPadded(line, time.getSecond(), 2).append('.');
        appendPadded(line, time.getNano() / 1_000_000, 3).append(' ');
    }

    private static StringBuilder appendPadded(StringBuilder line, int value, int width) {
        for (int bound = 10, digits = 1; digits < width; bound *= 10, digits++) {
            if (value < bound) {
                line.append('0');
            }
        }
        return line.append(value);
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
