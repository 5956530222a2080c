package dev.retort.tests.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.retort.tests.processor.Sources.revision;
import static dev.retort.tests.processor.Sources.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.retort.processor.RevisionProcessor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The generated registry compared as exact text with golden files
 * ({@code src/test/resources/goldens/GeneratedMigrationsGoldenTest/<method>/<fqcn>.java}),
 * its determinism, and the service and Gradle files.
 */
class GeneratedMigrationsGoldenTest {

    private static final String SERVICE_FILE = "META-INF/services/dev.retort.runtime.MigrationRegistry";

    private static Compilation compile(List<JavaFileObject> sources) {
        // Every lint but "processing" (the @Generated of round 2 is claimed by no one, as for any
        // generator); the project builds with the same flags. A valid graph compiles without a warning.
        return Compiler.javac().withProcessors(new RevisionProcessor()).withOptions("-Xlint:all,-processing").compile(sources);
    }

    private static String generated(Compilation c, String qualifiedName) {
        try {
            return c.generatedSourceFile(qualifiedName).orElseThrow(
                    () -> new AssertionError("no generated source " + qualifiedName)).getCharContent(true).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String serviceFile(Compilation c) {
        try {
            return c.generatedFile(StandardLocation.CLASS_OUTPUT, SERVICE_FILE)
                    .orElseThrow(() -> new AssertionError("no " + SERVICE_FILE)).getCharContent(true).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void assertGolden(TestInfo test, List<JavaFileObject> sources, String pkg) {
        Compilation c = compile(sources);
        assertThat(c).succeededWithoutWarnings();
        Goldens.assertMatches(getClass(), test.getTestMethod().orElseThrow().getName(), pkg + ".GeneratedMigrations",
                generated(c, pkg + ".GeneratedMigrations"));
        assertThat(serviceFile(c)).isEqualTo(pkg + ".GeneratedMigrations$Provider\n");
    }

    static List<JavaFileObject> linearChain() {
        String pkg = "com.acme.chain";
        return List.of(
                Sources.documented(pkg + ".CreateAccount", "Create the account table.", "id = \"1a2b3c4d5e6f\""),
                Sources.documented(pkg + ".AddAccountEmail", "Add an e-mail column to accounts.",
                        "id = \"2b3c4d5e6f70\"", "downRevision = \"1a2b3c4d5e6f\""),
                Sources.documented(pkg + ".CreateOrder", "",
                        "id = \"3c4d5e6f7081\"", "downRevision = \"2b3c4d5e6f70\"",
                        "message = \"create the <order> table & its \\\"index\\\"\""));
    }

    static List<JavaFileObject> labelledBranch() {
        String pkg = "com.acme.branches";
        return List.of(
                Sources.documented(pkg + ".Init", "Create the schema.", "id = \"base\""),
                Sources.documented(pkg + ".AddAccount", "Accounts branch.",
                        "id = \"acct1\"", "downRevision = \"base\"", "branchLabels = \"accounts\""),
                Sources.documented(pkg + ".AddAccountName", "Account names.",
                        "id = \"acct2\"", "downRevision = \"acct1\""),
                Sources.documented(pkg + ".AddOrder", "Orders branch.",
                        "id = \"ord1\"", "downRevision = \"base\"", "branchLabels = {\"orders\", \"billing\"}"),
                Sources.documented(pkg + ".MergeBranches", "Merge accounts and orders.",
                        "id = \"merge\"", "downRevision = {\"acct2\", \"ord1\"}"));
    }

    @Test
    void linearChain(TestInfo test) {
        assertGolden(test, linearChain(), "com.acme.chain");
    }

    @Test
    void labelledBranchMergedBack(TestInfo test) {
        assertGolden(test, labelledBranch(), "com.acme.branches");
    }

    @Test
    void nestedClasses(TestInfo test) {
        String pkg = "com.acme.nested";
        List<String> body = new ArrayList<>();
        body.add("public final class V1 {");
        body.add("    private V1() {}");
        nested(body, "AddAccount", "Accounts, version 1.", "id = \"v1_account\"", "downRevision = \"init\"");
        body.add("    /** Nothing else is named like this. */");
        nested(body, "Tidy", "Tidy up.", "id = \"v1_tidy\"", "downRevision = \"v1_account\"");
        body.add("    public static final class Inner {");
        nested(body, "AddAccount", "Accounts, again, nested twice.", "id = \"v1_inner\"", "downRevision = \"v1_tidy\"");
        body.add("    }");
        body.add("}");
        assertGolden(test, List.of(
                Sources.documented(pkg + ".Init", "Start.", "id = \"init\""),
                Sources.documented(pkg + ".Registry", "A class whose constant would hide REGISTRY.",
                        "id = \"reg\"", "downRevision = \"v1_inner\""),
                source(pkg + ".V1", body.toArray(String[]::new))), pkg);
    }

    private static void nested(List<String> out, String name, String doc, String... attributes) {
        out.add("    /** " + doc + " */");
        Sources.annotation(attributes).forEach(l -> out.add("    " + l));
        out.add("    public static final class " + name + " implements Migration {");
        Sources.body().forEach(l -> out.add("    " + l));
        out.add("    }");
    }

    @Test
    void dependsOn(TestInfo test) {
        String pkg = "com.acme.deps";
        assertGolden(test, List.of(
                Sources.documented(pkg + ".Init", "Create the schema.", "id = \"init\""),
                Sources.documented(pkg + ".CreateAccount", "Accounts.",
                        "id = \"acct\"", "downRevision = \"init\"", "branchLabels = \"accounts\""),
                Sources.documented(pkg + ".CreateReport", "Reports read accounts.",
                        "id = \"report\"", "downRevision = \"init\"", "branchLabels = \"reports\"",
                        "dependsOn = \"acct\""),
                Sources.documented(pkg + ".CreateAudit", "Audits need the reports branch.",
                        "id = \"audit\"", "downRevision = \"acct\"", "dependsOn = {\"reports\", \"init\"}")), pkg);
    }

    @Test
    void deprecatedRevisionCompilesWithoutWarnings() {
        String pkg = "com.acme.old";
        Compilation c = compile(List.of(
                Sources.revision(pkg + ".Init", "id = \"init\""),
                source(pkg + ".Legacy",
                        "/** Kept for old databases. */",
                        "@Deprecated",
                        "@Revision(id = \"legacy\", downRevision = \"init\")",
                        "public final class Legacy implements Migration {",
                        Sources.body().get(0), Sources.body().get(1),
                        "}")));

        assertThat(c).succeededWithoutWarnings();
        assertThat(generated(c, pkg + ".GeneratedMigrations")).contains("return new Legacy()");
    }

    @Test
    void missingGoldenFailsWithItsPath() {
        Assumptions.assumeFalse(Boolean.getBoolean("goldens.update"), "golden files are being rewritten");
        java.nio.file.Path expected = Goldens.path(getClass(), "noSuchMethod", "com.acme.Nothing");

        assertThatThrownBy(() -> Goldens.assertMatches(getClass(), "noSuchMethod", "com.acme.Nothing", "class Nothing {}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(expected.toString())
                .hasMessageContaining("-Dgoldens.update=true");
        assertThat(expected).doesNotExist();
    }

    @Test
    void goldenMismatchFails() {
        Assumptions.assumeFalse(Boolean.getBoolean("goldens.update"), "golden files are being rewritten");
        String golden = generated(compile(linearChain()), "com.acme.chain.GeneratedMigrations");

        assertThatThrownBy(() -> Goldens.assertMatches(getClass(), "linearChain", "com.acme.chain.GeneratedMigrations",
                        golden.replace("1a2b3c4d5e6f", "1a2b3c4d5e6e")))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void outputIsByteIdenticalWhateverTheSourceOrder() {
        List<JavaFileObject> forward = new ArrayList<>(labelledBranch());
        forward.addAll(linearChain());
        List<JavaFileObject> backward = new ArrayList<>(forward);
        java.util.Collections.reverse(backward);

        Compilation first = compile(forward);
        Compilation second = compile(backward);

        assertThat(first).succeededWithoutWarnings();
        assertThat(second).succeededWithoutWarnings();
        for (String pkg : List.of("com.acme.branches", "com.acme.chain")) {
            assertThat(generated(second, pkg + ".GeneratedMigrations"))
                    .isEqualTo(generated(first, pkg + ".GeneratedMigrations"));
        }
        assertThat(serviceFile(first)).isEqualTo(serviceFile(second)).isEqualTo(
                "com.acme.branches.GeneratedMigrations$Provider\ncom.acme.chain.GeneratedMigrations$Provider\n");
    }

    @Test
    void processorJarDeclaresItselfToJavacAndGradle() throws URISyntaxException, IOException {
        URL location = RevisionProcessor.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader processorOnly = new URLClassLoader(new URL[] {location}, null)) {
            assertThat(resource(processorOnly, "META-INF/gradle/incremental.annotation.processors"))
                    .isEqualTo("dev.retort.processor.RevisionProcessor,aggregating\n"
                            + "dev.retort.processor.EntitySchemaProcessor,aggregating\n");
            assertThat(resource(processorOnly, "META-INF/services/javax.annotation.processing.Processor"))
                    .contains("dev.retort.processor.RevisionProcessor")
                    .contains("dev.retort.processor.EntitySchemaProcessor");
        }
    }

    private static String resource(ClassLoader loader, String name) throws IOException {
        try (InputStream in = loader.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
