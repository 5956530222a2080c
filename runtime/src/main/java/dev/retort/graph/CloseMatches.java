package dev.retort.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Suggests the existing names closest to a misspelt one: prefix relatives first, then small edit distances. */
final class CloseMatches {

    static final int LIMIT = 3;

    private CloseMatches() {
    }

    /** Up to {@link #LIMIT} candidates close to {@code value}, closest first, ties by name. */
    static List<String> of(String value, Collection<String> candidates) {
        record Scored(String name, int rank, int distance) {
        }
        List<Scored> scored = new ArrayList<>();
        String lower = value.toLowerCase(java.util.Locale.ROOT);
        int allowed = Math.max(2, value.length() / 3);
        for (String candidate : candidates) {
            if (candidate.equals(value)) {
                continue;
            }
            String c = candidate.toLowerCase(java.util.Locale.ROOT);
            if (!lower.isEmpty() && (c.startsWith(lower) || lower.startsWith(c))) {
                scored.add(new Scored(candidate, 0, Math.abs(c.length() - lower.length())));
                continue;
            }
            // Cheap length filter first: the distance is at least the length difference.
            if (Math.abs(c.length() - lower.length()) > allowed) {
                continue;
            }
            int d = distance(lower, c);
            if (d <= allowed) {
                scored.add(new Scored(candidate, 1, d));
            }
        }
        scored.sort(Comparator.comparingInt(Scored::rank).thenComparingInt(Scored::distance)
                .thenComparing(Scored::name));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < scored.size() && i < LIMIT; i++) {
            out.add(scored.get(i).name());
        }
        return out;
    }

    /** Levenshtein distance with two rows. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** "a, b and c" style list for messages. */
    static String join(List<String> names) {
        if (names.size() <= 1) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
