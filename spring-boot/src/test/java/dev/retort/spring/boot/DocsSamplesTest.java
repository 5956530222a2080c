package dev.retort.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every Java sample of docs/spring-boot.md compiles as printed, imports included, on this Boot line. */
class DocsSamplesTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL);
    private static final Pattern CLASS_NAME = Pattern.compile("(?m)^(?:public |final |abstract )*(?:class|interface|record|enum) (\\w+)");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package ([\\w.]+);");

    @Test
    void everyJavaSampleCompiles(@TempDir Path work) throws IOException {
        String page = Files.readString(page());
        List<File> sources = new ArrayList<>();
        Matcher block = JAVA_BLOCK.matcher(page);
        while (block.find()) {
            String source = block.group(1);
            Matcher name = CLASS_NAME.matcher(source);
            Matcher pkg = PACKAGE.matcher(source);
            assertThat(name.find()).as("a class in the sample:%n%s", source).isTrue();
            assertThat(pkg.find()).as("a package line in the sample:%n%s", source).isTrue();
            Path file = work.resolve("src").resolve(pkg.group(1).replace('.', '/')).resolve(name.group(1) + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source);
            sources.add(file.toFile());
        }
        assertThat(sources).hasSizeGreaterThanOrEqualTo(4);

        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        Path classes = Files.createDirectories(work.resolve("classes"));
        try (StandardJavaFileManager files = compiler.getStandardFileManager(null, null, null)) {
            Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromFiles(sources);
            boolean compiled = compiler.getTask(diagnostics, files, null,
                    List.of("-proc:none", "-d", classes.toString(), "-classpath", testClassPath()), null, units).call();
            assertThat(compiled).as("docs/spring-boot.md samples compile:%n%s", diagnostics).isTrue();
        }
    }

    /** docs/spring-boot.md, found from the module's folder (spring-boot/ or spring-boot/boot35/). */
    private static Path page() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs/spring-boot.md");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("docs/spring-boot.md not found above " + Path.of("").toAbsolutePath());
    }

    private static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}
