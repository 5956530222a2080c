package dev.retort.runtime.migrator;

import static dev.retort.runtime.migrator.Revisions.labelled;
import static dev.retort.runtime.migrator.Revisions.registry;
import static dev.retort.runtime.migrator.Revisions.revision;
import static dev.retort.runtime.migrator.Revisions.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.graph.RevisionException;
import dev.retort.runtime.MigrationRegistry;
import dev.retort.runtime.Migrator;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;
import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The INFO lines a run writes, as Alembic writes them, captured through the builder's logger option. */
class MigratorLoggingTest {

    /** A System.Logger that keeps every line at INFO and above. */
    static final class RecordingLogger implements System.Logger {
        final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        public String getName() {
            return "recording";
        }

        @Override
        public boolean isLoggable(Level level) {
            return level.getSeverity() >= Level.INFO.getSeverity();
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
            if (isLoggable(level)) {
                lines.add(msg);
            }
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            if (isLoggable(level)) {
                lines.add(params == null || params.length == 0 ? format : MessageFormat.format(format, params));
            }
        }

        List<String> running() {
            return lines.stream().filter(line -> line.startsWith("Running ")).toList();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void oneAlembicLinePerStep(String kind) {
        try (TestDatabase db = TestDatabases.open(kind)) {
            MigrationRegistry registry = registry(table("a0"), labelled("b1", "left", "a0"),
                    labelled("c1", "right", "a0"),
                    revision("m1", List.of("b1", "c1"), List.of(), List.of(), "merge branches",
                            Revisions.migration(op -> { }, op -> { })));
            RecordingLogger logger = new RecordingLogger();
            Migrator migrator = Migrator.builder(registry).dataSource(db.dataSource()).logger(logger).build();

            migrator.upgrade("head");
            // the order of the two branches is the graph's; the lines are Alembic's
            List<String> running = logger.running();
            assertThat(running).containsExactlyInAnyOrder(
                    "Running upgrade  -> a0, create t_a0",
                    "Running upgrade a0 -> b1, create t_b1",
                    "Running upgrade a0 -> c1, create t_c1",
                    "Running upgrade b1, c1 -> m1, merge branches");
            assertThat(running.get(0)).isEqualTo("Running upgrade  -> a0, create t_a0");
            assertThat(running.get(3)).isEqualTo("Running upgrade b1, c1 -> m1, merge branches");
            assertThat(logger.lines).anyMatch(line -> line.startsWith("Context impl "));

            logger.lines.clear();
            migrator.upgrade("head");
            // at head: one line that says so, naming the head
            assertThat(logger.lines).containsExactly("At head (m1); nothing to apply");

            migrator.downgrade("b1");
            assertThat(logger.running()).containsExactly("Running downgrade m1 -> b1, c1, merge branches");
        }
    }

    @Test
    void stampRejectsAnUnknownTargetBeforeWarningAboutRowsItWouldReplace() {
        try (TestDatabase db = TestDatabases.h2()) {
            RecordingLogger logger = new RecordingLogger();
            Migrator migrator = Migrator.builder(registry(table("a0"))).dataSource(db.dataSource()).logger(logger)
                    .build();
            migrator.upgrade("head");
            db.execute("UPDATE retort_version SET version_num = 'gone01'");
            logger.lines.clear();

            assertThatThrownBy(() -> migrator.stamp("nope")).isInstanceOf(RevisionException.class);
            assertThat(logger.lines).isEmpty();

            migrator.stamp("a0");
            assertThat(logger.lines).containsExactly(
                    "Stamp replaces version-table rows that this build does not contain: gone01",
                    "Running stamp_revision gone01 -> a0");
        }
    }
}
