package dev.retort.runtime.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.runtime.operation.CreateTable;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Type;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Identifiers are quoted only where they must be, per dialect, without a database. */
class IdentifierQuotingTest {

    static Stream<Dialect> dialects() {
        return Stream.of(new StandardDialectTest.StandardDialect(true), new H2Dialect(), new PostgresDialect());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void plainLowerCaseNamesAreBare(Dialect dialect) {
        assertThat(Stream.of("account", "created_at", "_x1", "retort_version", "t2").map(dialect::quote))
                .containsExactly("account", "created_at", "_x1", "retort_version", "t2");
        assertThat(dialect.qualify("billing", "invoice")).isEqualTo("billing.invoice");
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void reservedWordsCaseSpacesQuotesAndLeadingDigitsAreQuoted(Dialect dialect) {
        assertThat(Stream.of("order", "user", "select", "Account", "ACCOUNT", "full name", "we\"ird", "1st", "a-b", "é")
                .map(dialect::quote))
                .containsExactly("\"order\"", "\"user\"", "\"select\"", "\"Account\"", "\"ACCOUNT\"", "\"full name\"",
                        "\"we\"\"ird\"", "\"1st\"", "\"a-b\"", "\"é\"");
        assertThat(dialect.qualify("My Schema", "order")).isEqualTo("\"My Schema\".\"order\"");
    }

    @Test
    void eachDialectQuotesItsOwnReservedWords() {
        Dialect standard = new StandardDialectTest.StandardDialect(true);
        Dialect h2 = new H2Dialect();
        Dialect postgres = new PostgresDialect();
        // SQL:2016 reserves DATE and COUNT; H2 takes them bare, and quoting them there would
        // store them in lower case, apart from the DATE an unquoting query means.
        assertThat(standard.quote("date")).isEqualTo("\"date\"");
        assertThat(postgres.quote("count")).isEqualTo("\"count\"");
        assertThat(h2.quote("date")).isEqualTo("date");
        assertThat(h2.quote("count")).isEqualTo("count");
        // H2's own keywords.
        assertThat(Stream.of("key", "limit", "top", "_rowid_", "value", "if").map(h2::quote))
                .allMatch(quoted -> quoted.startsWith("\""));
        assertThat(standard.quote("key")).isEqualTo("key");
        // PostgreSQL's reserved keywords beyond SQL:2016.
        assertThat(Stream.of("returning", "verbose", "analyse", "limit", "offset", "do").map(postgres::quote))
                .allMatch(quoted -> quoted.startsWith("\""));
        assertThat(h2.quote("returning")).isEqualTo("returning");
    }

    @Test
    void h2FoldsBareNamesToUpperCaseInItsMetadata() {
        Dialect h2 = new H2Dialect();
        assertThat(h2.denormalizeName("account")).isEqualTo("ACCOUNT");
        assertThat(h2.normalizeName("ACCOUNT")).isEqualTo("account");
        assertThat(h2.normalizeName("RETORT_VERSION")).isEqualTo("retort_version");
        // Quoted names are stored as written, both ways.
        assertThat(h2.denormalizeName("order")).isEqualTo("order");
        assertThat(h2.normalizeName("order")).isEqualTo("order");
        assertThat(h2.denormalizeName("Account")).isEqualTo("Account");
        assertThat(h2.normalizeName("Account")).isEqualTo("Account");
        assertThat(h2.normalizeName("full name")).isEqualTo("full name");
        // An upper-case keyword was quoted upper case: "ORDER" is not the name order.
        assertThat(h2.normalizeName("ORDER")).isEqualTo("ORDER");
        assertThat(h2.normalizeName("FULL NAME")).isEqualTo("FULL NAME");
    }

    @Test
    void postgresKeepsWhatItReports() {
        Dialect postgres = new PostgresDialect();
        for (String name : List.of("account", "order", "Account", "full name")) {
            assertThat(postgres.denormalizeName(name)).isEqualTo(name);
            assertThat(postgres.normalizeName(name)).isEqualTo(name);
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void createTableQuotesOnlyTheNamesThatNeedIt(Dialect dialect) {
        assertThat(dialect.render(new CreateTable("Account", List.of(
                Column.of("id", Type.INTEGER).primaryKey(),
                Column.of("user", Type.INTEGER),
                Column.of("full name", Type.INTEGER)))))
                .containsExactly("CREATE TABLE \"Account\" (\n    id INTEGER NOT NULL,\n    \"user\" INTEGER,\n"
                        + "    \"full name\" INTEGER,\n    PRIMARY KEY (id)\n)");
    }
}
