package dev.retort.cli.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
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

    /** Where the list of a Maven project's dependencies is cached, under its {@code target/}. */
    public static final String CACHE = "target/retort-classpath.txt";

    /** The plugin that lists them: pinned, so no plugin-prefix lookup is needed. */
    private static final String BUILD_CLASSPATH = "org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath";

    /**
     * The entries a project's default {@code classpath} stands for: {@code target/classes},
     * and the jars of {@code target/dependency} when that folder exists (the old
     * {@code copy-dependencies} way), else, for a Maven project, its runtime dependencies as
     * {@code mvn dependency:build-classpath} lists them. That list is made once with the
     * project's {@code mvnw} (or {@code mvn} on the PATH) and cached in {@value #CACHE},
     * made again when pom.xml is newer; {@code log} hears when Maven runs.
     *
     * @throws IllegalStateException when Maven cannot be run or fails; the message says which
     *                               command to run instead
     */
    public static List<Path> defaultEntries(Path baseDirectory, Consumer<String> log) {
        List<Path> entries = new ArrayList<>(List.of(baseDirectory.resolve("target/classes")));
        Path pom = baseDirectory.resolve("pom.xml");
        if (Files.isDirectory(baseDirectory.resolve("target/dependency")) || !Files.isRegularFile(pom)) {
            entries.add(baseDirectory.resolve("target/dependency/*"));
            return entries;
        }
        entries.addAll(mavenDependencies(baseDirectory, pom, log));
        return entries;
    }

    private static List<Path> mavenDependencies(Path baseDirectory, Path pom, Consumer<String> log) {
        Path cache = baseDirectory.resolve(CACHE);
        try {
            String stamp = "# pom.xml " + Files.getLastModifiedTime(pom).toMillis();
            if (Files.isRegularFile(cache)) {
                List<String> lines = Files.readAllLines(cache, StandardCharsets.UTF_8);
                if (lines.size() == 2 && lines.get(0).equals(stamp)) {
                    return split(lines.get(1));
                }
            }
            Path listed = baseDirectory.resolve("target/retort-classpath.tmp");
            Files.createDirectories(listed.getParent());
            Files.deleteIfExists(listed);
            List<String> command = new ArrayList<>(maven(baseDirectory));
            command.addAll(List.of("-q", "-B", BUILD_CLASSPATH, "-Dmdep.includeScope=runtime",
                    "-Dmdep.outputFile=" + listed));
            String shown = String.join(" ", command.subList(0, command.size() - 1)) + " -Dmdep.outputFile=…";
            if (log != null) {
                log.accept("INFO  [retort] Listing the project's dependencies once (cached in " + CACHE + "): " + shown);
            }
            Path output = Files.createTempFile("retort-maven", ".log");
            try {
                Process process = new ProcessBuilder(command).directory(baseDirectory.toFile())
                        .redirectErrorStream(true).redirectOutput(output.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File(nullDevice()))).start();
                if (!process.waitFor(10, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("'" + shown + "' took more than 10 minutes");
                }
                if (process.exitValue() != 0 || !Files.isRegularFile(listed)) {
                    String last = Files.readAllLines(output, StandardCharsets.UTF_8).stream()
                            .filter(l -> l.contains("ERROR")).findFirst().orElse("exit status " + process.exitValue());
                    throw new IllegalStateException("'" + shown + "' failed: " + last.strip());
                }
            } finally {
                Files.deleteIfExists(output);
            }
            String classpath = Files.readString(listed, StandardCharsets.UTF_8).strip();
            Files.delete(listed);
            Files.writeString(cache, stamp + "\n" + classpath + "\n", StandardCharsets.UTF_8);
            return split(classpath);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run Maven in " + baseDirectory + " (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while Maven listed the dependencies", e);
        }
    }

    /** The project's own wrapper when it has one, as the project builds itself; else mvn on the PATH. */
    private static List<String> maven(Path baseDirectory) {
        boolean windows = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
        Path wrapper = baseDirectory.resolve(windows ? "mvnw.cmd" : "mvnw");
        if (Files.isRegularFile(wrapper)) {
            return windows ? List.of("cmd", "/c", wrapper.toString()) : List.of("sh", wrapper.toString());
        }
        return windows ? List.of("cmd", "/c", "mvn") : List.of("mvn");
    }

    private static String nullDevice() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows") ? "NUL" : "/dev/null";
    }

    private static List<Path> split(String classpath) {
        List<Path> out = new ArrayList<>();
        for (String entry : classpath.split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) {
                out.add(Path.of(entry.strip()));
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
