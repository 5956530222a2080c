package dev.retort.tests.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.retort.tests.processor.Sources.revision;
import static dev.retort.tests.processor.Sources.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.retort.annotations.Revision;
import dev.retort.processor.RevisionProcessor;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every diagnostic of the processor's catalogue: the exact error count, the tag, the file and
 * the line of the attribute it lands on.
 */
class RevisionDiagnosticsTest {

    private static final String PKG = "com.acme.migrations";

    private static Compilation compile(JavaFileObject... sources) {
        return compile(List.of(), sources);
    }

    private static Compilation compile(List<String> options, JavaFileObject... sources) {
        return Compiler.javac().withProcessors(new RevisionProcessor()).withOptions(options).compile(sources);
    }

    private static JavaFileObject base() {
        return revision(PKG + ".Init", "id = \"a\"");
    }

    // ---------------------------------------------------------------- graph rules

    @Test
    void duplicateIdIsReportedOnEachRevision() {
        JavaFileObject first = revision(PKG + ".AddAccount", "id = \"dup\"", "downRevision = \"a\"");
        JavaFileObject second = revision(PKG + ".AddOrder", "id = \"dup\"", "downRevision = \"a\"");
        Compilation c = compile(base(), first, second);

        assertThat(c).hadErrorCount(2);
        assertThat(c).hadErrorContaining("[RevisionDuplicateId]").inFile(first).onLineContaining("id = \"dup\"");
        assertThat(c).hadErrorContaining("[RevisionDuplicateId]").inFile(second).onLineContaining("id = \"dup\"");
        assertThat(c).hadErrorContaining("also declared by com.acme.migrations.AddOrder");
        assertThat(c).hadErrorContaining("also declared by com.acme.migrations.AddAccount");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abcdefghijabcdefghijabcdefghijabc", "add-account", "a b"})
    void invalidIdIsReportedOnTheId(String id) {
        JavaFileObject bad = revision(PKG + ".Init", "id = \"" + id + "\"");
        Compilation c = compile(bad);

        assertThat(c).hadErrorCount(1);
        assertThat(c).hadErrorContaining("[RevisionInvalidId]").inFile(bad).onLineContaining("id = \"" + id + "\"");
        assertThat(c).hadErrorContaining("1 to 32 characters");
    }

    @Test
    void thirtyTwoCharacterIdIsValid() {
        Compilation c = compile(revision(PKG + ".Init", "id = \"abcdefghijabcdefghijabcdefghij_9\""));

        assertThat(c).succeededWithoutWarnings();
    }

    @Test
    void unknownDownRevisionIsReportedOnTheValueWithClosestIds() {
        JavaFileObject child = revision(PKG + ".AddAccount", "id = \"b1\"", "downRevision = \"a2\"");
        Compilation c = compile(revision(PKG + ".Init", "id = \"a1\""), child);

        assertThat(c).hadErrorCount(1);
        assertThat(c).hadErrorContaining("[RevisionUnknownDown]").inFile(child).onLineContaining("downRevision = \"a2\"");
        assertThat(c).hadErrorContaining("downRevision \"a2\" of com.acme.migrations.AddAccount");
        assertThat(c).hadErrorContaining("closest ids are a1");
    }

    @Test
    void unknownDownRevisionInsideAnArrayLandsOnThatEntry() {
        JavaFileObject merge = source(PKG + ".Merge",
                "@Revision(",
                "        id = \"m\",",
                "        downRevision = {",
                "                \"a\",",
                "                \"zz\"})",
                "public final class Merge implements Migration {",
                "    @Override public void upgrade(Operations op) {}",
                "    @Override public void downgrade(Operations op) {}",
                "}");
        Compilation c = compile(base(), merge);

        assertThat(c).hadErrorCount(1);
        assertThat(c).hadErrorContaining("[RevisionUnknownDown]").inFile(merge).onLineContaining("\"zz\"");
    }

    @Test
    void unknownDependencyIsReportedOnTheValue() {
        JavaFileObject child = revision(PKG + ".AddAccount", "id = \"b\"", "downRevision = \"a\"",
                "dependsOn = \"nope\"");
        Compilation c = compile(base(), child);

        assertThat(c).hadErrorCount(1);
        assertThat(c).hadErrorContaining("[RevisionUnknownDependsOn]").inFile(child)
                .onLineContaining("dependsOn = \"nope\"");
    }

    @Test
    void cycleNamesTheWholePathOnEachMember() {
        JavaFileObject b = revision(PKG + ".B", "id = \"b\"", "downRevision = {\"a\", \"d\"}");
        JavaFileObject c1 = revision(PKG + ".C", "id = \"c\"", "downRevision = \"b\"");
        JavaFileObject d = revision(PKG + ".D", "id = \"d\"", "downRevision = \"c\"");
        Compilation c = compile(base(), b, c1, d);

        assertThat(c).hadErrorCount(3);
        assertThat(c).hadErrorContaining("[RevisionCycle]").inFile(b).onLineContaining("downRevision = {\"a\", \"d\"}");
        assertThat(c).hadErrorContaining("[RevisionCycle]").inFile(c1).onLineContaining("downRevision = \"b\"");
        assertThat(c).hadErrorContaining("[RevisionCycle]").inFile(d).onLineContaining("downRevision = \"c\"");
        assertThat(cycleMessages(c)).allSatisfy(m -> assertThat(m).containsPattern(
                "(b -> c -> d -> b|c -> d -> b -> c|d -> b -> c -> d)"));
    }

    private static List<String> cycleMessages(Compilation c) {
        return c.errors().stream().map(d -> d.getMessage(null)).filter(m -> m.startsWith("[RevisionCycle]")).toList();
    }

    @Test
    void branchLabelUsedTwiceIsReportedOnTheLabel() {
        JavaFileObject b = revision(PKG + ".B", "id = \"b\"", "downRevision = \"a\"", "branchLabels = \"accounts\"");
        JavaFileObject c1 = revision(PKG + ".C", "id = \"c\"", "downRevision = \"a\"", "branchLabels = \"accounts\"");
        JavaFileObject merge = revision(PKG + ".M", "id = \"m\"", "downRevision = {\"b\", \"c\"}");
        Compilation c = compile(base(), b, c1, merge);

        assertThat(c).hadErrorCount(2);
        assertThat(c).hadErrorContaining("[RevisionDuplicateBranchLabel]").inFile(b)
                .onLineContaining("branchLabels = \"accounts\"");
        assertThat(c).hadErrorContaining("[RevisionDuplicateBranchLabel]").inFile(c1)
                .onLineContaining("branchLabels = \"accounts\"");
    }

    @Test
    void branchLabelEqualToARevisionIdIsReportedOnTheLabel() {
        JavaFileObject b = revision(PKG + ".B", "id = \"b\"", "downRevision = \"a\"", "branchLabels = \"a\"");
        Compilation c = compile(base(), b);

        assertThat(c).hadErrorCount(1);
        assertThat(c).hadErrorContaining("[RevisionBranchLabelIsId]").inFile(b).onLineContaining("branchLabels = \"a\"");
    }

    @Test
    void multipleHeadsAreReportedOnEachHeadWithTheMergeToWrite() {
        JavaFileObject b = revision(PKG + ".AddAccount", "id = \"b\"", "downRevision = \"a\"");
        JavaFileObject c1 = revision(PKG + ".AddOrder", "id = \"c\"", "downRevision = \"a\"");
        Compilation c = compile(base(), b, c1);

        assertThat(c).hadErrorCount(2);
        assertThat(c).hadErrorContaining("[RevisionMultipleHeads]").inFile(b).onLineContaining("id = \"b\"");
        assertThat(c).hadErrorContaining("[RevisionMultipleHeads]").inFile(c1).onLineContaining("id = \"c\"");
        assertThat(c).hadErrorContaining("b (AddAccount), c (AddOrder)");
        assertThat(c).hadErrorContaining("downRevision = {\"b\", \"c\"}");
    }

    @Test
    void multipleHeadsWithWarnCompileWithAWarningOnEachHead() {
        JavaFileObject b = revision(PKG + ".AddAccount", "id = \"b\"", "downRevision = \"a\"");
        JavaFileObject c1 = revision(PKG + ".AddOrder", "id = \"c\"", "downRevision = \"a\"");
        Compilation c = compile(List.of("-Aretort.multipleHeads=warn"), base(), b, c1);

        assertThat(c).succeeded();
        assertThat(c).hadWarningCount(2);
        assertThat(c).hadWarningContaining("[RevisionMultipleHeads]").inFile(b).onLineContaining("id = \"b\"");
        assertThat(c).hadWarningContaining("[RevisionMultipleHeads]").inFile(c1).onLineContaining("id = \"c\"");
        assertThat(c.generatedSourceFile(PKG + ".GeneratedMigrations")).isPresent();
    }

    @Test
    void multipleHeadsWithAllowCompileSilently() {
        Compilation c = compile(List.of("-Aretort.multipleHeads=allow"), base(),
                revision(PKG + ".AddAccount", "id = \"b\"", "downRevision = \"a\""),
                revision(PKG + ".AddOrder", "id = \"c\"", "downRevision = \"a\""));

        assertThat(c).succeededWithoutWarnings();
        assertThat(c.generatedSourceFile(PKG + ".GeneratedMigrations")).isPresent();
    }

    @Test
    void labelledBranchesAreNotMultipleHeads() {
        Compilation c = compile(base(),
                revision(PKG + ".AddAccount", "id = \"b\"", "downRevision = \"a\"", "branchLabels = \"accounts\""),
                revision(PKG + ".AddOrder", "id = \"c\"", "downRevision = \"a\"", "branchLabels = \"orders\""));

        assertThat(c).succeededWithoutWarnings();
    }

    @Test
    void multipleBasesAreReportedOnEachBase() {
        JavaFileObject a = revision(PKG + ".A", "id = \"a\"");
        JavaFileObject b = revision(PKG + ".B", "id = \"b\"");
        JavaFileObject merge = revision(PKG + ".M", "id = \"m\"", "downRevision = {\"a\", \"b\"}");
        Compilation c = compile(a, b, merge);

        assertThat(c).hadErrorCount(2);
        assertThat(c).hadErrorContaining("[RevisionMultipleBases]").inFile(a).onLineContaining("id = \"a\"");
        assertThat(c).hadErrorContaining("[RevisionMultipleBases]").inFile(b).onLineContaining("id = \"b\"");
    }

    @Test
    void multipleBasesWithWarnCompileWithWarnings() {
        Compilation c = compile(List.of("-Aretort.multipleHeads=warn"),
                revision(PKG + ".A", "id = \"a\""),
                revision(PKG + ".B", "id = \"b\""),
                revision(PKG + ".M", "id = \"m\"", "downRevision = {\"a\", \"b\"}"));

        assertThat(c).succeeded();
        assertThat(c).hadWarningCount(2);
        assertThat(c).hadWarningContaining("[RevisionMultipleBases]");
    }

    @Test
    void invalidOptionValueIsAnError() {
        Compilation c = compile(List.of("-Aretort.multipleHeads=sometimes"), base());

        assertThat(c).hadErrorCount(1);
        assertThat(c).hadErrorContaining("[RevisionInvalidOption]");
        assertThat(c).hadErrorContaining("\"sometimes\", which is not one of error, warn, allow");
    }

    @Test
    void oneCompileShowsEveryBrokenLink() {
        JavaFileObject b = revision(PKG + ".B", "id = \"b\"", "downRevision = \"x1\"");
        JavaFileObject c1 = revision(PKG + ".C", "id = \"c\"", "downRevision = \"a\"", "dependsOn = \"x2\"");
        JavaFileObject d = revision(PKG + ".D", "id = \"d-d\"", "downRevision = \"c\"");
        JavaFileObject e = source(PKG + ".E",
                "@Revision(id = \"e\", downRevision = \"d-d\")",
                "final class E implements Migration {",
                Sources.body().get(0), Sources.body().get(1),
                "}");
        Compilation c = compile(base(), b, c1, d, e);

        assertThat(c).hadErrorCount(4);
        assertThat(c).hadErrorContaining("[RevisionUnknownDown]").inFile(b).onLineContaining("downRevision = \"x1\"");
        assertThat(c).hadErrorContaining("[RevisionUnknownDependsOn]").inFile(c1).onLineContaining("dependsOn = \"x2\"");
        assertThat(c).hadErrorContaining("[RevisionInvalidId]").inFile(d).onLineContaining("id = \"d-d\"");
        assertThat(c).hadErrorContaining("[RevisionNotPublic]").inFile(e).onLineContaining("@Revision");
    }

    // ---------------------------------------------------------------- class rules

    @Test
    void interfaceIsNotAClass() {
        JavaFileObject bad = source(PKG + ".Init",
                "@Revision(id = \"a\")",
                "public interface Init extends Migration {",
                "}");
        Compilation c = compile(bad);

        assertThat(c).hadErrorCount(1);
        assertThat(c).hadErrorContaining("[RevisionNotAClass]").inFile(bad).onLineContaining("@Revision(id = \"a\")");
        assertThat(c).hadErrorContaining("which is an interface");
    }

    @Test
    void enumIsNotAClass() {
        JavaFileObject bad = source(PKG + ".Init",
                "@Revision(id = \"a\")",
                "public enum Init {",
                "    ONLY",
                "}");
        Compilation c = compile(bad);

        assertThat(c).hadErrorCount(1);
        assertThat(c).hadErrorContaining("[RevisionNotAClass]").inFile(bad).onLineContaining("@Revision(id = \"a\")");
    }

    @Test
    void packagePrivateClassIsNotPublic() {
        JavaFileObject bad = source(PKG + ".Init",
                "@Revision(id = \"a\")",
                "final class Init implements Migration {",
                Sources.body().get(0), Sources.body().get(1),
                "}");
        Compilation c = compile(bad);

        assertThat(c).hadErrorCount(1);
        assertThat(c).hadErrorContaining("[RevisionNotPublic]").inFile(bad).onLineContaining("@Revision(id = \"a\")");
    }

    @Test
    void nestedClassInANonPublicClassIsNotPublic() {
        JavaFileObject bad = source(PKG + ".Holder",
                "final class Holder {",
                "    @Revision(id = \"a\")",
                "    public static final class Init implements Migration {",
                "    " + Sources.body().get(0), "    " + Sources.body().get(1),
                "    }",
                "}");
        Compilation c = compile(bad);

        assertThat(c).hadErrorCount(1);
        assertThat(c).hadErrorContaining("[RevisionNotPublic]").inFile(bad).onLineContaining("@Revision(id = \"a\")");
        assertThat(c).hadErrorContaining("its enclosing class com.acme.migrations.Holder is not public");
    }

    @Test
    void abstractClassIsReported() {
        JavaFileObject bad = source(PKG + ".Init",
                "@Revision(id = \"a\")",
                "public abstract class Init implements Migration {",
                "}");
        Compilation c = compile(bad);

        assertThat(c).hadErrorCount(1);
        assertThat(c).hadErrorContaining("[RevisionAbstract]").inFile(bad).onLineContaining("@Revision(id = \"a\")");
    }

    @Test
    void innerClassIsReported() {
        JavaFileObject bad = source(PKG + ".Holder",
                "public final class Holder {",
                "    @Revision(id = \"a\")",
                "    public final class Init implements Migration {",
                "    " + Sources.body().get(0), "    " + Sources.body().get(1),
                "    }",
                "}");
        Compilation c = compile(bad);

        assertThat(c).hadErrorCount(1);
        assertThat(c).hadErrorContaining("[RevisionInnerClass]").inFile(bad).onLineContaining("@Revision(id = \"a\")");
        assertThat(c).hadErrorContaining("a non-static inner class");
    }

    @Test
    void classThatIsNotAMigrationIsReported() {
        JavaFileObject bad = source(PKG + ".Init",
                "@Revision(id = \"a\")",
                "public final class Init {",
                "}");
        Compilation c = compile(bad);

        assertThat(c).hadErrorCount(1);
        assertThat(c).hadErrorContaining("[RevisionNotMigration]").inFile(bad).onLineContaining("@Revision(id = \"a\")");
    }

    @Test
    void classWithoutPublicNoArgConstructorIsReported() {
        JavaFileObject bad = source(PKG + ".Init",
                "@Revision(id = \"a\")",
                "public final class Init implements Migration {",
                "    public Init(String table) {}",
                Sources.body().get(0), Sources.body().get(1),
                "}");
        Compilation c = compile(bad);

        assertThat(c).hadErrorCount(1);
        assertThat(c).hadErrorContaining("[RevisionNoPublicConstructor]").inFile(bad)
                .onLineContaining("@Revision(id = \"a\")");
        assertThat(c).hadErrorContaining("Add \"public Init() {}\"");
        assertThat(c).hadErrorContaining("the registry creates it with \"new Init()\"");
        assertThat(c.errors().get(0).getMessage(null)).doesNotContain("::new");
    }

    @Test
    void constructorThrowingACheckedExceptionIsReported() {
        JavaFileObject bad = source(PKG + ".Init",
                "@Revision(id = \"a\")",
                "public final class Init implements Migration {",
                "    public Init() throws java.io.IOException {}",
                Sources.body().get(0), Sources.body().get(1),
                "}");
        Compilation c = compile(bad);

        assertThat(c).hadErrorCount(1);
        assertThat(c).hadErrorContaining("[RevisionNoPublicConstructor]").inFile(bad)
                .onLineContaining("@Revision(id = \"a\")");
    }

    @Test
    void runtimeMissingFromTheClasspathIsReported() throws URISyntaxException {
        File annotations = new File(Revision.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        JavaFileObject src = JavaFileObjects.forSourceLines(PKG + ".Init",
                "package " + PKG + ";",
                "",
                "@dev.retort.annotations.Revision(id = \"a\")",
                "public final class Init {",
                "}");
        Compilation c = Compiler.javac().withProcessors(new RevisionProcessor())
                .withClasspath(List.of(annotations)).compile(src);

        assertThat(c).hadErrorCount(1);
        assertThat(c).hadErrorContaining("[RevisionRuntimeMissing]");
        assertThat(c).hadErrorContaining("dev.retort.runtime.Migration");
    }

    // ---------------------------------------------------------------- rounds and output

    @Test
    void revisionGeneratedInALaterRoundIsReported() {
        Compilation c = Compiler.javac()
                .withProcessors(new RevisionProcessor(), new LateRevisionGenerator())
                .compile(base());

        assertThat(c).hadErrorCount(1);
        assertThat(c).hadErrorContaining("[RevisionLateRound]");
        assertThat(c).hadErrorContaining("com.acme.migrations.Late (id \"late\")");
    }

    @Test
    void failureToWriteTheRegistryIsReported() {
        Compilation c = Compiler.javac()
                .withProcessors(new RegistrySquatter(), new RevisionProcessor())
                .compile(base());

        assertThat(c).hadErrorCount(1);
        assertThat(c).hadErrorContaining("[RevisionWriteFailed]");
        assertThat(c).hadErrorContaining("com.acme.migrations.GeneratedMigrations");
    }

    /** Writes a new revision into an already processed package in the second round. */
    static final class LateRevisionGenerator extends AbstractProcessor {
        private boolean done;

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return Set.of("*");
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            if (!done && !round.processingOver()) {
                done = true;
                write(processingEnv, PKG + ".Late", String.join("\n", Sources.header(PKG)) + "\n"
                        + String.join("\n", Sources.annotation("id = \"late\"", "downRevision = \"a\"")) + "\n"
                        + "public final class Late implements Migration {\n"
                        + String.join("\n", Sources.body()) + "\n}\n");
            }
            return false;
        }
    }

    /** Takes the registry's file name first, so that the processor cannot create it. */
    static final class RegistrySquatter extends AbstractProcessor {
        private boolean done;

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return Set.of("*");
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            if (!done && !round.processingOver()) {
                done = true;
                write(processingEnv, PKG + ".GeneratedMigrations",
                        "package " + PKG + ";\n\npublic final class GeneratedMigrations {}\n");
            }
            return false;
        }
    }

    private static void write(javax.annotation.processing.ProcessingEnvironment env, String name, String text) {
        try (Writer w = env.getFiler().createSourceFile(name).openWriter()) {
            w.write(text);
        } catch (IOException e) {
            env.getMessager().printMessage(Diagnostic.Kind.ERROR, "test processor: " + e);
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyPackageIsChecked() {
        JavaFileObject alpha = revision("com.acme.alpha.Init", "id = \"a\"", "downRevision = \"yy\"");
        JavaFileObject beta = revision("com.acme.beta.Init", "id = \"a\"", "downRevision = \"zz\"");
        Compilation c = compile(alpha, beta);

        assertThat(c).hadErrorCount(2);
        assertThat(c).hadErrorContaining("[RevisionUnknownDown]").inFile(alpha).onLineContaining("downRevision = \"yy\"");
        assertThat(c).hadErrorContaining("[RevisionUnknownDown]").inFile(beta).onLineContaining("downRevision = \"zz\"");
    }
}
