package dev.retort.cli.internal;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;

/** Revision ids, message slugs and Java names. */
public final class Names {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_]{1,32}");
    private static final int SLUG_LENGTH = 40;

    private Names() {
    }

    /** A fresh 12-hex-digit id, as Alembic's {@code uuid4().hex[-12:]}. */
    public static String newRevisionId() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** True when {@code id} is 1 to 32 letters, digits or underscores, as the processor requires. */
    public static boolean isValidRevisionId(String id) {
        return ID.matcher(id).matches();
    }

    /**
     * The message as a lower-case identifier fragment: runs of other characters become one
     * {@code _} (accents dropped first), cut at a word boundary to at most 40 characters ("Add account table!" →
     * {@code add_account_table}).
     */
    public static String slug(String message) {
        String ascii = Normalizer.normalize(message, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (slug.length() > SLUG_LENGTH) {
            int cut = slug.lastIndexOf('_', SLUG_LENGTH);
            slug = slug.substring(0, cut > 0 ? cut : SLUG_LENGTH);
        }
        return slug;
    }

    /** The slug in UpperCamelCase ("add account table" → {@code AddAccountTable}). */
    public static String camelSlug(String message) {
        StringBuilder out = new StringBuilder();
        for (String word : slug(message).split("_")) {
            if (!word.isEmpty()) {
                out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return out.toString();
    }

    /** True when {@code name} can name a Java class: an identifier that is not a keyword. */
    public static boolean isJavaClassName(String name) {
        return SourceVersion.isIdentifier(name) && !SourceVersion.isKeyword(name);
    }

    /** True when {@code name} is a valid, possibly qualified, package name. */
    public static boolean isPackageName(String name) {
        return SourceVersion.isName(name);
    }

    /** {@code text} as the body of a Java string literal. */
    public static String javaString(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** {@code text} safe inside a javadoc comment: no comment end, no HTML surprises. */
    public static String javadocText(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("*/", "*&#47;")
                .replace("@", "&#64;");
    }
}
