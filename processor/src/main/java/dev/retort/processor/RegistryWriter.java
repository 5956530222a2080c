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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    /** The blank line JavaPoet leaves between a revision constant and the next one's one-line javadoc. */
    private static final Pattern BLANK_BETWEEN_CONSTANTS = Pattern.compile(
            "(public static final String \\w+ = \"\\w+\";\n)\n(?= */\\*\\* [^\n]*\\*/\n *public static final String )");

    private final boolean generatedAnnotationAvailable;

    RegistryWriter(boolean generatedAnnotationAvailable) {
        this.generatedAnnotationAvailable = generatedAnnotationAvailable;
    }

    /**
     * The source of {@code GeneratedMigrations} for a valid graph.
     *
     * @param packageName   the package of the revisions and of the generated class
     * @param graph         the package's graph, free of structural problems
     * @param revisions     the package's revisions, in any order
     * @param packageTypes  simple names of every type of the package, written qualified where
     *                      they would hide an imported name
     */
    JavaFile write(String packageName, RevisionGraph graph, List<RevisionDescriptor> revisions,
            List<String> packageTypes) {
        Map<String, RevisionDescriptor> byId = revisions.stream()
                .collect(Collectors.toMap(r -> r.id().text(), Function.identity()));
        List<RevisionDescriptor> ordered = graph.nodes().stream().map(n -> byId.get(n.id())).toList();
        Map<String, String> constants = ConstantNames.of(ordered);
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
        for (RevisionDescriptor revision : ordered) {
            type.addOriginatingElement(revision.element());
            type.addField(FieldSpec.builder(TypeNames.STRING, constants.get(revision.id().text()),
                            Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc(constantJavadoc(revision, graph, byId))
                    .initializer("$S", revision.id().text())
                    .build());
        }
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
        addDefinitions(type, packageName, ordered);
        addFactory(type, ordered);
        type.addType(provider(self, packageName));
        return JavaFile.builder(packageName, type.build()).skipJavaLangImports(true).indent("    ").build();
    }

    /**
     * The source text of a registry, with each one-line javadoc on one line and no blank line
     * between two revision constants. JavaPoet writes every javadoc over three lines and a
     * blank line between fields, which made each revision's two lines five.
     */
    static String source(JavaFile file) {
        String text = ONE_LINE_JAVADOC.matcher(file.toString()).replaceAll("$1/** $2 */\n");
        return BLANK_BETWEEN_CONSTANTS.matcher(text).replaceAll("$1");
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
     * One line per revision, so the registry grows by a few lines per revision; a javadoc
     * page renders it as the paragraphs and line breaks its HTML asks for.
     */
    private static CodeBlock constantJavadoc(RevisionDescriptor revision, RevisionGraph graph,
            Map<String, RevisionDescriptor> byId) {
        RevisionNode node = revision.node();
        CodeBlock.Builder doc = CodeBlock.builder();
        if (!node.message().isEmpty()) {
            String message = node.message();
            // Messages carry no closing period; javadoc's summary sentence wants one.
            boolean ended = message.endsWith(".") || message.endsWith("!") || message.endsWith("?");
            doc.add("$L$L <p>", escapeJavadoc(message), ended ? "" : ".");
        }
        doc.add("Revision {@link $T}.", ClassName.get(revision.element()));
        List<String> down = node.downRevisions();
        doc.add(" <br>$L: ", down.size() > 1 ? "Down revisions" : "Down revision")
                .add(down.isEmpty() ? CodeBlock.of("none, a base") : links(down, byId))
                .add(".");
        List<String> up = graph.upRevisions(node.id());
        doc.add(" <br>$L: ", up.size() > 1 ? "Up revisions" : "Up revision")
                .add(up.isEmpty() ? CodeBlock.of("none, a head") : links(up, byId))
                .add(".");
        if (!node.dependsOn().isEmpty()) {
            doc.add(" <br>Depends on: ").add(links(node.dependsOn(), byId)).add(".");
        }
        if (!node.branchLabels().isEmpty()) {
            doc.add(" <br>$L: $L.", node.branchLabels().size() > 1 ? "Branch labels" : "Branch label",
                    node.branchLabels().stream().map(l -> "{@code " + escapeJavadoc(l) + "}")
                            .collect(Collectors.joining(", ")));
        }
        return doc.add("\n").build();
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
    private static void addDefinitions(TypeSpec.Builder type, String packageName, List<RevisionDescriptor> ordered) {
        ParameterizedTypeName listOfDefinitions = ParameterizedTypeName.get(TypeNames.LIST, TypeNames.REVISION_DEFINITION);
        ParameterizedTypeName listOfStrings = ParameterizedTypeName.get(TypeNames.LIST, TypeNames.STRING);
        List<List<String>> tables = RevisionTable.lines(packageName, ordered);
        CodeBlock prefix = packageName.isEmpty() ? CodeBlock.of("") : CodeBlock.of("$S + ", packageName + ".");
        TypeSpec.Builder holder = TypeSpec.classBuilder(TypeNames.DEFINITIONS)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The revisions of {@link #REGISTRY}, read when first asked for from a table of one\n"
                        + "line per revision: {@code id|down revisions|branch labels|depends on|class|message},\n"
                        + "the class relative to the package, lists comma-separated, and {@code %}, {@code +},\n"
                        + "line breaks and separators inside a value percent-encoded as in a URL.\n")
                .addField(FieldSpec.builder(listOfDefinitions, "ALL", Modifier.STATIC, Modifier.FINAL)
                        .initializer("read($L)", IntStream.range(0, tables.size())
                                .mapToObj(i -> CodeBlock.of("table$L()", i)).collect(CodeBlock.joining(", ")))
                        .build())
                .addMethod(MethodSpec.methodBuilder("read")
                        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                        .returns(listOfDefinitions)
                        .addParameter(ArrayTypeName.of(TypeNames.STRING), "tables")
                        .varargs()
                        .addStatement("$T definitions = new $T<>($L)", listOfDefinitions, TypeNames.ARRAY_LIST, ordered.size())
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
        // The data last, below the code that reads it.
        for (int i = 0; i < tables.size(); i++) {
            holder.addMethod(MethodSpec.methodBuilder("table" + i)
                    .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                    .returns(TypeNames.STRING)
                    .addStatement("return $L", tables.get(i).stream().map(line -> CodeBlock.of("$S", line + "\n"))
                            .collect(CodeBlock.joining("\n+ ")))
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
    private static void addFactory(TypeSpec.Builder type, List<RevisionDescriptor> ordered) {
        MethodSpec.Builder create = MethodSpec.methodBuilder("create")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(TypeNames.MIGRATION_TYPE)
                .addParameter(int.class, "index")
                .beginControlFlow("switch (index / $L)", CASES_PER_METHOD);
        List<MethodSpec> parts = new ArrayList<>();
        for (int start = 0; start < ordered.size(); start += CASES_PER_METHOD) {
            int chunk = start / CASES_PER_METHOD;
            MethodSpec.Builder part = MethodSpec.methodBuilder("create" + chunk)
                    .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                    .returns(TypeNames.MIGRATION_TYPE)
                    .addParameter(int.class, "index")
                    .beginControlFlow("switch (index)");
            for (int i = start; i < Math.min(ordered.size(), start + CASES_PER_METHOD); i++) {
                part.addStatement("case $L: return new $T()", i, ClassName.get(ordered.get(i).element()));
            }
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

    /** Makes text safe inside a javadoc comment: no HTML, no tags, no end of comment. */
    static String escapeJavadoc(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("@", "&#64;")
                .replace("*/", "*&#47;");
    }
}
