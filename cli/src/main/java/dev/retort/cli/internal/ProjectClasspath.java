package dev.retort.cli.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The class loader over a project's compiled classes and jars. Parent first: the runtime
 * classes ({@code MigrationRegistry}, {@code Migration}) come from the command line's own
 * copy, so the registries found on the project classpath are usable here.
 */
public final class ProjectClasspath {

    private ProjectClasspath() {
    }

    /** The existing files and folders of {@code entries}, with each {@code dir/*} expanded to the jars in {@code dir}. */
    public static List<Path> expand(List<Path> entries) {
        List<Path> out = new ArrayList<>();
        for (Path entry : entries) {
            if (entry.getFileName() != null && entry.getFileName().toString().equals("*")) {
                Path folder = entry.getParent();
                if (folder != null && Files.isDirectory(folder)) {
                    try (Stream<Path> jars = Files.list(folder)) {
                        jars.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().forEach(out::add);
                    } catch (IOException e) {
                        throw new UncheckedIOException("Cannot list " + folder, e);
                    }
                }
            } else if (Files.exists(entry)) {
                out.add(entry);
            }
        }
        return out;
    }

    /** A class loader over the expanded entries, child of {@code parent}. */
    public static URLClassLoader classLoader(List<Path> expanded, ClassLoader parent) {
        URL[] urls = new URL[expanded.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = expanded.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("Bad classpath entry " + expanded.get(i), e);
            }
        }
        return new URLClassLoader("retort-project", urls, parent);
    }
}
