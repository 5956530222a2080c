package dev.retort.cli.internal;

import dev.retort.cli.CommandException;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code ${name}} placeholders in a template; {@code $$} writes a single {@code $}.
 * A placeholder the caller does not provide is an error that names it, where it was found,
 * and the names that exist.
 */
public final class TemplateRenderer {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private TemplateRenderer() {
    }

    /**
     * The template with every placeholder replaced.
     *
     * @param template the template text
     * @param values   the value of each placeholder
     * @param where    names the template in error messages, such as a file path
     */
    public static String render(String template, Map<String, String> values, String where) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String replacement;
            if (matcher.group(1) == null) {
                replacement = "$";
            } else {
                replacement = values.get(matcher.group(1));
                if (replacement == null) {
                    throw new CommandException("Unknown placeholder ${" + matcher.group(1) + "} in " + where
                            + ". Known placeholders: " + new TreeSet<>(values.keySet()) + "; write $$ for a literal $.");
                }
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
