package dev.retort.tests.processor;

import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;

/** Builds {@code @Revision} classes as compile-testing sources. */
final class Sources {

    private Sources() {}

    /**
     * A public final migration class with one annotation attribute per line, so that
     * {@code onLineContaining} pins a diagnostic to the attribute it is on:
     * <pre>
     * &#64;Revision(
     *         id = "b",
     *         downRevision = "a")
     * </pre>
     */
    static JavaFileObject revision(String qualifiedName, String... attributes) {
        return documented(qualifiedName, "", attributes);
    }

    /** Like {@link #revision(String, String...)}, with a javadoc comment on the class unless it is empty. */
    static JavaFileObject documented(String qualifiedName, String javadoc, String... attributes) {
        int dot = qualifiedName.lastIndexOf('.');
        String pkg = qualifiedName.substring(0, dot);
        String name = qualifiedName.substring(dot + 1);
        List<String> lines = new ArrayList<>(header(pkg));
        if (!javadoc.isEmpty()) {
            lines.add("/** " + javadoc + " */");
        }
        lines.addAll(annotation(attributes));
        lines.add("public final class " + name + " implements Migration {");
        lines.addAll(body());
        lines.add("}");
        return JavaFileObjects.forSourceLines(qualifiedName, lines);
    }

    /** A source whose lines are given in full after the package and imports. */
    static JavaFileObject source(String qualifiedName, String... lines) {
        int dot = qualifiedName.lastIndexOf('.');
        List<String> all = new ArrayList<>(header(qualifiedName.substring(0, dot)));
        all.addAll(List.of(lines));
        return JavaFileObjects.forSourceLines(qualifiedName, all);
    }

    static List<String> header(String pkg) {
        return List.of(
                "package " + pkg + ";",
                "",
                "import dev.retort.annotations.Revision;",
                "import dev.retort.runtime.Migration;",
                "import dev.retort.runtime.Operations;",
                "");
    }

    static List<String> annotation(String... attributes) {
        List<String> lines = new ArrayList<>();
        lines.add("@Revision(");
        for (int i = 0; i < attributes.length; i++) {
            lines.add("        " + attributes[i] + (i == attributes.length - 1 ? ")" : ","));
        }
        return lines;
    }

    static List<String> body() {
        return List.of(
                "    @Override public void upgrade(Operations op) {}",
                "    @Override public void downgrade(Operations op) {}");
    }
}
