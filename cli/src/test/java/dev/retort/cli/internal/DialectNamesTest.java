package dev.retort.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.runtime.dialect.H2Dialect;
import dev.retort.runtime.dialect.PostgresDialect;
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
    void knownDatabasesWithoutADialectYetSaySo() {
        assertThatThrownBy(() -> DialectNames.resolve(NONE, Optional.of("jdbc:mysql://db/app"), "f"))
                .hasMessageContaining("is a mariadb database").hasMessageContaining("no mariadb dialect");
        assertThatThrownBy(() -> DialectNames.resolve(NONE, Optional.of("jdbc:sqlite:app.db"), "f"))
                .hasMessageContaining("no sqlite dialect");
        assertThatThrownBy(() -> DialectNames.resolve(Optional.of("sqlite3"), NONE, "f"))
                .hasMessageContaining("Unknown dialect 'sqlite3'").hasMessageContaining("h2, postgresql");
    }

    @Test
    void nothingToGoOnNamesTheFileAndTheOption() {
        assertThatThrownBy(() -> DialectNames.resolve(NONE, NONE, "/app/retort.properties"))
                .hasMessageContaining("/app/retort.properties").hasMessageContaining("--dialect");
        assertThatThrownBy(() -> DialectNames.resolve(NONE, Optional.of("jdbc:oracle:thin:@db"), "f"))
                .hasMessageContaining("Cannot tell the SQL dialect from the url 'jdbc:oracle:thin:@db'");
    }
}
