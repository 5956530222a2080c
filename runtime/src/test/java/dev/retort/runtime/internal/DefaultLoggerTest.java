package dev.retort.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The default logger's own line, in this JVM's untouched java.util.logging set-up (the
 * application-facing cases, each in a fresh JVM, are in the tests module's RuntimeLoggingTest).
 */
class DefaultLoggerTest {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT);

    @Test
    void timeIsPrintedAsDateTimeFormatterPrintsIt() {
        for (LocalDateTime time : List.of(
                LocalDateTime.of(2026, 12, 6, 1, 33, 18, 204_000_000),
                LocalDateTime.of(2026, 1, 2, 3, 4, 5, 6_000_000),
                LocalDateTime.of(999, 10, 31, 23, 59, 59, 999_999_999),
                LocalDateTime.of(5, 1, 1, 0, 0, 0, 0),
                LocalDateTime.of(9999, 12, 31, 12, 0, 0, 50_000_000))) {
            StringBuilder line = new StringBuilder();
            DefaultLogger.appendTime(line, time);
            assertThat(line.toString()).isEqualTo(TIME.format(time) + " ");
        }
    }

    @Test
    void eachCallWritesOneCompleteLineThatReachesTheStreamBeforeItReturns() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // No auto-flush and a buffer larger than the lines: only the logger's own flush moves them.
        PrintStream unflushed = new PrintStream(new BufferedOutputStream(bytes, 1 << 16), false,
                StandardCharsets.UTF_8);
        PrintStream err = System.err;
        System.setErr(unflushed);
        try {
            DefaultLogger logger = new DefaultLogger("dev.retort.runtime.DefaultLoggerTest");
            logger.log(Level.INFO, "Running upgrade  -> a1, first");
            assertThat(bytes.toString(StandardCharsets.UTF_8)).endsWith("first" + System.lineSeparator());
            logger.log(Level.WARNING, "Running upgrade a1 -> b2");
            logger.log(Level.INFO, "Lock {0} taken", "L");
            logger.log(Level.DEBUG, "not shown at JUL's default level INFO");
        } finally {
            System.setErr(err);
        }
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        String stamp = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} ";
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).matches(stamp + "INFO  \\[dev\\.retort\\.runtime\\.DefaultLoggerTest\\] "
                + "Running upgrade  -> a1, first");
        assertThat(lines.get(1)).matches(stamp + "WARN  \\[dev\\.retort\\.runtime\\.DefaultLoggerTest\\] "
                + "Running upgrade a1 -> b2");
        assertThat(lines.get(2)).matches(stamp + "INFO  \\[dev\\.retort\\.runtime\\.DefaultLoggerTest\\] Lock L taken");
    }
}
