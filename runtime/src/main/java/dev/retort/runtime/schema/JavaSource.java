package dev.retort.runtime.schema;

/** Writes values as Java source, so schema values print the way a migration writes them. */
final class JavaSource {

    private JavaSource() {
    }

    /** A Java string literal, quotes and backslashes escaped. */
    static String string(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
