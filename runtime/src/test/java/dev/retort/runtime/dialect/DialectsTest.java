package dev.retort.runtime.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;

class DialectsTest {

    @Test
    void eachNameAndAliasGivesItsDialect() {
        assertThat(Dialects.names()).containsExactly("h2", "postgresql", "mariadb", "mysql", "sqlite");
        for (String name : Dialects.names()) {
            assertThat(Dialects.forName(name)).get().extracting(Dialect::name).isEqualTo(name);
        }
        assertThat(Dialects.forName(" PG ")).get().isInstanceOf(PostgresDialect.class);
        assertThat(Dialects.forName("postgres")).get().isInstanceOf(PostgresDialect.class);
        assertThat(Dialects.forName("sqlite3")).get().isInstanceOf(SqliteDialect.class);
        assertThat(Dialects.forName("mysql")).get().isInstanceOf(MariaDbDialect.class);
        assertThat(Dialects.forName("oracle")).isEmpty();
    }

    @Test
    void eachUrlPrefixGivesItsDialect() {
        assertThat(Dialects.forUrl("jdbc:h2:mem:x")).get().isInstanceOf(H2Dialect.class);
        assertThat(Dialects.forUrl("JDBC:PostgreSQL://db/app")).get().isInstanceOf(PostgresDialect.class);
        assertThat(Dialects.forUrl("jdbc:mariadb://db/app")).get().extracting(Dialect::name).isEqualTo("mariadb");
        assertThat(Dialects.forUrl("jdbc:mysql://db/app")).get().extracting(Dialect::name).isEqualTo("mysql");
        assertThat(Dialects.forUrl("jdbc:sqlite:app.db")).get().isInstanceOf(SqliteDialect.class);
        assertThat(Dialects.forUrl("jdbc:oracle:thin:@db")).isEmpty();
    }

    @Test
    void detectsTheDatabaseOfAConnectionAndMakesAFreshDialectEachTime() throws Exception {
        try (Connection h2 = DriverManager.getConnection("jdbc:h2:mem:dialects")) {
            assertThat(Dialects.detect(h2)).isInstanceOf(H2Dialect.class);
        }
        // A fresh dialect each time: dialects may keep per-database state.
        assertThat(Dialects.forName("h2").get()).isNotSameAs(Dialects.forName("h2").get());
    }
}
