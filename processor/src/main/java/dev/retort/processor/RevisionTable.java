package dev.retort.processor;

import dev.retort.graph.RevisionNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The generated registry's revisions as text: one line per revision,
 * {@code id|down revisions|branch labels|depends on|class|message}, lists comma-separated,
 * the class relative to the package. Inside a value, {@code %}, {@code +}, control
 * characters and (in lists) {@code |} and {@code ,} are percent-encoded, so that the
 * generated reader splits on the separators and hands a value with a {@code %} to
 * {@code java.net.URLDecoder}. The lines come in chunks: each chunk becomes one string
 * constant, and a class file holds a string constant of at most 65,535 bytes.
 */
final class RevisionTable {

    /**
     * Bytes of one chunk, in the class file's modified UTF-8; below the 65,535 of a constant,
     * with room for the longest line a single revision can bring on its own.
     */
    static final int CHUNK_BYTES = 48_000;

    private RevisionTable() {}

    /** The lines of {@code revisions}, in their order, cut into chunks; each line without its line break. */
    static List<List<String>> lines(String packageName, List<RevisionDescriptor> revisions) {
        List<List<String>> chunks = new ArrayList<>();
        List<String> chunk = new ArrayList<>();
        int bytes = 0;
        for (RevisionDescriptor revision : revisions) {
            String line = line(packageName, revision);
            int size = modifiedUtf8Length(line) + 1;
            if (!chunk.isEmpty() && bytes + size > CHUNK_BYTES) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
                bytes = 0;
            }
            chunk.add(line);
            bytes += size;
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
        return chunks;
    }

    static String line(String packageName, RevisionDescriptor revision) {
        RevisionNode node = revision.node();
        String className = revision.className();
        String relative = packageName.isEmpty() ? className : className.substring(packageName.length() + 1);
        return node.id()
                + '|' + list(node.downRevisions())
                + '|' + list(node.branchLabels())
                + '|' + list(node.dependsOn())
                + '|' + relative
                + '|' + encode(node.message(), false);
    }

    private static String list(List<String> values) {
        StringBuilder out = new StringBuilder();
        for (String value : values) {
            if (!out.isEmpty()) {
                out.append(',');
            }
            out.append(encode(value, true));
        }
        return out.toString();
    }

    /**
     * Percent-encodes what the reader would misread. The message is the last field and is
     * split off whole, so separators stay readable there.
     */
    static String encode(String value, boolean inList) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' || c == '+' || c < 0x20 || c == 0x7f || (inList && (c == '|' || c == ','))) {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The length of {@code text} as the class file stores a string constant. */
    static int modifiedUtf8Length(String text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            bytes += c >= 0x01 && c <= 0x7f ? 1 : c <= 0x7ff ? 2 : 3;
        }
        return bytes;
    }
}
