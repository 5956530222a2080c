package dev.retort.cli.internal;

import dev.retort.cli.CommandException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** The revision templates shipped in the jar, which {@code retort init --template NAME} copies. */
public final class BuiltinTemplates {

    /** The template {@code init} uses when none is named. */
    public static final String DEFAULT = "generic";

    private static final String FOLDER = "/dev/retort/cli/templates/";
    private static final List<String> ORDER = List.of("generic", "data-migration");

    private BuiltinTemplates() {
    }

    /** Every template's name and description, {@code generic} first. */
    public static Map<String, String> descriptions() {
        Properties properties = new Properties();
        try (InputStream in = BuiltinTemplates.class.getResourceAsStream(FOLDER + "templates.properties")) {
            if (in == null) {
                throw new IllegalStateException("templates.properties is missing from the retort-cli jar");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : ORDER) {
            out.put(name, properties.getProperty(name, ""));
        }
        properties.stringPropertyNames().stream().sorted().forEach(n -> out.putIfAbsent(n, properties.getProperty(n)));
        return out;
    }

    /** The text of one template; an error listing the choices when there is no such template. */
    public static String text(String name) {
        if (!descriptions().containsKey(name)) {
            throw new CommandException("No template '" + name + "'. Choose one of " + descriptions().keySet()
                    + " (see 'retort list-templates').");
        }
        try (InputStream in = BuiltinTemplates.class.getResourceAsStream(FOLDER + name + ".java.tmpl")) {
            if (in == null) {
                throw new IllegalStateException("Template " + name + ".java.tmpl is missing from the retort-cli jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
