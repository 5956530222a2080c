package dev.retort.tests.newcomer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.annotations.Revision;
import dev.retort.processor.RevisionProcessor;
import dev.retort.runtime.Migrator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A new user's Maven project, as README's "Add Retort to a Maven project" describes it, and
 * the private local repository it builds against: this build's retort artifacts installed
 * under target/ (never ~/.m2), every other artifact linked from ~/.m2. The builds run
 * online, so a plugin a fresh machine lacks (Maven 3.8's defaults) is downloaded; it lands
 * in ~/.m2 through the links, as any build's third-party artifacts do.
 */
final class NewcomerProject {

    static final Path ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
    static final Path REPOSITORY = ROOT.resolve("tests/target/newcomer-m2");

    private static String snippet;

    private NewcomerProject() {
    }

    /** The README's Maven snippet, with this build's artifacts installed in {@link #REPOSITORY}. */
    static synchronized String snippet() throws IOException {
        if (snippet != null) {
            return snippet;
        }
        String readme = Files.readString(ROOT.resolve("README.md"));
        Matcher section = Pattern.compile("## Add Retort to a Maven project\\s+```xml\\n(.*?)\\n```", Pattern.DOTALL)
                .matcher(readme);
        assertThat(section.find()).as("README.md has the Maven snippet").isTrue();
        String found = section.group(1);
        Matcher parent = Pattern.compile("<artifactId>retort-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(ROOT.resolve("pom.xml")));
        assertThat(parent.find()).isTrue();
        String version = parent.group(1);
        assertThat(found).as("the snippet names this build's version").contains("<version>" + version + "</version>");

        linkThirdPartyArtifacts();
        install(version, "retort-parent", ROOT.resolve("pom.xml"), null);
        install(version, "retort-annotations", ROOT.resolve("annotations/pom.xml"), ChildJvm.location(Revision.class));
        install(version, "retort-runtime", ROOT.resolve("runtime/pom.xml"), ChildJvm.location(Migrator.class));
        install(version, "retort-processor", ROOT.resolve("processor/pom.xml"),
                ChildJvm.location(RevisionProcessor.class));
        snippet = found;
        return snippet;
    }

    /** A pom.xml that is the README's snippet in a minimal project, and nothing else that matters. */
    static void writePom(Path project) throws IOException {
        Files.createDirectories(project);
        Files.writeString(project.resolve("pom.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>com.example</groupId>
                  <artifactId>accounts</artifactId>
                  <version>1.0</version>
                  <properties>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>
                """ + snippet() + "\n</project>\n");
    }

    /**
     * Points every Maven run in {@code project} (the user's and the ones retort starts) at the
     * private repository through .mvn/maven.config, which Maven 3.3 and later read.
     */
    static void useThePrivateRepository(Path project) throws IOException {
        Files.createDirectories(project.resolve(".mvn"));
        Files.writeString(project.resolve(".mvn/maven.config"), "-Dmaven.repo.local=" + REPOSITORY + "\n");
    }

    private static void linkThirdPartyArtifacts() throws IOException {
        Path shared = Path.of(System.getProperty("user.home"), ".m2", "repository");
        Files.createDirectories(REPOSITORY.resolve("dev/retort"));
        linkChildren(shared, REPOSITORY, "dev");
        if (Files.isDirectory(shared.resolve("dev"))) {
            linkChildren(shared.resolve("dev"), REPOSITORY.resolve("dev"), "retort");
        }
    }

    private static void linkChildren(Path from, Path to, String except) throws IOException {
        try (Stream<Path> children = Files.list(from)) {
            for (Path child : children.toList()) {
                Path link = to.resolve(child.getFileName().toString());
                if (!child.getFileName().toString().equals(except) && !Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createSymbolicLink(link, child);
                }
            }
        }
    }

    /** Installs one reactor artifact, its pom and (unless a pom) its jar, as install:install lays them out. */
    private static void install(String version, String artifactId, Path pom, Path classes) throws IOException {
        Path folder = Files.createDirectories(REPOSITORY.resolve("dev/retort").resolve(artifactId).resolve(version));
        Files.copy(pom, folder.resolve(artifactId + "-" + version + ".pom"), StandardCopyOption.REPLACE_EXISTING);
        if (classes == null) {
            return;
        }
        Path jar = folder.resolve(artifactId + "-" + version + ".jar");
        if (Files.isRegularFile(classes)) {
            Files.copy(classes, jar, StandardCopyOption.REPLACE_EXISTING);
        } else {
            jar(classes, jar);
        }
    }

    /** A jar of a classes folder, for a reactor module that Maven handed over as target/classes. */
    private static void jar(Path classes, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file);
             Stream<Path> walk = Files.walk(classes)) {
            List<Path> entries = new ArrayList<>(walk.filter(Files::isRegularFile).sorted().toList());
            for (Path entry : entries) {
                out.putNextEntry(new JarEntry(classes.relativize(entry).toString().replace('\\', '/')));
                Files.copy(entry, out);
                out.closeEntry();
            }
        }
    }
}
