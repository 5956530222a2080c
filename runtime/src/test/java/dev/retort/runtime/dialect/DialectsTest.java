package dev.retort.runtime.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
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

    /**
     * The migrator's at-head check reads the version table before it detects the dialect when
     * the table has Retort's or Alembic's default name and no schema, with this text: every
     * dialect must write that query the same way.
     */
    @Test
    void everyDialectReadsTheDefaultVersionTablesWithTheSameQuery() {
        for (String name : Dialects.names()) {
            Dialect dialect = Dialects.forName(name).orElseThrow();
            assertThat(dialect.selectVersions(null, "retort_version")).as(name)
                    .isEqualTo("SELECT version_num FROM retort_version");
            assertThat(dialect.selectVersions(null, "alembic_version")).as(name)
                    .isEqualTo("SELECT version_num FROM alembic_version");
        }
    }

    @Test
    void detectsTheDatabaseOfAConnectionAndMakesAFreshDialectEachTime() throws Exception {
        try (Connection h2 = DriverManager.getConnection("jdbc:h2:mem:dialects")) {
            assertThat(Dialects.detect(h2)).isInstanceOf(H2Dialect.class);
        }
        // A connection of a class it does not know (a pool's wrapper) is asked for its metadata.
        try (Connection h2 = DriverManager.getConnection("jdbc:h2:mem:dialects")) {
            Connection wrapped = (Connection) Proxy.newProxyInstance(DialectsTest.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> method.invoke(h2, args));
            assertThat(Dialects.detect(wrapped)).isInstanceOf(H2Dialect.class);
        }
        // A fresh dialect each time: dialects may keep per-database state.
        assertThat(Dialects.forName("h2").get()).isNotSameAs(Dialects.forName("h2").get());
    }
}
