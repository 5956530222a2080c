package dev.retort.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineLoggerTest {

    @Test
    void formatsAsAlembicAndMasksTheUrlOfAnException() {
        List<String> lines = new ArrayList<>();
        LineLogger logger = new LineLogger(lines::add);
        logger.log(System.Logger.Level.INFO, "Running upgrade  -> {0}, {1}", "ab01", "first");
        logger.log(System.Logger.Level.WARNING, "Could not close the migration connection",
                new SQLException("closed: jdbc:postgresql://db/app?user=app&password=s3cr3t"));
        logger.log(System.Logger.Level.DEBUG, "not shown");
        assertThat(lines).containsExactly("INFO  [retort] Running upgrade  -> ab01, first",
                "WARN  [retort] Could not close the migration connection "
                        + "(java.sql.SQLException: closed: jdbc:postgresql://db/app?user=app&password=***)");
    }
}
