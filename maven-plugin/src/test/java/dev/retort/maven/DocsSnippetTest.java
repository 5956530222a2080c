package dev.retort.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The pom snippet docs/maven-plugin.md prints is the one the upgrade-h2 integration test
 * builds: the same lines, with the version the invoker fills in.
 */
class DocsSnippetTest {

    private static final Path MODULE = Path.of(System.getProperty("user.dir"));

    @Test
    void theSetUpSnippetIsTheTestedPlugin() throws Exception {
        String docs = Files.readString(MODULE.resolve("../docs/maven-plugin.md"));
        Matcher block = Pattern.compile("<!-- maven-plugin/src/it/upgrade-h2/pom.xml -->\n```xml\n(.*?)```",
                Pattern.DOTALL).matcher(docs);
        assertThat(block.find()).as("docs/maven-plugin.md marks the tested snippet").isTrue();

        String pom = Files.readString(MODULE.resolve("src/it/upgrade-h2/pom.xml"));
        int begin = pom.indexOf("<!-- docs/maven-plugin.md: begin -->\n");
        int end = pom.indexOf("      <!-- docs/maven-plugin.md: end -->");
        assertThat(begin).isPositive();
        assertThat(end).isGreaterThan(begin);
        String tested = pom.substring(pom.indexOf('\n', begin) + 1, end)
                .replace("@project.version@", version());

        assertThat(unindent(tested)).isEqualTo(block.group(1));
    }

    /** The project's version, as the invoker writes it into the test's pom. */
    private static String version() throws Exception {
        Matcher m = Pattern.compile("<artifactId>retort-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(MODULE.resolve("pom.xml")));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String unindent(String text) {
        List<String> lines = text.lines().toList();
        int indent = lines.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder out = new StringBuilder();
        lines.forEach(l -> out.append(l.length() >= indent ? l.substring(indent) : l.strip()).append('\n'));
        return out.toString();
    }
}
