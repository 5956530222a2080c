package dev.retort.cli;

import dev.retort.runtime.AppliedStep;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Alembic's text formats for revisions and steps, as the command line prints them; the Maven
 * plugin prints the same lines.
 */
public final class Formats {

    private Formats() {
    }

    /**
     * One history line: {@code 2b1ae634e5cd -> 3512b954651e (head), add account}, with
     * branch labels, {@code (head)}, {@code (current)}, {@code (branchpoint)} and
     * {@code (mergepoint)} marks.
     */
    public static String historyLine(RevisionScript s, Set<String> current) {
        return downRevisions(s.downRevisions()) + " -> " + headOnly(s, current, true) + ", " + s.message();
    }

    /** The id with labels and marks, as {@code heads} and {@code current} print it. */
    public static String headOnly(RevisionScript s, Set<String> current, boolean treeIndicators) {
        StringBuilder out = new StringBuilder(s.id());
        if (!s.branchLabels().isEmpty()) {
            out.append(" (").append(String.join(", ", s.branchLabels())).append(')');
        }
        if (s.head()) {
            out.append(" (head)");
        }
        if (current.contains(s.id())) {
            out.append(" (current)");
        }
        if (treeIndicators) {
            if (s.branchPoint()) {
                out.append(" (branchpoint)");
            }
            if (s.mergePoint()) {
                out.append(" (mergepoint)");
            }
        }
        return out.toString();
    }

    /** The verbose block of a revision, as Alembic's {@code log_entry}. */
    static String logEntry(RevisionScript s, Set<String> current) {
        StringBuilder out = new StringBuilder("Rev: ").append(s.id());
        out.append(s.head() ? " (head)" : "").append(s.branchPoint() ? " (branchpoint)" : "")
                .append(s.mergePoint() ? " (mergepoint)" : "").append(current.contains(s.id()) ? " (current)" : "")
                .append('\n');
        out.append(s.mergePoint() ? "Merges: " : "Parent: ").append(downRevisions(s.downRevisions())).append('\n');
        if (!s.dependsOn().isEmpty()) {
            out.append("Also depends on: ").append(String.join(", ", s.dependsOn())).append('\n');
        }
        if (s.branchPoint()) {
            out.append("Branches into: ").append(String.join(", ", s.upRevisions())).append('\n');
        }
        if (!s.branchLabels().isEmpty()) {
            out.append("Branch names: ").append(String.join(", ", s.branchLabels())).append('\n');
        }
        out.append("Class: ").append(s.className()).append('\n');
        out.append("Path: ").append(s.path()).append('\n');
        out.append('\n');
        String doc = s.doc().isBlank() ? s.message() : plain(s.doc());
        doc.lines().forEach(line -> out.append(line.isBlank() ? "" : "    " + line.strip()).append('\n'));
        return out.toString();
    }

    /**
     * One line per migration that ran, with its time: {@code Upgraded 2b1ae634e5cd ->
     * 3512b954651e, add account (12 ms)}; from base, {@code Upgraded <base> -> …}.
     */
    public static String stepLine(AppliedStep step) {
        return (step.direction() == dev.retort.graph.Direction.UPGRADE ? "Upgraded " : "Downgraded ")
                + revisionsOrBase(step.from()) + " -> " + revisionsOrBase(step.to()) + ", " + step.message()
                + " (" + duration(step.elapsed()) + ")";
    }

    /** Javadoc text as plain text: tags and entities of the revision template undone, {@code {@link X}} as X. */
    static String plain(String javadoc) {
        return javadoc.replaceAll("\\{@(?:link|linkplain|code) ([^}]*)}", "$1")
                .replaceAll("(?i)<p>|<br>|</p>", "")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&#64;", "@").replace("&#47;", "/")
                .replace("&amp;", "&");
    }

    static String duration(Duration d) {
        long ms = d.toMillis();
        return ms < 10_000 ? ms + " ms" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    static String downRevisions(List<String> down) {
        return down.isEmpty() ? "<base>" : String.join(", ", down);
    }

    public static String revisionsOrBase(Collection<String> revisions) {
        return revisions.isEmpty() ? "<base>" : String.join(", ", revisions);
    }
}
