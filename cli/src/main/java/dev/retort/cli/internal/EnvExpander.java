package dev.retort.cli.internal;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands {@code ${env:NAME}} and {@code ${env:NAME:-default}} in configuration values, so
 * that secrets stay in the environment rather than in {@code retort.properties}.
 */
public final class EnvExpander {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    private EnvExpander() {
    }

    /**
     * The value with every reference replaced.
     *
     * @param value       the raw value
     * @param environment looks a variable up; returns {@code null} when it is not set
     * @param where       names the key and file in the error message
     * @throws IllegalArgumentException when a variable without default is not set
     */
    public static String expand(String value, Function<String, String> environment, String where) {
        Matcher matcher = REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
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
        matcher.appendTail(out);
        return out.toString();
    }
}
