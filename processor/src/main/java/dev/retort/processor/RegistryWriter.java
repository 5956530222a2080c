package dev.retort.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.retort.graph.RevisionGraph;
import dev.retort.graph.RevisionNode;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.lang.model.element.Modifier;

/**
 * Writes the {@code GeneratedMigrations} class of one package: a constant per revision with a
 * one-line javadoc of {@code {@link}}s, the {@code REGISTRY} whose revisions are read on first
 * use from a text table ({@link RevisionTable}) and created with a plain {@code new AddAccount()}
 * in a switch, the static entry points and the {@code Provider} that {@code META-INF/services}
 * lists. Per revision that is a few lines, most of them javadoc and string data that javac
 * scans rather than compiles. Everything comes out in the graph's order (topological, then
 * id), so the source is byte-identical from build to build.
 *
 * <p>JavaPoet builds the class's skeleton, which is the same at any size; the parts that grow
 * with the revisions (the constants, the table, the switch cases) are written line by line
 * straight to the file where the skeleton holds a stand-in line. Formatting a JavaPoet tree of
 * every revision cost more than everything else the processor does: at 10,000 revisions a
 * JFR profile put 12% of javac's main thread in JavaPoet's two passes over the tree and the
 * regular expressions that folded its javadoc, with the whole file held as one string.
 */
final class RegistryWriter {

    /**
     * Revisions per {@code create} method of the factory. One {@code case i: return new X();}
     * compiles to about 12 bytes, so 500 of them stay far below the JVM's 64 KB limit per method.
     */
    static final int CASES_PER_METHOD = 500;

    private static final String PROCESSOR = "dev.retort.processor.RevisionProcessor";

    /** A javadoc of one line as JavaPoet writes it: opening, one text line, closing. */
    private static final Pattern ONE_LINE_JAVADOC = Pattern.compile("(?m)^( *)/\\*\\*\n\\1 \\* ([^\n]*)\n\\1 \\*/\n");

    /**
     * Stand-ins in the skeleton, each alone on its line, for what grows with the revisions:
     * a field for the constants, a returned name per table chunk, a statement per case chunk.
     * Nothing else in the skeleton can make such a line: its other lines are fixed text, the
     * constant names of the heads only appear inside {@code Set.of(...)}.
     */
    private static final String CONSTANTS_MARK = "static int RETORT_BULK_CONSTANTS;";
    private static final String TABLE_MARK = "return RETORT_BULK_TABLE_";
    private static final String CASES_MARK = "RETORT_BULK_CASES_";

    /** The nested types of the registry: a revision class of the same simple name is written qualified. */
    private static final Set<String> MEMBER_TYPES = Set.of(TypeNames.GENERATED_MIGRATIONS, TypeNames.DEFINITIONS,
            TypeNames.FACTORY, TypeNames.PROVIDER);

    private final boolean generatedAnnotationAvailable;

    RegistryWriter(boolean generatedAnnotationAvailable) {
        this.generatedAnnotationAvailable = generatedAnnotationAvailable;
    }

    /**
     * Writes the source of {@code GeneratedMigrations} for a valid graph to {@code out}.
     *
     * @param out           where the source goes, in order; not closed
     * @param packageName   the package of the revisions and of the generated class
     * @param graph         the package's graph, free of structural problems
     * @param revisions     the package's revisions, in any order
     * @param packageTypes  simple names of every type of the package, written qualified where
     *                      they would hide an imported name
     */
    void write(Writer out, String packageName, RevisionGraph graph, List<RevisionDescriptor> revisions,
            List<String> packageTypes) throws IOException {
        Map<String, RevisionDescriptor> byId = revisions.stream()
                .collect(Collectors.toMap(r -> r.id().text(), Function.identity()));
        List<RevisionDescriptor> ordered = graph.nodes().stream().map(n -> byId.get(n.id())).toList();
        Map<String, String> constants = ConstantNames.of(ordered);
        List<List<String>> tables = RevisionTable.lines(packageName, ordered);
        Names names = new Names(packageName, packageTypes, byId);
        String skeleton = skeleton(packageName, graph, byId, ordered.size(), constants, tables.size(), packageTypes);
        int from = 0;
        while (from < skeleton.length()) {
            int lineEnd = skeleton.indexOf('\n', from) + 1;
            String line = skeleton.substring(from, lineEnd);
            String text = line.strip();
            String indent = line.substring(0, line.indexOf(text.isEmpty() ? "\n" : text));
            if (text.equals(CONSTANTS_MARK)) {
                writeConstants(out, indent, ordered, constants, graph, names);
            } else if (text.startsWith(TABLE_MARK) && text.endsWith(";")) {
                writeTable(out, indent, tables.get(Integer.parseInt(text.substring(TABLE_MARK.length(), text.length() - 1))));
            } else if (text.startsWith(CASES_MARK) && text.endsWith(";")) {
                int chunk = Integer.parseInt(text.substring(CASES_MARK.length(), text.length() - 1));
                writeCases(out, indent, ordered, chunk * CASES_PER_METHOD, names);
            } else {
                out.write(line);
            }
            from = lineEnd;
        }
    }

    /** One constant per revision: its one-line javadoc, then the field. */
    private static void writeConstants(Writer out, String indent, List<RevisionDescriptor> ordered,
            Map<String, String> constants, RevisionGraph graph, Names names) throws IOException {
        String declaration = indent + "public static final " + names.string + " ";
        StringBuilder line = new StringBuilder(256);
        for (RevisionDescriptor revision : ordered) {
            line.setLength(0);
            line.append(indent).append("/** ");
            constantJavadoc(line, revision, graph, names);
            line.append(" */\n").append(declaration).append(constants.get(revision.id().text())).append(" = ");
            stringLiteral(line, revision.id().text());
            out.append(line.append(";\n"));
        }
    }

    /** {@code return "line\n" + "line\n" ...;} as JavaPoet wraps it: continuation lines two indents deeper. */
    private static void writeTable(Writer out, String indent, List<String> lines) throws IOException {
        StringBuilder line = new StringBuilder(256);
        for (int i = 0; i < lines.size(); i++) {
            line.setLength(0);
            line.append(i == 0 ? indent + "return " : indent + "        + ");
            stringLiteral(line, lines.get(i) + "\n");
            out.append(line.append(i == lines.size() - 1 ? ";\n" : "\n"));
        }
    }

    private static void writeCases(Writer out, String indent, List<RevisionDescriptor> ordered, int start, Names names)
            throws IOException {
        StringBuilder line = new StringBuilder(128);
        for (int i = start; i < Math.min(ordered.size(), start + CASES_PER_METHOD); i++) {
            line.setLength(0);
            out.append(line.append(indent).append("case ").append(i).append(": return new ")
                    .append(names.of(ordered.get(i))).append("();\n"));
        }
    }

    /**
     * The skeleton: the class with a stand-in line where the revisions' constants, table
     * chunks and switch cases go, each one-line javadoc on one line.
     */
    private String skeleton(String packageName, RevisionGraph graph, Map<String, RevisionDescriptor> byId, int size,
            Map<String, String> constants, int tableChunks, List<String> packageTypes) {
        ClassName self = ClassName.get(packageName, TypeNames.GENERATED_MIGRATIONS);
        TypeSpec.Builder type = TypeSpec.classBuilder(self)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc(classJavadoc(packageName, graph, byId));
        // One name per call: JavaPoet formats the whole array for each name it checks, which
        // made a thousand names cost a quadratic second.
        packageTypes.forEach(type::alwaysQualify);
        if (generatedAnnotationAvailable) {
            type.addAnnotation(AnnotationSpec.builder(TypeNames.GENERATED).addMember("value", "$S", PROCESSOR).build());
        }
        // A deprecated migration class is still a revision: referring to it must not warn.
        type.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class)
                .addMember("value", "{$S, $S}", "deprecation", "removal").build());
        type.addField(FieldSpec.builder(int.class, CONSTANTS_MARK.substring("static int ".length(),
                CONSTANTS_MARK.length() - 1), Modifier.STATIC).build());
        type.addField(FieldSpec.builder(ParameterizedTypeName.get(TypeNames.SET, TypeNames.STRING), "HEADS",
                        Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The ids of the graph's heads: a version table that holds exactly these rows is at\n"
                        + "head, which {@link #upgradeToHead} recognises without creating a revision.\n")
                .initializer("$T.of($L)", TypeNames.SET, graph.heads().stream()
                        .map(id -> CodeBlock.of("$L", constants.get(id))).collect(CodeBlock.joining(", ")))
                .build());
        type.addField(FieldSpec.builder(TypeNames.MIGRATION_REGISTRY, "REGISTRY",
                        Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Every revision of package {@code $L}, bases first, in topological order\n"
                        + "with ties broken by id; created on the first call of its {@code revisions()}.\n",
                        packageName)
                .initializer("new $L()", TypeNames.PROVIDER)
                .build());
        type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        addEntryPoints(type);
        addDefinitions(type, packageName, size, tableChunks);
        addFactory(type, size);
        type.addType(provider(self, packageName));
        String text = JavaFile.builder(packageName, type.build()).skipJavaLangImports(true).indent("    ").build()
                .toString();
        return ONE_LINE_JAVADOC.matcher(text).replaceAll("$1/** $2 */\n");
    }

    private static CodeBlock classJavadoc(String packageName, RevisionGraph graph, Map<String, RevisionDescriptor> byId) {
        CodeBlock.Builder doc = CodeBlock.builder()
                .add("The revisions of package {@code $L}, generated by Retort from their\n"
                        + "{@code @Revision} classes: a constant per revision id, the {@link #REGISTRY}\n"
                        + "that a {@link $T} runs, and shortcuts that migrate a {@link $T}.\n",
                        packageName, TypeNames.MIGRATOR, TypeNames.DATA_SOURCE)
                .add("\n<p>$L: ", graph.heads().size() == 1 ? "Head" : "Heads")
                .add(links(graph.heads(), byId))
                .add(".\n<br>$L: ", graph.bases().size() == 1 ? "Base" : "Bases")
                .add(links(graph.bases(), byId))
                .add(".\n")
                .add("\n<pre>{@code\n$L.upgradeToHead(dataSource);\n$L.migrator(dataSource).downgrade(\"-1\");\n}</pre>\n",
                        TypeNames.GENERATED_MIGRATIONS, TypeNames.GENERATED_MIGRATIONS);
        return doc.build();
    }

    /**
     * The text of a constant's one-line javadoc, so the registry grows by a few lines per
     * revision; a javadoc page renders it as the paragraphs and line breaks its HTML asks for.
     */
    private static void constantJavadoc(StringBuilder doc, RevisionDescriptor revision, RevisionGraph graph, Names names) {
        RevisionNode node = revision.node();
        if (!node.message().isEmpty()) {
            String message = node.message();
            // Messages carry no closing period; javadoc's summary sentence wants one.
            boolean ended = message.endsWith(".") || message.endsWith("!") || message.endsWith("?");
            doc.append(escapeJavadoc(message)).append(ended ? "" : ".").append(" <p>");
        }
        doc.append("Revision {@link ").append(names.of(revision)).append("}.");
        List<String> down = node.downRevisions();
        doc.append(" <br>").append(down.size() > 1 ? "Down revisions" : "Down revision").append(": ");
        if (down.isEmpty()) {
            doc.append("none, a base");
        } else {
            links(doc, down, names);
        }
        doc.append('.');
        List<String> up = graph.upRevisions(node.id());
        doc.append(" <br>").append(up.size() > 1 ? "Up revisions" : "Up revision").append(": ");
        if (up.isEmpty()) {
            doc.append("none, a head");
        } else {
            links(doc, up, names);
        }
        doc.append('.');
        if (!node.dependsOn().isEmpty()) {
            doc.append(" <br>Depends on: ");
            links(doc, node.dependsOn(), names);
            doc.append('.');
        }
        if (!node.branchLabels().isEmpty()) {
            doc.append(" <br>").append(node.branchLabels().size() > 1 ? "Branch labels" : "Branch label").append(": ")
                    .append(node.branchLabels().stream().map(l -> "{@code " + escapeJavadoc(l) + "}")
                            .collect(Collectors.joining(", ")))
                    .append('.');
        }
    }

    private static void links(StringBuilder doc, List<String> ids, Names names) {
        for (int i = 0; i < ids.size(); i++) {
            RevisionDescriptor target = names.byId.get(ids.get(i));
            doc.append(i == 0 ? "" : ", ");
            if (target != null) {
                doc.append("{@link ").append(names.of(target)).append('}');
            } else {
                doc.append("branch {@code ").append(escapeJavadoc(ids.get(i))).append('}');
            }
        }
    }

    private static CodeBlock links(List<String> ids, Map<String, RevisionDescriptor> byId) {
        return ids.stream()
                .map(id -> byId.containsKey(id)
                        ? CodeBlock.of("{@link $T}", ClassName.get(byId.get(id).element()))
                        : CodeBlock.of("branch {@code $L}", escapeJavadoc(id)))
                .collect(CodeBlock.joining(", "));
    }

    private static void addEntryPoints(TypeSpec.Builder type) {
        type.addMethod(MethodSpec.methodBuilder("migrator")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc("A {@link $T} for these revisions on {@code dataSource}, with default options.\n"
                        + "For other options use {@code Migrator.builder(REGISTRY)}.\n", TypeNames.MIGRATOR)
                .returns(TypeNames.MIGRATOR)
                .addParameter(TypeNames.DATA_SOURCE, "dataSource")
                .addStatement("return $T.builder(REGISTRY).dataSource(dataSource).build()", TypeNames.MIGRATOR)
                .build());
        type.addMethod(MethodSpec.methodBuilder("upgradeToHead")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc("Upgrades {@code dataSource} to every head ({@code \"heads\"}, which is\n"
                        + "{@code \"head\"} when the graph has one), applying each missing revision in order,\n"
                        + "and returns what it applied: {@code upgradeToHead(dataSource).steps()} is empty\n"
                        + "when the database was already at head.\n")
                .returns(TypeNames.MIGRATION_RESULT)
                .addParameter(TypeNames.DATA_SOURCE, "dataSource")
                .addStatement("return migrator(dataSource).upgrade($S)", "heads")
                .build());
        type.addMethod(MethodSpec.methodBuilder("upgrade")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc("Upgrades {@code dataSource} to {@code target}: {@code \"head\"}, {@code \"+1\"},\n"
                        + "a revision id or one of this class's constants, {@code \"label@head\"}, and so on.\n")
                .returns(TypeNames.MIGRATION_RESULT)
                .addParameter(TypeNames.DATA_SOURCE, "dataSource")
                .addParameter(TypeNames.STRING, "target")
                .addStatement("return migrator(dataSource).upgrade(target)")
                .build());
        type.addMethod(MethodSpec.methodBuilder("downgrade")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc("Downgrades {@code dataSource} to {@code target}: {@code \"base\"}, {@code \"-1\"},\n"
                        + "a revision id or one of this class's constants, and so on.\n")
                .returns(TypeNames.MIGRATION_RESULT)
                .addParameter(TypeNames.DATA_SOURCE, "dataSource")
                .addParameter(TypeNames.STRING, "target")
                .addStatement("return migrator(dataSource).downgrade(target)")
                .build());
    }

    /**
     * The {@code Definitions} holder: the revisions as a table of one text line each, read
     * into {@link dev.retort.runtime.RevisionDefinition}s on first use. Data in a string costs
     * javac one literal to scan, where a {@code new RevisionDefinition(...)} per revision cost it
     * an overload resolution and generic inference for every {@code List.of}: measured on
     * 1,000 revisions, those statements were half of the registry's compile time.
     */
    private static void addDefinitions(TypeSpec.Builder type, String packageName, int size, int tableChunks) {
        ParameterizedTypeName listOfDefinitions = ParameterizedTypeName.get(TypeNames.LIST, TypeNames.REVISION_DEFINITION);
        ParameterizedTypeName listOfStrings = ParameterizedTypeName.get(TypeNames.LIST, TypeNames.STRING);
        CodeBlock prefix = packageName.isEmpty() ? CodeBlock.of("") : CodeBlock.of("$S + ", packageName + ".");
        TypeSpec.Builder holder = TypeSpec.classBuilder(TypeNames.DEFINITIONS)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The revisions of {@link #REGISTRY}, read when first asked for from a table of one\n"
                        + "line per revision: {@code id|down revisions|branch labels|depends on|class|message},\n"
                        + "the class relative to the package, lists comma-separated, and {@code %}, {@code +},\n"
                        + "line breaks and separators inside a value percent-encoded as in a URL.\n")
                .addField(FieldSpec.builder(listOfDefinitions, "ALL", Modifier.STATIC, Modifier.FINAL)
                        .initializer("read($L)", IntStream.range(0, tableChunks)
                                .mapToObj(i -> CodeBlock.of("table$L()", i)).collect(CodeBlock.joining(", ")))
                        .build())
                .addMethod(MethodSpec.methodBuilder("read")
                        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                        .returns(listOfDefinitions)
                        .addParameter(ArrayTypeName.of(TypeNames.STRING), "tables")
                        .varargs()
                        .addStatement("$T definitions = new $T<>($L)", listOfDefinitions, TypeNames.ARRAY_LIST, size)
                        .beginControlFlow("for ($T table : tables)", TypeNames.STRING)
                        .beginControlFlow("for ($T line : table.split($S))", TypeNames.STRING, "\n")
                        .addStatement("$T[] field = line.split($S, 6)", TypeNames.STRING, "\\|")
                        .addStatement("$T node = new $T(field[0], list(field[1]), list(field[2]), list(field[3]), decode(field[5]))",
                                TypeNames.REVISION_NODE, TypeNames.REVISION_NODE)
                        .addStatement("definitions.add(new $T(node, $Lfield[4], new $L(definitions.size())))",
                                TypeNames.REVISION_DEFINITION, prefix, TypeNames.FACTORY)
                        .endControlFlow()
                        .endControlFlow()
                        .addStatement("return $T.copyOf(definitions)", TypeNames.LIST)
                        .build())
                .addMethod(MethodSpec.methodBuilder("list")
                        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                        .returns(listOfStrings)
                        .addParameter(TypeNames.STRING, "field")
                        .addStatement("$T values = new $T<>()", listOfStrings, TypeNames.ARRAY_LIST)
                        .beginControlFlow("if (!field.isEmpty())")
                        .beginControlFlow("for ($T value : field.split($S))", TypeNames.STRING, ",")
                        .addStatement("values.add(decode(value))")
                        .endControlFlow()
                        .endControlFlow()
                        .addStatement("return values")
                        .build())
                .addMethod(MethodSpec.methodBuilder("decode")
                        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                        .returns(TypeNames.STRING)
                        .addParameter(TypeNames.STRING, "value")
                        .addStatement("return value.indexOf('%') < 0 ? value : $T.decode(value, $T.UTF_8)",
                                TypeNames.URL_DECODER, TypeNames.STANDARD_CHARSETS)
                        .build());
        // The data last, below the code that reads it; write() puts each chunk's lines in place.
        for (int i = 0; i < tableChunks; i++) {
            holder.addMethod(MethodSpec.methodBuilder("table" + i)
                    .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                    .returns(TypeNames.STRING)
                    .addStatement("return $L$L", TABLE_MARK.substring("return ".length()), i)
                    .build());
        }
        type.addType(holder.build());
    }

    /**
     * The {@code Factory}: creates revisions by index with plain {@code new} in a switch. No
     * reflection, and unlike one {@code AddAccount::new} per revision no lambda is linked and
     * no migration class is loaded until it runs, so an application at head loads none of them.
     * Measured with bench/: linking a thousand constructor references cost more than the
     * version-table read. The switch lives in the nested class, whose constant pool then holds
     * the revision classes apart from the constants of {@code GeneratedMigrations}: at 10,000
     * revisions both together would pass the class file's limit of 65,535 constants.
     */
    private static void addFactory(TypeSpec.Builder type, int size) {
        MethodSpec.Builder create = MethodSpec.methodBuilder("create")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(TypeNames.MIGRATION_TYPE)
                .addParameter(int.class, "index")
                .beginControlFlow("switch (index / $L)", CASES_PER_METHOD);
        List<MethodSpec> parts = new ArrayList<>();
        for (int start = 0; start < size; start += CASES_PER_METHOD) {
            int chunk = start / CASES_PER_METHOD;
            MethodSpec.Builder part = MethodSpec.methodBuilder("create" + chunk)
                    .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                    .returns(TypeNames.MIGRATION_TYPE)
                    .addParameter(int.class, "index")
                    .beginControlFlow("switch (index)");
            // write() puts this chunk's cases in place of the stand-in.
            part.addStatement("$L$L", CASES_MARK, chunk);
            part.addStatement("default: throw new $T($S + index)", TypeNames.ILLEGAL_ARGUMENT, "No revision at index ")
                    .endControlFlow();
            parts.add(part.build());
            create.addStatement("case $L: return create$L(index)", chunk, chunk);
        }
        create.addStatement("default: throw new $T($S + index)", TypeNames.ILLEGAL_ARGUMENT, "No revision at index ")
                .endControlFlow();
        type.addType(TypeSpec.classBuilder(TypeNames.FACTORY)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addSuperinterface(ParameterizedTypeName.get(TypeNames.SUPPLIER, TypeNames.MIGRATION_TYPE))
                .addJavadoc("Creates the revision at one index of {@link #REGISTRY}.\n")
                .addField(int.class, "index", Modifier.PRIVATE, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder()
                        .addParameter(int.class, "index")
                        .addStatement("this.index = index")
                        .build())
                .addMethod(MethodSpec.methodBuilder("get")
                        .addAnnotation(TypeNames.OVERRIDE)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(TypeNames.MIGRATION_TYPE)
                        .addStatement("return create(index)")
                        .build())
                .addMethod(create.build())
                // Helpers keep each method small; see CASES_PER_METHOD.
                .addMethods(parts)
                .build());
    }

    private static TypeSpec provider(ClassName self, String packageName) {
        ParameterizedTypeName listOfDefinitions = ParameterizedTypeName.get(TypeNames.LIST, TypeNames.REVISION_DEFINITION);
        return TypeSpec.classBuilder(TypeNames.PROVIDER)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addSuperinterface(TypeNames.MIGRATION_REGISTRY)
                .addJavadoc("The registry: {@link $T#REGISTRY} is one, and\n"
                        + "{@code META-INF/services/$L}\n"
                        + "lists this class so that {@link $T#load} finds it. Every instance answers alike.\n",
                        self, TypeNames.MIGRATION_REGISTRY.canonicalName(), TypeNames.MIGRATION_REGISTRY)
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PUBLIC)
                        .addJavadoc("Creates the provider; {@link java.util.ServiceLoader} calls it.\n")
                        .build())
                .addMethod(MethodSpec.methodBuilder("packageName")
                        .addAnnotation(TypeNames.OVERRIDE)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(TypeNames.STRING)
                        .addStatement("return $S", packageName)
                        .build())
                .addMethod(MethodSpec.methodBuilder("revisions")
                        .addAnnotation(TypeNames.OVERRIDE)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(listOfDefinitions)
                        .addStatement("return $L.ALL", TypeNames.DEFINITIONS)
                        .build())
                .addMethod(MethodSpec.methodBuilder("knownHeads")
                        .addAnnotation(TypeNames.OVERRIDE)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(ParameterizedTypeName.get(TypeNames.OPTIONAL,
                                ParameterizedTypeName.get(TypeNames.SET, TypeNames.STRING)))
                        .addStatement("return $T.of(HEADS)", TypeNames.OPTIONAL)
                        .build())
                .addMethod(MethodSpec.methodBuilder("toString")
                        .addAnnotation(TypeNames.OVERRIDE)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(TypeNames.STRING)
                        .addStatement("return $S", "MigrationRegistry[" + packageName + "]")
                        .build())
                .build();
    }

    /**
     * Makes text safe inside a one-line javadoc comment: no HTML, no tags, no end of comment,
     * no line break, and no backslash, since javac reads the unicode escape of {@code *} and a
     * {@code /} in a comment as its end.
     */
    static String escapeJavadoc(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("@", "&#64;")
                .replace("*/", "*&#47;")
                .replace("\\", "&#92;")
                .replace("\r\n", " ")
                .replace('\r', ' ')
                .replace('\n', ' ');
    }

    /** {@code value} as a Java string literal, escaped as JavaPoet's {@code $S} escapes it. */
    static void stringLiteral(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (Character.isISOControl(c)) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /**
     * How the source names a revision class: as it reads inside the package
     * ({@code AddAccount}, {@code V1.AddAccount}), or fully qualified where a nested type of
     * the registry has its outermost simple name and would hide it. JavaPoet, which wrote
     * these names before, never imports a name of {@code packageTypes} and so never lets an
     * import hide a revision either.
     */
    private static final class Names {
        final Map<String, RevisionDescriptor> byId;
        /** How the constants' type is written: qualified if the package has a type named {@code String}. */
        final String string;
        private final String packageName;

        Names(String packageName, List<String> packageTypes, Map<String, RevisionDescriptor> byId) {
            this.packageName = packageName;
            this.byId = byId;
            this.string = packageTypes.contains("String") ? "java.lang.String" : "String";
        }

        String of(RevisionDescriptor revision) {
            String inPackage = revision.nameInPackage();
            int dot = inPackage.indexOf('.');
            String outermost = dot < 0 ? inPackage : inPackage.substring(0, dot);
            return MEMBER_TYPES.contains(outermost) && !packageName.isEmpty()
                    ? packageName + "." + inPackage
                    : inPackage;
        }
    }
}
