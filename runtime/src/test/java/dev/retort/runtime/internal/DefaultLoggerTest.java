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
import java.util.TimeZone;
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
        LocalDateTime before = LocalDateTime.now().withNano(0);
        LocalDateTime after;
        try {
            DefaultLogger logger = new DefaultLogger("dev.retort.runtime.DefaultLoggerTest");
            logger.log(Level.INFO, "Running upgrade  -> a1, first");
            assertThat(bytes.toString(StandardCharsets.UTF_8)).endsWith("first" + System.lineSeparator());
            logger.log(Level.WARNING, "Running upgrade a1 -> b2");
            logger.log(Level.INFO, "Lock {0} taken", "L");
            logger.log(Level.DEBUG, "not shown at JUL's default level INFO");
        } finally {
            after = LocalDateTime.now();
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
        // The stamp is the local time in the default zone, as LocalDateTime.now() has it.
        LocalDateTime logged = LocalDateTime.parse(lines.get(0).substring(0, 23), TIME);
        assertThat(logged).isBetween(before, after);
    }

    @Test
    void theStampIsTheDefaultZonesLocalTime() {
        TimeZone zone = TimeZone.getDefault();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = System.err;
        // +12:45 (+13:45 in its summer): no test machine's own zone, so a stamp in UTC or in the
        // machine's zone would fail.
        TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Chatham"));
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        LocalDateTime before = LocalDateTime.now().withNano(0);
        LocalDateTime after;
        try {
            new DefaultLogger("dev.retort.runtime.DefaultLoggerTest").log(Level.INFO, "zoned");
            after = LocalDateTime.now();
        } finally {
            System.setErr(err);
            TimeZone.setDefault(zone);
        }
        LocalDateTime logged = LocalDateTime.parse(bytes.toString(StandardCharsets.UTF_8).substring(0, 23), TIME);
        assertThat(logged).isBetween(before, after);
    }
}
