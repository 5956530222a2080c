package dev.retort.cli.internal;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.javadoc.Javadoc;
import dev.retort.cli.CommandException;
import dev.retort.graph.RevisionNode;
import dev.retort.runtime.RevisionMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads {@code @Revision} classes from Java source files with a real parser, so the
 * command line knows the graph before anything is compiled. Only literal annotation
 * values are understood (string literals, text blocks, {@code +} of literals, array
 * initializers of those); anything else is reported with its file and line.
 */
public final class SourceScanner {

    private static final String ANNOTATION = "Revision";
    private static final String QUALIFIED_ANNOTATION = "dev.retort.annotations.Revision";

    private final JavaParser parser = new JavaParser(new ParserConfiguration()
            .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)
            .setAttributeComments(true));

    /**
     * Every revision declared in {@code packageName} under each source folder, sorted by
     * file path. Missing folders contribute nothing.
     */
    public List<ParsedRevision> scan(List<Path> sourceDirectories, String packageName) {
        List<ParsedRevision> revisions = new ArrayList<>();
        for (Path root : sourceDirectories) {
            Path folder = packageFolder(root, packageName);
            if (!Files.isDirectory(folder)) {
                continue;
            }
            List<Path> files;
            try (Stream<Path> listing = Files.list(folder)) {
                files = listing.filter(p -> p.getFileName().toString().endsWith(".java"))
                        .filter(Files::isRegularFile)
                        .sorted(Comparator.comparing(Path::toString))
                        .toList();
            } catch (IOException e) {
                throw new CommandException("Cannot list " + folder + ": " + e.getMessage(), e);
            }
            for (Path file : files) {
                revisions.addAll(parse(file));
            }
        }
        return revisions;
    }

    /** The folder of {@code packageName} under a source root. */
    public static Path packageFolder(Path sourceRoot, String packageName) {
        return packageName.isEmpty() ? sourceRoot : sourceRoot.resolve(packageName.replace('.', '/'));
    }

    /** The revisions declared in one file (top-level and nested classes). */
    public List<ParsedRevision> parse(Path file) {
        String source;
        try {
            source = Files.readString(file);
        } catch (IOException e) {
            throw new CommandException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        ParseResult<CompilationUnit> result = parser.parse(source);
        if (!result.isSuccessful() || result.getResult().isEmpty()) {
            Problem first = result.getProblems().get(0);
            String line = first.getLocation()
                    .flatMap(l -> l.getBegin().getRange())
                    .map(r -> ":" + r.begin.line)
                    .orElse("");
            throw new CommandException("Cannot parse " + file + line + ": " + first.getMessage().lines().findFirst()
                    .orElse("syntax error") + ". Fix the syntax error, then run the command again.");
        }
        CompilationUnit unit = result.getResult().get();
        List<ParsedRevision> found = new ArrayList<>();
        for (TypeDeclaration<?> type : unit.findAll(TypeDeclaration.class)) {
            AnnotationExpr annotation = type.getAnnotations().stream()
                    .filter(a -> a.getNameAsString().equals(ANNOTATION) || a.getNameAsString().equals(QUALIFIED_ANNOTATION))
                    .findFirst()
                    .orElse(null);
            if (annotation == null) {
                continue;
            }
            found.add(read(file, type, annotation));
        }
        return found;
    }

    private ParsedRevision read(Path file, TypeDeclaration<?> type, AnnotationExpr annotation) {
        int line = annotation.getBegin().map(p -> p.line).orElse(0);
        String where = file + ":" + line;
        if (!(annotation instanceof NormalAnnotationExpr normal)) {
            throw new CommandException(where + ": @Revision needs named values, such as @Revision(id = \"…\", "
                    + "downRevision = \"…\"). Fix the annotation.");
        }
        String id = null;
        List<String> down = List.of();
        List<String> labels = List.of();
        List<String> dependsOn = List.of();
        String message = "";
        for (MemberValuePair pair : normal.getPairs()) {
            String name = pair.getNameAsString();
            int valueLine = pair.getBegin().map(p -> p.line).orElse(line);
            String valueWhere = file + ":" + valueLine;
            switch (name) {
                case "id" -> id = string(pair.getValue(), valueWhere, name);
                case "downRevision" -> down = strings(pair.getValue(), valueWhere, name);
                case "branchLabels" -> labels = strings(pair.getValue(), valueWhere, name);
                case "dependsOn" -> dependsOn = strings(pair.getValue(), valueWhere, name);
                case "message" -> message = string(pair.getValue(), valueWhere, name);
                default -> throw new CommandException(valueWhere + ": @Revision has no element '" + name
                        + "'. Use id, downRevision, branchLabels, dependsOn or message.");
            }
        }
        if (id == null) {
            throw new CommandException(where + ": @Revision has no id. Add id = \"<12 hex digits>\".");
        }
        String doc = type.getJavadoc().map(Javadoc::getDescription).map(d -> d.toText().strip()).orElse("");
        if (message.isEmpty()) {
            message = RevisionMessage.fromJavadoc(doc);
        }
        String className = type.getFullyQualifiedName().orElse(type.getNameAsString());
        String packagePrefix = type.findCompilationUnit()
                .flatMap(CompilationUnit::getPackageDeclaration)
                .map(p -> p.getNameAsString() + ".")
                .orElse("");
        String simpleName = className.startsWith(packagePrefix) ? className.substring(packagePrefix.length()) : className;
        RevisionNode node = new RevisionNode(id, down, labels, dependsOn, message);
        return new ParsedRevision(node, className, simpleName, file, line, doc);
    }

    private static List<String> strings(Expression value, String where, String element) {
        if (value instanceof ArrayInitializerExpr array) {
            List<String> out = new ArrayList<>();
            for (Expression e : array.getValues()) {
                out.add(string(e, where, element));
            }
            return out;
        }
        return List.of(string(value, where, element));
    }

    private static String string(Expression value, String where, String element) {
        if (value instanceof StringLiteralExpr literal) {
            return literal.asString();
        }
        if (value instanceof TextBlockLiteralExpr block) {
            return block.asString();
        }
        if (value instanceof BinaryExpr binary && binary.getOperator() == BinaryExpr.Operator.PLUS) {
            return string(binary.getLeft(), where, element) + string(binary.getRight(), where, element);
        }
        throw new CommandException(where + ": " + element + " = " + value + " is not a string literal; the command "
                + "line reads revisions from source and needs literal values. Write the value as \"…\".");
    }
}
