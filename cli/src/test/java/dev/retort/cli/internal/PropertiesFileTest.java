package dev.retort.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.cli.CommandException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PropertiesFileTest {

    @TempDir
    Path dir;

    @Test
    void findsTheKeyAndLineOfAMalformedEscape() {
        assertThat(PropertiesFile.malformedEscape("a=1\nurl=C:\\users\n")).isEqualTo("key 'url' (line 2)");
        // An escaped backslash and a valid escape are fine; comments are not parsed.
        assertThat(PropertiesFile.malformedEscape("# \\uXYZ\na=C:\\\\users\\u00e9\n")).isNull();
        // A continued value: the key is the logical line's, the line the physical one.
        assertThat(PropertiesFile.malformedEscape("source=a, \\\n   b\\uZZ\n")).isEqualTo("key 'source' (line 2)");
        assertThat(PropertiesFile.malformedEscape("k\\u00e9y = \\u12")).isEqualTo("key 'k\u00e9y' (line 1)");
        assertThat(PropertiesFile.malformedEscape("a=1\r\nb:\\uq\r\n")).isEqualTo("key 'b' (line 2)");
    }

    @Test
    void readsUtf8AndNamesTheFileOtherwise() throws Exception {
        Path file = dir.resolve("retort.properties");
        Files.writeString(file, "message=Donn\u00e9es\n", StandardCharsets.UTF_8);
        assertThat(PropertiesFile.read(file).getProperty("message")).isEqualTo("Donn\u00e9es");
        Files.writeString(file, "a=1\nmessage=Donn\u00e9es\n", StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> PropertiesFile.read(file)).isInstanceOf(CommandException.class)
                .hasMessageStartingWith(file + " is not UTF-8: line 2 holds the byte 0xE9");
        assertThatThrownBy(() -> PropertiesFile.read(dir.resolve("missing.properties")))
                .hasMessageContaining("No configuration file").hasMessageContaining("missing.properties");
    }
}
