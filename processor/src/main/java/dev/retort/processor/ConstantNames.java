package dev.retort.processor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * The name of each revision's {@code String} constant: the class's simple name in
 * CONSTANT_CASE ({@code AddAccount} → {@code ADD_ACCOUNT}). A nested class whose name
 * collides takes its enclosing classes' names as a prefix ({@code V2_ADD_ACCOUNT} for
 * {@code V2.AddAccount}); a name that still collides, or would hide {@code REGISTRY},
 * gets the revision id as a suffix. Deterministic for a given set of revisions.
 */
final class ConstantNames {

    private static final List<String> RESERVED = List.of("REGISTRY");

    private ConstantNames() {}

    /** A unique constant name for each revision, keyed by revision id. */
    static Map<String, String> of(List<RevisionDescriptor> revisions) {
        Names names = new Names();
        for (RevisionDescriptor r : revisions) {
            names.put(r.id().text(), constantCase(r.element().getSimpleName().toString()));
        }
        // Decide every prefix on the simple names, so that renaming one class of a colliding
        // group does not make the others look unique.
        Set<String> colliding = revisions.stream().map(r -> r.id().text()).filter(names::collides)
                .collect(Collectors.toSet());
        for (RevisionDescriptor r : revisions) {
            if (colliding.contains(r.id().text()) && r.element().getEnclosingElement() instanceof TypeElement) {
                names.put(r.id().text(), qualified(r.element()));
            }
        }
        for (RevisionDescriptor r : revisions) {
            String id = r.id().text();
            if (names.collides(id)) {
                names.put(id, names.byId.get(id) + "_" + id.toUpperCase(Locale.ROOT));
            }
        }
        // Upper-casing the id suffix could in theory meet another name; the raw id never can.
        for (RevisionDescriptor r : revisions) {
            String id = r.id().text();
            if (names.collides(id)) {
                names.put(id, constantCase(r.element().getSimpleName().toString()) + "__" + id);
            }
        }
        return names.byId;
    }

    /**
     * The names so far, with how many revisions hold each, kept up to date on every change:
     * counting afresh for each question made 10,000 revisions take minutes.
     */
    private static final class Names {
        final Map<String, String> byId = new LinkedHashMap<>();
        private final Map<String, Integer> counts = new HashMap<>();

        void put(String id, String name) {
            String old = byId.put(id, name);
            if (old != null) {
                counts.merge(old, -1, Integer::sum);
            }
            counts.merge(name, 1, Integer::sum);
        }

        boolean collides(String id) {
            String name = byId.get(id);
            return RESERVED.contains(name) || counts.get(name) > 1;
        }
    }

    private static String qualified(TypeElement type) {
        List<String> parts = new ArrayList<>();
        for (Element e = type; e instanceof TypeElement t; e = t.getEnclosingElement()) {
            parts.add(constantCase(t.getSimpleName().toString()));
        }
        Collections.reverse(parts);
        return String.join("_", parts);
    }

    /** {@code AddAccount} → {@code ADD_ACCOUNT}, {@code HTTPServer2} → {@code HTTP_SERVER2}, {@code V1_Init} → {@code V1_INIT}. */
    static String constantCase(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (i > 0 && Character.isUpperCase(c)) {
                char prev = name.charAt(i - 1);
                boolean next = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
                if (Character.isLowerCase(prev) || Character.isDigit(prev) || (Character.isUpperCase(prev) && next)) {
                    out.append('_');
                }
            }
            out.append(Character.toUpperCase(c));
        }
        return out.toString();
    }
}
