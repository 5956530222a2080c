package dev.retort.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.cli.CommandException;
import dev.retort.graph.RevisionNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceScannerTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("src/com/acme"));
        return Files.writeString(folder.resolve(name), text);
    }

    @Test
    void readsEveryElementOfTheAnnotation() throws Exception {
        Path file = write("Merge.java", """
                package com.acme;

                import dev.retort.annotations.Revision;

                /**
                 * Merge the two branches. More text here.
                 */
                @Revision(id = "m1", downRevision = {"a1", "b" + "1"}, branchLabels = "main",
                        dependsOn = {"c1"})
                public final class Merge {
                }
                """);
        List<ParsedRevision> found = new SourceScanner().scan(List.of(dir.resolve("src")), "com.acme");
        assertThat(found).hasSize(1);
        ParsedRevision r = found.get(0);
        assertThat(r.node()).isEqualTo(new RevisionNode("m1", List.of("a1", "b1"), List.of("main"), List.of("c1"),
                "Merge the two branches"));
        assertThat(r.className()).isEqualTo("com.acme.Merge");
        assertThat(r.simpleName()).isEqualTo("Merge");
        assertThat(r.path()).isEqualTo(file);
        assertThat(r.line()).isEqualTo(8);
        assertThat(r.doc()).isEqualTo("Merge the two branches. More text here.");
    }

    @Test
    void explicitMessageWinsAndNestedClassesAndTextBlocksWork() throws Exception {
        write("Outer.java", "package com.acme;\n"
                + "public class Outer {\n"
                + "    /** Ignored sentence. */\n"
                + "    @dev.retort.annotations.Revision(id = \"\"\"\n        n1\"\"\", message = \"the message\")\n"
                + "    public static final class Inner {}\n"
                + "}\n");
        write("NotARevision.java", "package com.acme;\n@Deprecated public class NotARevision {}\n");
        List<ParsedRevision> found = new SourceScanner().scan(List.of(dir.resolve("src"), dir.resolve("missing")), "com.acme");
        assertThat(found).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo("n1");
            assertThat(r.node().message()).isEqualTo("the message");
            assertThat(r.className()).isEqualTo("com.acme.Outer.Inner");
            assertThat(r.simpleName()).isEqualTo("Outer.Inner");
            assertThat(r.node().isBase()).isTrue();
        });
    }

    @Test
    void aNonLiteralValueNamesTheFileAndLine() throws Exception {
        Path file = write("Const.java", """
                package com.acme;
                import dev.retort.annotations.Revision;
                @Revision(id = "x1",
                        downRevision = Other.ID)
                public class Const {}
                """);
        assertThatThrownBy(() -> new SourceScanner().parse(file))
                .isInstanceOf(CommandException.class)
                .hasMessageContaining(file + ":4")
                .hasMessageContaining("downRevision = Other.ID is not a string literal");
    }

    @Test
    void aSyntaxErrorNamesTheFileAndLine() throws Exception {
        Path file = write("Broken.java", "package com.acme;\n\npublic class Broken {\n  void x( {}\n}\n");
        assertThatThrownBy(() -> new SourceScanner().parse(file))
                .isInstanceOf(CommandException.class)
                .hasMessageStartingWith("Cannot parse " + file + ":4")
                .hasMessageContaining("Fix the syntax error");
    }

    @Test
    void aMissingIdIsReported() throws Exception {
        Path file = write("NoId.java", "package com.acme;\n@Revision(downRevision = \"a\")\npublic class NoId {}\n");
        assertThatThrownBy(() -> new SourceScanner().parse(file))
                .isInstanceOf(CommandException.class)
                .hasMessageContaining(file + ":2")
                .hasMessageContaining("no id");
    }

    @Test
    void theMessageIsTheJavadocsFirstSentenceAsTheProcessorWritesIt() throws Exception {
        Path file = write("AddEmail.java", """
                package com.acme;

                import dev.retort.annotations.Revision;

                /**
                 * Adds {@code account.email} and {@link Index ix_account_email}, version 1.2 of
                 * the <em>account</em> table. More detail here.
                 *
                 * @see Other
                 */
                @Revision(id = "ae1027a6acf0", downRevision = "1975ea83b712")
                public class AddEmail {}
                """);
        assertThat(new SourceScanner().parse(file).get(0).node().message())
                .isEqualTo("Adds account.email and ix_account_email, version 1.2 of the account table");
    }
}
