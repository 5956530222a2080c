package dev.retort.cli.internal;

import dev.retort.runtime.JdbcUrls;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides passwords in what the command line prints: the secrets of every JDBC URL (through
 * {@link JdbcUrls#redact(String)}) and the password given apart from the URL ({@code
 * password=}, {@code --password}), wherever a driver or an exception echoes it.
 */
public final class Secrets {

    /**
     * Below this length a password is only hidden where it stands alone, not inside a word:
     * a password "sa" must not turn "database" into "data***e". Longer ones are hidden
     * anywhere; a collision with ordinary text is then unlikely, and a leak is not.
     */
    private static final int SHORT = 8;

    private Secrets() {
    }

    /**
     * The secrets {@link JdbcUrls#redact(String)} hides in {@code url}, as written. A driver
     * may echo one outside any URL syntax (MariaDB's "Incorrect port value : s3cr3t@host"
     * for a {@code user:s3cr3t@host} it does not parse), so they are hidden as plain text too.
     */
    public static List<String> inUrl(String url) {
        if (url == null || url.isEmpty()) {
            return List.of();
        }
        // redact only replaces values by the mask: the text between its literal pieces, found
        // in order in the original, is what it hid.
        String[] pieces = JdbcUrls.redact(url).split(Pattern.quote(JdbcUrls.MASK), -1);
        List<String> found = new ArrayList<>();
        if (!url.startsWith(pieces[0])) {
            return found;
        }
        int at = pieces[0].length();
        for (int k = 1; k < pieces.length; k++) {
            int next = pieces[k].isEmpty() ? url.length() : url.indexOf(pieces[k], at);
            if (next < 0) {
                break;
            }
            found.add(url.substring(at, next));
            at = next + pieces[k].length();
        }
        return found;
    }

    /** {@code text} with each of {@code secrets} and every URL secret replaced by {@value JdbcUrls#MASK}; null stays null. */
    public static String mask(String text, Collection<String> secrets) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String secret : secrets) {
            if (secret == null || secret.isEmpty()) {
                continue;
            }
            if (secret.length() >= SHORT) {
                result = result.replace(secret, JdbcUrls.MASK);
            } else {
                result = Pattern.compile("(?<![\\p{Alnum}])" + Pattern.quote(secret) + "(?![\\p{Alnum}])")
                        .matcher(result).replaceAll(Matcher.quoteReplacement(JdbcUrls.MASK));
            }
        }
        return JdbcUrls.redact(result);
    }
}
