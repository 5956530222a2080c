package dev.retort.cli.internal;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands {@code ${env:NAME}} and {@code ${env:NAME:-default}} in configuration values, so
 * that secrets stay in the environment rather than in {@code retort.properties}.
 */
public final class EnvExpander {

    private static final Pattern BROKEN = Pattern.compile("\\$\\{env:([A-Za-z0-9_]*)");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    private EnvExpander() {
    }

    /**
     * The value with every reference replaced.
     *
     * @param value       the raw value
     * @param environment looks a variable up; returns {@code null} when it is not set
     * @param where       names the key and file in the error message
     * @throws IllegalArgumentException when a variable without default is not set, or a
     *                                  {@code ${env:} reference is not closed or not well formed
     */
    public static String expand(String value, Function<String, String> environment, String where) {
        Matcher matcher = REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        int end = 0;
        while (matcher.find()) {
            requireNoReference(value.substring(end, matcher.start()), where);
            end = matcher.end();
            if (matcher.group(2) != null && matcher.group(2).contains("${")) {
                throw new IllegalArgumentException("The default of ${env:" + matcher.group(1) + "} in " + where
                        + " holds another reference, which is not expanded. Write a plain default value.");
            }
            String name = matcher.group(1);
            String found = environment.apply(name);
            if (found == null) {
                found = matcher.group(2);
            }
            if (found == null) {
                throw new IllegalArgumentException("Environment variable " + name + " is not set (used by " + where
                        + "). Set it, or write ${env:" + name + ":-default} to give a default.");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(found));
        }
        requireNoReference(value.substring(end), where);
        matcher.appendTail(out);
        return out.toString();
    }

    /**
     * Text outside every well-formed reference must hold no {@code ${env:}}: an unclosed
     * {@code ${env:NOPE} would otherwise be used literally, as a URL or a password.
     */
    private static void requireNoReference(String text, String where) {
        Matcher broken = BROKEN.matcher(text);
        if (broken.find()) {
            // Only the name is quoted: the rest may be a default that is a password.
            throw new IllegalArgumentException("Unclosed or malformed reference ${env:" + broken.group(1) + "… in "
                    + where + ". Write ${env:NAME} or ${env:NAME:-default}: NAME of letters, digits and _, and a } "
                    + "that closes it.");
        }
    }
}
