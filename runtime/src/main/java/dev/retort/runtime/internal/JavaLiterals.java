package dev.retort.runtime.internal;

/** Writes values as Java source: schema values print, and autogenerate renders, the way a migration writes them. */
public final class JavaLiterals {

    private JavaLiterals() {
    }

    /** A Java string literal, quotes and backslashes escaped. */
    public static String string(String value) {
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
