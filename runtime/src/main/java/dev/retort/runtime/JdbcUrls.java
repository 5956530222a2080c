package dev.retort.runtime;

import java.util.regex.Pattern;

/**
 * Hides the secrets a JDBC URL may carry before it is printed. Every tool that shows a
 * URL (the command line, the Maven plugin, the Spring Boot starter, error messages) passes
 * it through {@link #redact} first, so a password written into a URL never reaches a log.
 *
 * <pre>{@code
 * JdbcUrls.redact("jdbc:postgresql://db:5432/app?user=app&password=s3cr3t")
 *     // jdbc:postgresql://db:5432/app?user=app&password=***
 * JdbcUrls.redact("jdbc:mysql://app:s3cr3t@db/app")    // jdbc:mysql://app:***@db/app
 * JdbcUrls.redact("jdbc:h2:./data/app;USER=sa;PASSWORD=s3cr3t")  // …;PASSWORD=***
 * }</pre>
 */
public final class JdbcUrls {

    /** What a hidden secret is replaced with. */
    public static final String MASK = "***";

    // A parameter whose name says it holds a secret, in any driver's syntax: ?k=v&k=v
    // (PostgreSQL, MariaDB, SQLite), ;K=V (H2, SQL Server) or a space-separated text. The
    // value also ends before punctuation that ends the URL in a message ("…=s3cr3t: refused",
    // "'…=s3cr3t'."), so masking keeps the sentence and masking twice changes nothing.
    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "(?i)((?:^|[?&;:,\\s])\\s*(?:[a-z0-9_.-]*(?:password|passwd|pwd|secret|token|passphrase|credential)"
                    + "[a-z0-9_.-]*|key)\\s*=)([^&;\\s,)]*?)(?=[&;\\s,)]|[.:'\"]+(?:\\s|$)|$)");

    // user:secret@host, as MySQL, MariaDB and most URL syntaxes allow after "//".
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@?;&\\s]*:)([^@/?;&\\s]*)@");

    // Oracle's thin syntax: jdbc:oracle:thin:user/secret@host.
    private static final Pattern ORACLE_THIN = Pattern.compile("(?i)(jdbc:oracle:[a-z0-9]+:[^/@:\\s]*/)([^@\\s]*)@");

    private JdbcUrls() {}

    /**
     * Returns {@code text} with every password it holds replaced by {@value #MASK}: the
     * values of parameters named like a secret ({@code password}, {@code PASSWORD}, {@code
     * sslpassword}, {@code pwd}, {@code key}, …) and the secret of a {@code user:secret@}
     * part. Works on a URL or on any message that quotes one; {@code null} stays {@code null}.
     */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = SECRET_PARAMETER.matcher(text).replaceAll(m -> m.group(2).isEmpty()
                ? java.util.regex.Matcher.quoteReplacement(m.group(0))
                : java.util.regex.Matcher.quoteReplacement(m.group(1) + MASK));
        result = USER_INFO.matcher(result).replaceAll("$1" + MASK + "@");
        return ORACLE_THIN.matcher(result).replaceAll("$1" + MASK + "@");
    }

    /**
     * Returns {@code text} with every occurrence of {@code secret} replaced by {@value
     * #MASK}, then {@linkplain #redact redacted}: for messages that may echo a password given
     * apart from the URL (a {@code --password} option, a {@code retort.password} property).
     * A {@code null} or empty secret hides nothing more.
     */
    public static String redact(String text, String secret) {
        if (text == null) {
            return null;
        }
        String result = secret == null || secret.isEmpty() ? text : text.replace(secret, MASK);
        return redact(result);
    }
}
