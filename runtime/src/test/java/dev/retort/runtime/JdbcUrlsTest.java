package dev.retort.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JdbcUrlsTest {

    @Test
    void hidesPasswordParametersOfEveryDriversSyntax() {
        assertThat(JdbcUrls.redact("jdbc:postgresql://127.0.0.1:5432/test?user=postgres&password=s3cr3t&ssl=false"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/test?user=postgres&password=***&ssl=false");
        assertThat(JdbcUrls.redact("jdbc:postgresql://h/db?password=s3cr3t"))
                .isEqualTo("jdbc:postgresql://h/db?password=***");
        assertThat(JdbcUrls.redact("jdbc:mariadb://127.0.0.1:3306/test?user=root&password=s3cr3t"))
                .isEqualTo("jdbc:mariadb://127.0.0.1:3306/test?user=root&password=***");
        assertThat(JdbcUrls.redact("jdbc:h2:./data/app;USER=sa;PASSWORD=s3cr3t;MODE=PostgreSQL"))
                .isEqualTo("jdbc:h2:./data/app;USER=sa;PASSWORD=***;MODE=PostgreSQL");
        assertThat(JdbcUrls.redact("jdbc:sqlite:file:app.db?cipher=sqlcipher&key=s3cr3t"))
                .isEqualTo("jdbc:sqlite:file:app.db?cipher=sqlcipher&key=***");
        assertThat(JdbcUrls.redact("jdbc:postgresql://h/db?sslpassword=s3cr3t&sslmode=require"))
                .isEqualTo("jdbc:postgresql://h/db?sslpassword=***&sslmode=require");
        assertThat(JdbcUrls.redact("jdbc:sqlserver://h;user=sa;pwd=s3cr3t"))
                .isEqualTo("jdbc:sqlserver://h;user=sa;pwd=***");
    }

    @Test
    void hidesTheSecretOfUserInfoAndOraclesThinSyntax() {
        assertThat(JdbcUrls.redact("jdbc:mysql://app:s3cr3t@db:3306/app"))
                .isEqualTo("jdbc:mysql://app:***@db:3306/app");
        assertThat(JdbcUrls.redact("jdbc:oracle:thin:scott/tiger@db:1521/orcl"))
                .isEqualTo("jdbc:oracle:thin:scott/***@db:1521/orcl");
    }

    @Test
    void leavesUrlsWithoutSecretsAsTheyAre() {
        for (String url : new String[] {
                "jdbc:postgresql://127.0.0.1:5432/test?user=postgres",
                "jdbc:mariadb://127.0.0.1:3306/test",
                "jdbc:h2:mem:test;DB_CLOSE_DELAY=-1",
                "jdbc:sqlite:/tmp/a.db",
                "jdbc:postgresql://host:5432/db", // a port is no secret
                "jdbc:h2:tcp://localhost:9092/./data/app"}) {
            assertThat(JdbcUrls.redact(url)).isEqualTo(url);
        }
        assertThat(JdbcUrls.redact((String) null)).isNull();
    }

    @Test
    void redactsUrlsQuotedInsideMessagesAndASecretGivenApart() {
        assertThat(JdbcUrls.redact("Cannot connect to jdbc:postgresql://h/db?user=u&password=s3cr3t (refused)"))
                .isEqualTo("Cannot connect to jdbc:postgresql://h/db?user=u&password=*** (refused)");
        assertThat(JdbcUrls.redact("FATAL: password authentication failed, tried hunter2", "hunter2"))
                .isEqualTo("FATAL: password authentication failed, tried ***");
    }

    @Test
    void keepsThePunctuationAfterAUrlInASentence() {
        String message = "Cannot connect to jdbc:h2:./x;PASSWORD=s3cr3t: Database not found. Or the url "
                + "'jdbc:postgresql://h/db?password=s3cr3t'. Or jdbc:sqlite:a.db?key=s3cr3t.";
        String redacted = "Cannot connect to jdbc:h2:./x;PASSWORD=***: Database not found. Or the url "
                + "'jdbc:postgresql://h/db?password=***'. Or jdbc:sqlite:a.db?key=***.";
        assertThat(JdbcUrls.redact(message)).isEqualTo(redacted);
        assertThat(JdbcUrls.redact(redacted)).as("masking twice").isEqualTo(redacted);
        // Inside a value the same characters are part of the secret.
        assertThat(JdbcUrls.redact("jdbc:postgresql://h/db?password=a.b:c'd&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?password=***&ssl=true");
    }
}
