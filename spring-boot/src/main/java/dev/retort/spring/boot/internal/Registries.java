package dev.retort.spring.boot.internal;

import dev.retort.runtime.MigrationRegistry;
import java.util.List;
import java.util.stream.Collectors;

/** Chooses the registry the application migrates among those {@code ServiceLoader} finds. */
public final class Registries {

    private Registries() {
    }

    /**
     * The registry of {@code packageName}, or the only one when {@code packageName} is not set.
     *
     * @throws IllegalStateException naming what was found and the property to set
     */
    public static MigrationRegistry choose(List<MigrationRegistry> registries, String packageName) {
        if (packageName != null && !packageName.isBlank()) {
            String wanted = packageName.strip();
            return registries.stream()
                    .filter(r -> r.packageName().equals(wanted))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("retort.package=" + wanted + " names no Retort "
                            + "registry: " + found(registries) + ". Set it to the package of your @Revision classes."));
        }
        if (registries.size() == 1) {
            return registries.get(0);
        }
        if (registries.isEmpty()) {
            throw new IllegalStateException("No Retort registry on the class path: no GeneratedMigrations is listed "
                    + "in META-INF/services/dev.retort.runtime.MigrationRegistry. Compile your @Revision classes with "
                    + "dev.retort:retort-processor on maven-compiler-plugin's annotationProcessorPaths, or set "
                    + "retort.enabled=false.");
        }
        throw new IllegalStateException("Several Retort registries on the class path: " + found(registries)
                + ". Set retort.package to the one this application migrates.");
    }

    private static String found(List<MigrationRegistry> registries) {
        if (registries.isEmpty()) {
            return "none is on the class path";
        }
        return "found " + registries.stream()
                .map(MigrationRegistry::packageName)
                .sorted()
                .collect(Collectors.joining(", "));
    }
}
