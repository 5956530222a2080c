package dev.retort.runtime.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What of a failed migration stayed in the database, from the statements that completed
 * before the failure. Where DDL is transactional only an autocommit block commits early.
 * Where it is not (MariaDB, H2), a DDL statement commits the transaction it runs in, its
 * own work and everything before it, even when the statement itself then fails (MariaDB
 * and MySQL commit before running it; H2 commits after it, failed or not). Statements a
 * migration runs itself through {@code op.connection()} are not in the trail.
 *
 * @param stayed     the statements that are committed, in order
 * @param rolledBack the statements that ran after them and were rolled back
 */
public record FailureReport(List<String> stayed, List<String> rolledBack, boolean transactional,
                            boolean failedInStatement) {

    /**
     * The first keywords of the statements that commit implicitly on MariaDB/MySQL and H2:
     * their DDL and the few statements that end a transaction.
     */
    private static final Set<String> IMPLICIT_COMMIT = Set.of("CREATE", "ALTER", "DROP", "RENAME", "TRUNCATE",
            "COMMENT", "GRANT", "REVOKE", "LOCK", "UNLOCK", "ANALYZE", "OPTIMIZE", "REPAIR", "BEGIN", "START",
            "COMMIT");

    public FailureReport {
        stayed = List.copyOf(stayed);
        rolledBack = List.copyOf(rolledBack);
    }

    /**
     * @param trail            the statements of the migration that completed, in order
     * @param committedByBlock how many of them, from the start, an autocommit block committed
     * @param failing          the statement that failed, or {@code null} when the migration
     *                         failed outside a statement
     * @param transactional    whether the dialect has transactional DDL
     */
    public static FailureReport of(List<String> trail, int committedByBlock, String failing, boolean transactional) {
        int committed = committedByBlock;
        if (!transactional) {
            if (failing != null && commitsImplicitly(failing)) {
                committed = trail.size();
            }
            for (int i = trail.size() - 1; i >= committed; i--) {
                if (commitsImplicitly(trail.get(i))) {
                    committed = i + 1;
                    break;
                }
            }
        }
        return new FailureReport(trail.subList(0, committed), trail.subList(committed, trail.size()), transactional,
                failing != null);
    }

    /** Whether a statement commits the open transaction on MariaDB/MySQL and H2 (temporary tables aside). */
    public static boolean commitsImplicitly(String sql) {
        String text = stripLeadingComments(sql).toUpperCase(Locale.ROOT);
        int end = 0;
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        String keyword = text.substring(0, end);
        if (!IMPLICIT_COMMIT.contains(keyword)) {
            return false;
        }
        // CREATE/DROP TEMPORARY TABLE do not commit on MariaDB and MySQL.
        return !text.substring(end).stripLeading().startsWith("TEMPORARY");
    }

    private static String stripLeadingComments(String sql) {
        String text = sql.stripLeading();
        while (true) {
            if (text.startsWith("--")) {
                int newline = text.indexOf('\n');
                text = newline < 0 ? "" : text.substring(newline + 1).stripLeading();
            } else if (text.startsWith("/*")) {
                int close = text.indexOf("*/");
                text = close < 0 ? "" : text.substring(close + 2).stripLeading();
            } else {
                return text;
            }
        }
    }

    /** One sentence for the message's first line: what of the migration was undone and what stayed. */
    public String summary() {
        String before = failedInStatement ? "before the failing statement" : "before the failure";
        if (stayed.isEmpty()) {
            if (transactional) {
                return "Its changes were rolled back.";
            }
            return rolledBack.isEmpty()
                    ? "Nothing of it had run " + before + ", so nothing stayed."
                    : "This database commits DDL implicitly, but no such statement had run, so its "
                            + count(rolledBack.size()) + " that ran " + before
                            + (rolledBack.size() == 1 ? " was" : " were") + " rolled back.";
        }
        return transactional
                ? "Its autocommit block committed " + count(stayed.size()) + ", which stayed (listed below); the rest "
                        + "was rolled back."
                : "This database commits DDL implicitly, so " + count(stayed.size()) + " of it that ran " + before
                        + " stayed (listed below): check them before running again.";
    }

    /** The lines after the first: the statements that stayed and those rolled back; empty when none stayed. */
    public String details() {
        if (stayed.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("\nStayed: ").append(list(stayed));
        if (!rolledBack.isEmpty()) {
            out.append("\nRolled back: ").append(list(rolledBack));
        }
        if (!transactional) {
            out.append("\nStatements run through op.connection() are not listed.");
        }
        return out.toString();
    }

    private static String count(int n) {
        return n == 1 ? "1 statement" : n + " statements";
    }

    private static String list(List<String> statements) {
        StringBuilder out = new StringBuilder();
        for (String sql : statements) {
            out.append(out.length() == 0 ? "" : "; ").append('[').append(sql.strip().replaceAll("\\s+", " "))
                    .append(']');
        }
        return out.toString();
    }
}
