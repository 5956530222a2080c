package dev.retort.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvExpanderTest {

    private static final Map<String, String> ENV = Map.of("HOST", "db");

    @Test
    void expandsWellFormedReferences() {
        assertThat(EnvExpander.expand("jdbc:postgresql://${env:HOST}/${env:DB:-app}", ENV::get, "key 'url'"))
                .isEqualTo("jdbc:postgresql://db/app");
        assertThat(EnvExpander.expand("cost is ${ not a reference", ENV::get, "key 'x'")).isEqualTo("cost is ${ not a reference");
    }

    @Test
    void refusesAReferenceThatIsNotClosedOrWellFormed() {
        assertThatThrownBy(() -> EnvExpander.expand("${env:NOPE", ENV::get, "key 'url' in f"))
                .hasMessageStartingWith("Unclosed or malformed reference ${env:NOPE… in key 'url' in f.");
        assertThatThrownBy(() -> EnvExpander.expand("jdbc:h2:${env:HOST}/${env:1BAD}", ENV::get, "key 'url'"))
                .hasMessageContaining("${env:1BAD…");
        assertThatThrownBy(() -> EnvExpander.expand("${env:A:-${env:HOST}}", ENV::get, "key 'url'"))
                .hasMessageContaining("holds another reference");
    }
}
