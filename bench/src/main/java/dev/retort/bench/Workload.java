package dev.retort.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The revisions every upgrade case runs, the same SQL for Retort, plain JDBC and Flyway:
 * revision {@code i} creates table {@code t<i>}, adds a column, indexes it, and every 10th
 * revision adds a foreign key to the previous table. Statements go through {@code
 * op.execute}, so the three contenders send identical SQL.
 */
final class Workload {

    static final String PACKAGE = "bench.migrations";

    private Workload() {
    }

    static String id(int i) {
        return String.format(Locale.ROOT, "r%05d", i);
    }

    /** The table revision {@code i} creates. */
    static String table(int i) {
        return String.format(Locale.ROOT, "t%05d", i);
    }

    /** The statements of revision {@code i}, in order. */
    static List<String> statements(int i) {
        String t = table(i);
        List<String> sql = new ArrayList<>();
        sql.add("CREATE TABLE " + t + " (id INTEGER PRIMARY KEY, ref INTEGER)");
        sql.add("ALTER TABLE " + t + " ADD COLUMN name VARCHAR(50)");
        sql.add("CREATE INDEX ix_" + t + " ON " + t + " (name)");
        if (i > 0 && i % 10 == 0) {
            sql.add("ALTER TABLE " + t + " ADD CONSTRAINT fk_" + t + " FOREIGN KEY (ref) REFERENCES "
                    + String.format(Locale.ROOT, "t%05d", i - 1) + " (id)");
        }
        return sql;
    }

    /** Writes {@code count} revision classes and compiles them with the Retort processor into {@code classes}. */
    static void compileRevisions(Path work, int count, Path classes) throws IOException {
        Path dir = work.resolve("src").resolve(PACKAGE.replace('.', '/'));
        Files.createDirectories(dir);
        Files.createDirectories(classes);
        List<String> arguments = new ArrayList<>(List.of(
                "-classpath", System.getProperty("java.class.path"),
                "-processor", "dev.retort.processor.RevisionProcessor",
                "-d", classes.toString(), "--release", "17"));
        for (int i = 0; i < count; i++) {
            String name = String.format(Locale.ROOT, "Rev%05d", i);
            String down = i == 0 ? "" : ", downRevision = \"" + id(i - 1) + "\"";
            StringBuilder upgrade = new StringBuilder();
            for (String statement : statements(i)) {
                upgrade.append("        op.execute(\"").append(statement).append("\");\n");
            }
            String source = "package " + PACKAGE + ";\n\n"
                    + "import dev.retort.annotations.Revision;\n"
                    + "import dev.retort.runtime.Migration;\n"
                    + "import dev.retort.runtime.Operations;\n\n"
                    + "/** Revision " + i + ". */\n"
                    + "@Revision(id = \"" + id(i) + "\"" + down + ")\n"
                    + "public final class " + name + " implements Migration {\n"
                    + "    @Override public void upgrade(Operations op) {\n" + upgrade
                    + "    }\n"
                    + "    @Override public void downgrade(Operations op) {\n"
                    + String.format(Locale.ROOT, "        op.execute(\"DROP TABLE t%05d\");%n", i)
                    + "    }\n"
                    + "}\n";
            Path file = dir.resolve(name + ".java");
            Files.writeString(file, source, StandardCharsets.UTF_8);
            arguments.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, arguments.toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException("javac failed with status " + status);
        }
    }

    /** Writes Flyway's migrations: {@code V<i+1>__r<i>.sql} with the same statements. */
    static void writeFlywayScripts(Path dir, int count) throws IOException {
        Files.createDirectories(dir);
        for (int i = 0; i < count; i++) {
            StringBuilder script = new StringBuilder();
            for (String statement : statements(i)) {
                script.append(statement).append(";\n");
            }
            Files.writeString(dir.resolve("V" + (i + 1) + "__" + id(i) + ".sql"), script, StandardCharsets.UTF_8);
        }
    }
}
