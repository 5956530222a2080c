package dev.retort.maven;

import dev.retort.cli.CommandException;
import dev.retort.cli.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds the command layer's {@link Config} from a goal's parameters: {@code
 * retort.properties} when it exists, each parameter given overriding its key, and the
 * project's own class path in place of the file's {@code classpath=}.
 */
final class ConfigAssembler {

    // A connection error blames where the URL came from; from a parameter, name the parameter.
    private static final Map<String, String> ORIGINS = Map.of(
            Config.URL, "the retort-maven-plugin's url (-Dretort.url)",
            Config.SHADOW_URL, "the retort-maven-plugin's shadowUrl (-Dretort.shadowUrl)");

    private ConfigAssembler() {
    }

    /**
     * @param baseDirectory  the project's folder
     * @param configFile     the file named by {@code retort.configFile}, or {@code null} for
     *                       {@code retort.properties} in {@code baseDirectory} when it exists
     * @param parameters     {@code retort.properties} key to the parameter's raw value; a
     *                       {@code null} value was not given and leaves the file's value
     * @param sourceDefault  the source folder when neither the file nor a parameter names one
     * @param classpath      the project's compiled classes and dependency jars
     * @param environment    looks up the variables of {@code ${env:NAME}}
     * @throws CommandException when a named file is missing, a key's value is invalid, or a
     *                          variable is not set
     */
    static Config assemble(Path baseDirectory, Path configFile, Map<String, String> parameters, Path sourceDefault,
            List<Path> classpath, Function<String, String> environment) {
        Path file = configFile == null ? baseDirectory.resolve(Config.DEFAULT_FILE_NAME) : configFile;
        Config.Builder builder;
        if (Files.isRegularFile(file)) {
            builder = Config.load(file, environment).toBuilder();
        } else if (configFile != null) {
            throw new CommandException("No configuration file " + file.toAbsolutePath().normalize()
                    + " (named by retort.configFile). Create it, or leave retort.configFile out to use the plugin's "
                    + "parameters alone.");
        } else {
            builder = Config.builder(baseDirectory).sourceDirectories(List.of(sourceDefault));
        }
        parameters.forEach((key, value) -> {
            if (value != null) {
                builder.set(key, value, environment);
                String origin = ORIGINS.get(key);
                if (origin != null) {
                    builder.origin(key, origin);
                }
            }
        });
        // Maven resolved the project's dependencies: its classes and jars replace any
        // classpath= of the file, which is the command line's copy-dependencies layout.
        return builder.classpath(classpath).build();
    }
}
