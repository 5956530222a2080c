package dev.retort.test;

import dev.retort.test.internal.UrlDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** A private in-memory H2 database per check, shut down afterwards: the default of every check. */
public final class H2TestDatabase implements TestDatabase {

    /** The H2 database; needs {@code com.h2database:h2}, which the kit brings. */
    public H2TestDatabase() {
    }

    @Override
    public String name() {
        return "H2";
    }

    @Override
    public FreshDatabase create() {
        String url = "jdbc:h2:mem:retort_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
        UrlDataSource dataSource = new UrlDataSource(url);
        return new FreshDatabase(dataSource, () -> {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException ignored) {
                // already gone
            }
        });
    }
}
