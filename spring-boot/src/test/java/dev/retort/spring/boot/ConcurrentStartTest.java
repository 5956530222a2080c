package dev.retort.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.runtime.MigrationResult;
import dev.retort.spring.boot.plain.PlainApplication;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Two instances of an application starting at once on one PostgreSQL database. */
class ConcurrentStartTest {

    @Test
    void twoInstancesStartingTogetherApplyEachRevisionOnce() throws Exception {
        try (TestDatabase database = TestDatabases.postgres()) {
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<ConfigurableApplicationContext> contexts = new ArrayList<>();
            try {
                List<Future<ConfigurableApplicationContext>> starts = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    starts.add(pool.submit(() -> {
                        go.await();
                        return Apps.of(PlainApplication.class).on(database)
                                .with("retort.package", "dev.retort.spring.boot.race").start();
                    }));
                }
                go.countDown();
                for (Future<ConfigurableApplicationContext> start : starts) {
                    contexts.add(start.get(2, TimeUnit.MINUTES));
                }
                // Each slow revision logged itself once, whichever instance ran it.
                JdbcTemplate jdbc = contexts.get(0).getBean(JdbcTemplate.class);
                assertThat(jdbc.queryForList("SELECT revision FROM race_log ORDER BY revision", String.class))
                        .containsExactly("d2f1b8c4e631", "e3a2c9d5f742");
                assertThat(jdbc.queryForList("SELECT version_num FROM retort_version", String.class))
                        .containsExactly("e3a2c9d5f742");
                int applied = 0;
                for (ConfigurableApplicationContext context : contexts) {
                    MigrationResult result = context.getBean(RetortMigrationInitializer.class).result().orElseThrow();
                    applied += result.steps().size();
                }
                assertThat(applied).isEqualTo(3);
            } finally {
                contexts.forEach(ConfigurableApplicationContext::close);
                pool.shutdownNow();
            }
        }
    }
}
