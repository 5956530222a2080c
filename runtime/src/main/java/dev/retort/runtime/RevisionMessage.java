package dev.retort.runtime;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rule that turns a revision's class javadoc into its message: the first sentence, as
 * plain text, without its closing period. The annotation processor writes it into the
 * registry and the command line reads it from sources that have not compiled yet; both call
 * this one rule, so both show the same message.
 *
 * <pre>{@code
 * RevisionMessage.fromJavadoc(" Adds the {@code account} table. Then fills it.")   // "Adds the account table"
 * }</pre>
 */
public final class RevisionMessage {

    /** {@code {@code x}}, {@code {@literal x}}, {@code {@link Ref label}}: keep the text a reader sees. */
    private static final Pattern INLINE_TAG = Pattern.compile("\\{@(\\w+)\\s*([^}]*)}");
    private static final Pattern HTML_TAG = Pattern.compile("</?[A-Za-z][^>]*>");
    private static final Pattern BLOCK_TAG_LINE = Pattern.compile("(?m)^\\s*@\\w+");
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n\\s*\\n|<[pP]\\s*/?>");
    // A sentence ends at a period followed by white space (javadoc's own rule, without its
    // abbreviation heuristics) or at the end of the first paragraph.
    private static final Pattern SENTENCE_END = Pattern.compile("\\.(?=\\s)");

    private RevisionMessage() {}

    /**
     * The first sentence of {@code docComment}, trimmed, on one line, without its closing
     * period; inline tags read as their text and HTML tags are dropped.
     *
     * @param docComment a doc comment's text as {@code Elements.getDocComment} gives it, or null
     * @return the message; "" when there is none
     */
    public static String fromJavadoc(String docComment) {
        if (docComment == null) {
            return "";
        }
        String text = docComment;
        Matcher blockTag = BLOCK_TAG_LINE.matcher(text);
        if (blockTag.find()) {
            text = text.substring(0, blockTag.start());
        }
        Matcher paragraph = PARAGRAPH_BREAK.matcher(text);
        if (paragraph.find()) {
            text = text.substring(0, paragraph.start());
        }
        text = replaceInlineTags(text);
        text = HTML_TAG.matcher(text).replaceAll("");
        text = text.replaceAll("\\s+", " ").trim();
        Matcher end = SENTENCE_END.matcher(text);
        if (end.find()) {
            text = text.substring(0, end.start() + 1);
        }
        // A message reads like a title in logs and history ("Running upgrade a -> b, add
        // account"), so the sentence's closing period is dropped.
        if (text.endsWith(".") && !text.endsWith("..")) {
            text = text.substring(0, text.length() - 1);
        }
        return text;
    }

    private static String replaceInlineTags(String text) {
        Matcher m = INLINE_TAG.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String body = m.group(2).trim();
            if (m.group(1).startsWith("link")) {
                // {@link Ref label} reads as the label, {@link Ref} as the reference.
                int space = body.indexOf(' ');
                body = space < 0 ? body.replace('#', '.') : body.substring(space + 1).trim();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(body));
        }
        m.appendTail(out);
        return out.toString();
    }
}
