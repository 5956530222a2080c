package dev.retort.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.H2Dialect;
import dev.retort.runtime.dialect.MariaDbDialect;
import dev.retort.runtime.dialect.PostgresDialect;
import dev.retort.runtime.dialect.SqliteDialect;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DialectNamesTest {

    private static final Optional<String> NONE = Optional.empty();

    @Test
    void aNameWinsOverTheUrl() {
        assertThat(DialectNames.resolve(Optional.of("postgresql"), Optional.of("jdbc:h2:mem:x"), "retort.properties"))
                .isInstanceOf(PostgresDialect.class);
        assertThat(DialectNames.resolve(Optional.of(" H2 "), NONE, "retort.properties")).isInstanceOf(H2Dialect.class);
        assertThat(DialectNames.resolve(Optional.of("postgres"), NONE, "retort.properties"))
                .isInstanceOf(PostgresDialect.class);
    }

    @Test
    void theUrlPrefixNamesTheDialect() {
        assertThat(DialectNames.resolve(NONE, Optional.of("jdbc:h2:file:./target/db"), "f"))
                .isInstanceOf(H2Dialect.class);
        assertThat(DialectNames.resolve(NONE, Optional.of("JDBC:PostgreSQL://localhost/app"), "f"))
                .isInstanceOf(PostgresDialect.class);
    }

    @Test
    void everyDialectByNameAndAlias() {
        Dialect mariadb = DialectNames.resolve(Optional.of("MariaDB"), NONE, "f");
        assertThat(mariadb).isInstanceOf(MariaDbDialect.class);
        assertThat(mariadb.name()).isEqualTo("mariadb");
        // MySQL is MariaDB's dialect in its MySQL flavour (CHAR(36) UUIDs, DROP CHECK), not an alias.
        Dialect mysql = DialectNames.resolve(Optional.of("mysql"), NONE, "f");
        assertThat(mysql).isInstanceOf(MariaDbDialect.class);
        assertThat(mysql.name()).isEqualTo("mysql");
        assertThat(DialectNames.resolve(Optional.of("sqlite"), NONE, "f")).isInstanceOf(SqliteDialect.class);
        assertThat(DialectNames.resolve(Optional.of("sqlite3"), NONE, "f").name()).isEqualTo("sqlite");
    }

    @Test
    void everyUrlPrefixNamesItsDialect() {
        assertThat(DialectNames.resolve(NONE, Optional.of("jdbc:mariadb://db:3306/app"), "f").name()).isEqualTo("mariadb");
        assertThat(DialectNames.resolve(NONE, Optional.of("jdbc:mysql://db/app"), "f").name()).isEqualTo("mysql");
        assertThat(DialectNames.resolve(NONE, Optional.of("jdbc:sqlite:app.db"), "f")).isInstanceOf(SqliteDialect.class);
    }

    @Test
    void anUnknownNameListsEveryDialect() {
        assertThatThrownBy(() -> DialectNames.resolve(Optional.of("oracle"), NONE, "f"))
                .hasMessageContaining("Unknown dialect 'oracle'")
                .hasMessageContaining("h2, postgresql, mariadb, mysql, sqlite");
    }

    @Test
    void nothingToGoOnNamesTheFileAndTheOption() {
        assertThatThrownBy(() -> DialectNames.resolve(NONE, NONE, "/app/retort.properties"))
                .hasMessageContaining("/app/retort.properties").hasMessageContaining("--dialect");
        assertThatThrownBy(() -> DialectNames.resolve(NONE, Optional.of("jdbc:oracle:thin:@db"), "f"))
                .hasMessageContaining("Cannot tell the SQL dialect from the url 'jdbc:oracle:thin:@db'");
    }
}
