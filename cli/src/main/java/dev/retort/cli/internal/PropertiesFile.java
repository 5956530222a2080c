package dev.retort.cli.internal;

import dev.retort.cli.CommandException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Properties;

/**
 * Reads {@code retort.properties} as UTF-8, with errors that name the file, the line and
 * the key: {@link Properties} alone reports a bad &#92;u escape as "Malformed &#92;&#92;uxxxx
 * encoding." and a file in another encoding as "Input length = 1", which point nowhere.
 */
public final class PropertiesFile {

    private PropertiesFile() {
    }

    /**
     * The properties of {@code file}.
     *
     * @throws CommandException when the file is missing or unreadable, is not UTF-8, or has a
     *                          malformed &#92;u escape
     */
    public static Properties read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CommandException("No configuration file " + file + ". Run 'retort init' to create one, or pass -c FILE.");
        } catch (IOException e) {
            throw new CommandException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        String text = decode(bytes, file);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // a byte order mark some editors write would become part of the first key
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IllegalArgumentException e) {
            String where = malformedEscape(text);
            throw new CommandException("Malformed \\u escape in " + (where == null ? "" : where + " of ") + file
                    + ": \\u must be followed by four hexadecimal digits, such as \\u00e9. Write a backslash as \\\\ "
                    + "(a Windows path as C:\\\\dir or C:/dir).", e);
        } catch (IOException e) {
            throw new CommandException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        return properties;
    }

    private static String decode(byte[] bytes, Path file) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new CommandException(file + " is not UTF-8: line " + line + " holds the byte 0x"
                    + HexFormat.of().toHexDigits(bytes[offset]).toUpperCase(java.util.Locale.ROOT)
                    + ", which UTF-8 does not allow there (the file was probably saved as Latin-1 or Windows-1252). "
                    + "Save it as UTF-8, or write the character as a \\uXXXX escape.");
        }
        out.flip();
        return out.toString();
    }

    /**
     * Where the first malformed &#92;u escape is, as "key 'url' (line 3)", or {@code null}.
     * Follows the format of {@link Properties#load(java.io.Reader)}: comment lines, a
     * backslash that escapes the next character, and lines continued by a final backslash.
     */
    static String malformedEscape(String text) {
        int n = text.length();
        int i = 0;
        int line = 1;
        while (i < n) {
            while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\f')) {
                i++;
            }
            if (i < n && (text.charAt(i) == '#' || text.charAt(i) == '!')) {
                while (i < n && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                    i++;
                }
            }
            StringBuilder key = new StringBuilder();
            boolean inKey = true;
            while (i < n && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                char c = text.charAt(i);
                if (c == '\\' && i + 1 < n) {
                    char next = text.charAt(i + 1);
                    if (next == 'u') {
                        if (!isHex(text, i + 2)) {
                            return "key '" + key + "' (line " + line + ")";
                        }
                        if (inKey) {
                            key.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
                        }
                        i += 6;
                        continue;
                    }
                    if (next == '\n' || next == '\r') {
                        i = skipNewline(text, i + 1);
                        line++;
                        while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\f')) {
                            i++;
                        }
                        continue;
                    }
                    if (inKey) {
                        key.append(next);
                    }
                    i += 2;
                    continue;
                }
                if (inKey && (c == '=' || c == ':' || Character.isWhitespace(c))) {
                    inKey = false;
                } else if (inKey) {
                    key.append(c);
                }
                i++;
            }
            if (i < n) {
                i = skipNewline(text, i);
                line++;
            }
        }
        return null;
    }

    private static boolean isHex(String text, int from) {
        if (from + 4 > text.length()) {
            return false;
        }
        for (int k = from; k < from + 4; k++) {
            if (Character.digit(text.charAt(k), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The index after the line break at {@code i} ({@code \n}, {@code \r} or {@code \r\n}). */
    private static int skipNewline(String text, int i) {
        if (text.charAt(i) == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
            return i + 2;
        }
        return i + 1;
    }
}
