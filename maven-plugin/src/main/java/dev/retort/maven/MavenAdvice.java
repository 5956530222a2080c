package dev.retort.maven;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command layer's failures speak to the {@code retort} command's user: "pass --url", "set
 * 'metadata=' in retort.properties", "run 'retort upgrade head'". A goal's user sets parameters
 * and runs goals instead, so this rewrites that advice in the plugin's words. It works on the
 * command line's vocabulary (its flags, keys and commands), not on whole messages, so a new
 * message that uses the same words is rewritten too.
 */
final class MavenAdvice {

    private static final String PLUGIN = "the retort-maven-plugin's ";

    // retort.properties key -> the plugin's parameter; classpath has none (the project's class path is used).
    private static final Map<String, String> PARAMETERS = Map.ofEntries(
            Map.entry("url", "url"), Map.entry("user", "user"), Map.entry("password", "password"),
            Map.entry("package", "packageName"), Map.entry("source", "source"),
            Map.entry("version_table", "versionTable"), Map.entry("version_table_schema", "versionTableSchema"),
            Map.entry("dialect", "dialect"), Map.entry("metadata", "metadata"), Map.entry("shadow_url", "shadowUrl"),
            Map.entry("compare_type", "compareType"), Map.entry("compare_server_default", "compareServerDefault"),
            Map.entry("compare_check_constraints", "compareCheckConstraints"),
            Map.entry("include_tables", "includeTables"), Map.entry("exclude_tables", "excludeTables"),
            Map.entry("include_schemas", "includeSchemas"), Map.entry("file_template", "fileTemplate"),
            Map.entry("template", "template"));

    // The command line's flags that a goal takes as a user property of the same meaning.
    private static final Map<String, String> FLAGS = Map.ofEntries(
            Map.entry("url", "retort.url"), Map.entry("package", "retort.package"),
            Map.entry("metadata", "retort.metadata"), Map.entry("head", "retort.head"),
            Map.entry("splice", "retort.splice"), Map.entry("rev-id", "retort.revId"),
            Map.entry("branch-label", "retort.branchLabel"), Map.entry("depends-on", "retort.dependsOn"),
            Map.entry("shadow", "retort.shadow"), Map.entry("autogenerate", "retort.autogenerate"));
    private static final Set<String> VALUED = Set.of("url", "package", "metadata", "head", "rev-id", "branch-label",
            "depends-on");
    // Words after a flag that are the sentence going on, not the flag's value.
    private static final Set<String> NOT_VALUES = Set.of("or", "and", "to", "like", "only", "first", "again");

    private static final Set<String> GOALS = Set.of("upgrade", "downgrade", "check", "revision", "current", "heads",
            "history", "stamp", "sql");

    private static final Pattern SET_OR_PASS = Pattern.compile("Set '(\\w+)=' in (.+?) or pass --[a-z-]+");
    private static final Pattern NOT_SET = Pattern.compile("'(\\w+)=' is not set in (\\S+?)(?= and |[.,;]?(?:\\s|$))");
    private static final Pattern SET_OR_FIX = Pattern.compile("\\b([Ss]et|[Ff]ix) '(\\w+)='(?: in (\\S+?)(?=[.,;)]?(?:\\s|$)))?");
    private static final Pattern KEY_NOT_FROM_FILE = Pattern.compile("key '(\\w+)'(?! in )");
    private static final Pattern CLASSPATH_TO_COMPILE = Pattern.compile(" \\(or set 'classpath=' in [^)]*\\)");
    private static final Pattern CLASSPATH_FOR_DRIVER = Pattern.compile(", or its jar to 'classpath=' in \\S+?(?=\\.?$)");
    private static final Pattern COMMAND = Pattern.compile("'retort ([a-z-]+)((?: [^' ]+)*)'");
    private static final Pattern FLAG = Pattern.compile("(?<![\\w-])--([a-z][a-z-]*)(?: ([^\\s,;)]+))?");

    private MavenAdvice() {
    }

    /** {@code message} with the command line's advice put as a goal's user acts on it. */
    static String rewrite(String message) {
        if (message == null) {
            return null;
        }
        String out = replace(SET_OR_PASS, message, m -> {
            String parameter = PARAMETERS.get(m.group(1));
            if (parameter == null) {
                return m.group();
            }
            return "Set <" + parameter + "> in " + PLUGIN + "<configuration>, pass -D" + property(m.group(1))
                    + "=…, or write " + m.group(1) + "= in " + m.group(2);
        });
        out = replace(NOT_SET, out, m -> {
            String parameter = PARAMETERS.get(m.group(1));
            return parameter == null ? m.group() : "<" + parameter + "> is not set (in " + PLUGIN
                    + "<configuration>, as -D" + property(m.group(1)) + " or as " + m.group(1) + "= in " + m.group(2)
                    + ")";
        });
        out = replace(SET_OR_FIX, out, m -> {
            String parameter = PARAMETERS.get(m.group(2));
            if (parameter == null) {
                return m.group();
            }
            return m.group(1) + " <" + parameter + ">" + (m.group(3) == null ? ""
                    : " (or " + m.group(2) + "= in " + m.group(3) + ")");
        });
        out = replace(KEY_NOT_FROM_FILE, out, m -> {
            String parameter = PARAMETERS.get(m.group(1));
            return parameter == null ? m.group() : PLUGIN + parameter + " (-D" + property(m.group(1)) + ")";
        });
        out = CLASSPATH_TO_COMPILE.matcher(out)
                .replaceAll(" (with retort-processor in the maven-compiler-plugin's <annotationProcessorPaths>)");
        out = CLASSPATH_FOR_DRIVER.matcher(out).replaceAll(", or to " + PLUGIN + "<dependencies>");
        out = replace(COMMAND, out, m -> {
            if (!GOALS.contains(m.group(1))) {
                return m.group();
            }
            StringBuilder goal = new StringBuilder("'mvn retort:" + m.group(1));
            for (String word : m.group(2).strip().split(" ")) {
                // upgrade's target is a parameter; "head" is the goal's default anyway.
                if (word.startsWith("--")) {
                    goal.append(' ').append(word);
                } else if (!word.isEmpty() && !word.equals("head") && !word.equals("heads")) {
                    goal.append(" -Dretort.target=").append(word);
                }
            }
            return goal.append('\'').toString();
        });
        return replace(FLAG, out, m -> {
            String property = FLAGS.get(m.group(1));
            if (property == null) {
                return m.group();
            }
            String next = m.group(2);
            if (next == null) {
                return "-D" + property;
            }
            if (VALUED.contains(m.group(1)) && !NOT_VALUES.contains(next)) {
                return "-D" + property + "=" + next;
            }
            return "-D" + property + " " + next;
        });
    }

    /** The user property of a {@code retort.properties} key's parameter. */
    private static String property(String key) {
        return key.equals("package") ? "retort.package" : "retort." + PARAMETERS.get(key);
    }

    private static String replace(Pattern pattern, String text, java.util.function.Function<Matcher, String> rewrite) {
        return pattern.matcher(text).replaceAll(m -> Matcher.quoteReplacement(rewrite.apply((Matcher) m)));
    }
}
