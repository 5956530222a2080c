package dev.retort.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void findsTheSecretsOfEachDriversUrlSyntax() {
        assertThat(Secrets.inUrl("jdbc:postgresql://db/app?user=app&password=s3cr3t&ssl=true")).containsExactly("s3cr3t");
        assertThat(Secrets.inUrl("jdbc:mariadb://app:pw:x@db:3306/app")).containsExactly("pw:x");
        assertThat(Secrets.inUrl("jdbc:h2:./data;USER=sa;PASSWORD=s3cr3t")).containsExactly("s3cr3t");
        assertThat(Secrets.inUrl("jdbc:sqlite:app.db?key=k3y&password=p4ss")).containsExactly("k3y", "p4ss");
        assertThat(Secrets.inUrl("jdbc:h2:mem:x")).isEmpty();
        assertThat(Secrets.inUrl(null)).isEmpty();
    }

    @Test
    void masksUrlsAndTheSecretsGivenApart() {
        assertThat(Secrets.mask("Incorrect port value : s3cr3tLongOne@127.0.0.1", List.of("s3cr3tLongOne")))
                .isEqualTo("Incorrect port value : ***@127.0.0.1");
        assertThat(Secrets.mask("Cannot connect to jdbc:postgresql://db/app?password=x1", List.of()))
                .isEqualTo("Cannot connect to jdbc:postgresql://db/app?password=***");
        assertThat(Secrets.mask(null, List.of("x"))).isNull();
    }

    @Test
    void aShortPasswordIsMaskedOnlyWhereItStandsAlone() {
        // A password "sa" must not garble "database"; standing alone it is hidden.
        assertThat(Secrets.mask("Check that the database is running (password sa).", List.of("sa")))
                .isEqualTo("Check that the database is running (password ***).");
        assertThat(Secrets.mask("a longer password hides inside wordsLongSecret1x", List.of("LongSecret1x")))
                .isEqualTo("a longer password hides inside words***");
    }
}
