package dev.retort.processor;

import com.palantir.javapoet.AnnotationSpec;
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
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Writes the {@code GeneratedMigrations} class of one package: a constant per revision, the
 * {@code REGISTRY} whose factories create each revision with a plain {@code new AddAccount()}, the static entry points and the
 * {@code Provider} that {@code META-INF/services} lists. Everything comes out in the graph's
 * order (topological, then id), so the source is byte-identical from build to build.
 */
final class RegistryWriter {

    /**
     * Revisions per helper method. One {@code add(new RevisionDefinition(...))} compiles to
     * roughly 60 bytes, so 200 of them stay far below the JVM's 64 KB limit per method.
     */
    static final int DEFINITIONS_PER_METHOD = 200;

    private static final String PROCESSOR = "dev.retort.processor.RevisionProcessor";

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
                .addJavadoc(classJavadoc(packageName, graph, byId))
                .alwaysQualify(packageTypes.toArray(String[]::new));
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
        addDefinitions(type, ordered, constants);
        type.addType(provider(self, packageName));
        return JavaFile.builder(packageName, type.build()).skipJavaLangImports(true).indent("    ").build();
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

    private static CodeBlock constantJavadoc(RevisionDescriptor revision, RevisionGraph graph,
            Map<String, RevisionDescriptor> byId) {
        RevisionNode node = revision.node();
        CodeBlock.Builder doc = CodeBlock.builder();
        if (!node.message().isEmpty()) {
            String message = node.message();
            // Messages carry no closing period; javadoc's summary sentence wants one.
            boolean ended = message.endsWith(".") || message.endsWith("!") || message.endsWith("?");
            doc.add("$L$L\n\n<p>", escapeJavadoc(message), ended ? "" : ".");
        }
        doc.add("Revision {@link $T}.\n", ClassName.get(revision.element()));
        List<String> down = node.downRevisions();
        doc.add("<br>$L: ", down.size() > 1 ? "Down revisions" : "Down revision")
                .add(down.isEmpty() ? CodeBlock.of("none, a base") : links(down, byId))
                .add(".\n");
        List<String> up = graph.upRevisions(node.id());
        doc.add("<br>$L: ", up.size() > 1 ? "Up revisions" : "Up revision")
                .add(up.isEmpty() ? CodeBlock.of("none, a head") : links(up, byId))
                .add(".\n");
        if (!node.dependsOn().isEmpty()) {
            doc.add("<br>Depends on: ").add(links(node.dependsOn(), byId)).add(".\n");
        }
        if (!node.branchLabels().isEmpty()) {
            doc.add("<br>$L: $L.\n", node.branchLabels().size() > 1 ? "Branch labels" : "Branch label",
                    node.branchLabels().stream().map(l -> "{@code " + escapeJavadoc(l) + "}")
                            .collect(Collectors.joining(", ")));
        }
        return doc.build();
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

    private static void addDefinitions(TypeSpec.Builder type, List<RevisionDescriptor> ordered,
            Map<String, String> constants) {
        ParameterizedTypeName listOfDefinitions = ParameterizedTypeName.get(TypeNames.LIST, TypeNames.REVISION_DEFINITION);
        MethodSpec.Builder all = MethodSpec.methodBuilder("definitions")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(listOfDefinitions)
                .addStatement("$T definitions = new $T<>($L)", listOfDefinitions, TypeNames.ARRAY_LIST, ordered.size());
        List<MethodSpec> parts = new ArrayList<>();
        for (int start = 0; start < ordered.size(); start += DEFINITIONS_PER_METHOD) {
            List<RevisionDescriptor> chunk = ordered.subList(start, Math.min(ordered.size(), start + DEFINITIONS_PER_METHOD));
            String name = "addDefinitions" + parts.size();
            MethodSpec.Builder part = MethodSpec.methodBuilder(name)
                    .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                    .addParameter(listOfDefinitions, "definitions");
            for (int i = start; i < start + chunk.size(); i++) {
                RevisionDescriptor revision = ordered.get(i);
                RevisionNode node = revision.node();
                part.addCode("definitions.add(new $T(\n$>$>new $T($L, $L, $L, $L, $S),\n$S,\nnew $L($L)));\n$<$<",
                        TypeNames.REVISION_DEFINITION, TypeNames.REVISION_NODE,
                        constants.get(node.id()),
                        constantList(node.downRevisions(), constants),
                        stringList(node.branchLabels()),
                        constantList(node.dependsOn(), constants),
                        node.message(),
                        revision.className(),
                        TypeNames.FACTORY,
                        i);
            }
            parts.add(part.build());
            all.addStatement("$L(definitions)", name);
        }
        type.addMethod(all.addStatement("return definitions").build());
        // A holder class: the JVM runs its initialiser on first use, once, thread-safely, so
        // a start at head, which never asks for the revisions, creates none of them.
        type.addType(TypeSpec.classBuilder(TypeNames.DEFINITIONS)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The revisions of {@link #REGISTRY}, created when first asked for.\n")
                .addField(FieldSpec.builder(listOfDefinitions, "ALL", Modifier.STATIC, Modifier.FINAL)
                        .initializer("$T.copyOf(definitions())", TypeNames.LIST)
                        .build())
                .build());
        // Helpers keep each method small; see DEFINITIONS_PER_METHOD.
        parts.forEach(type::addMethod);
        addFactory(type, ordered);
    }

    /**
     * Creates revisions by index with plain {@code new} in a switch: no reflection, and unlike
     * one {@code AddAccount::new} per revision no lambda is linked and no migration class is
     * loaded until it runs, so an application at head loads none of them. Measured with
     * bench/: linking a thousand constructor references cost more than the version-table read.
     */
    private static void addFactory(TypeSpec.Builder type, List<RevisionDescriptor> ordered) {
        MethodSpec.Builder create = MethodSpec.methodBuilder("create")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(TypeNames.MIGRATION_TYPE)
                .addParameter(int.class, "index")
                .beginControlFlow("switch (index / $L)", DEFINITIONS_PER_METHOD);
        List<MethodSpec> parts = new ArrayList<>();
        for (int start = 0; start < ordered.size(); start += DEFINITIONS_PER_METHOD) {
            int chunk = start / DEFINITIONS_PER_METHOD;
            MethodSpec.Builder part = MethodSpec.methodBuilder("create" + chunk)
                    .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                    .returns(TypeNames.MIGRATION_TYPE)
                    .addParameter(int.class, "index")
                    .beginControlFlow("switch (index)");
            for (int i = start; i < Math.min(ordered.size(), start + DEFINITIONS_PER_METHOD); i++) {
                part.addStatement("case $L: return new $T()", i, ClassName.get(ordered.get(i).element()));
            }
            part.addStatement("default: throw new $T($S + index)", TypeNames.ILLEGAL_ARGUMENT, "No revision at index ")
                    .endControlFlow();
            parts.add(part.build());
            create.addStatement("case $L: return create$L(index)", chunk, chunk);
        }
        create.addStatement("default: throw new $T($S + index)", TypeNames.ILLEGAL_ARGUMENT, "No revision at index ")
                .endControlFlow();
        type.addMethod(create.build());
        parts.forEach(type::addMethod);
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
                .build());
    }

    /** Revision ids as their constants; a dependsOn entry may also be a branch label, written as a string. */
    private static CodeBlock constantList(List<String> ids, Map<String, String> constants) {
        return CodeBlock.of("$T.of($L)", TypeNames.LIST, ids.stream()
                .map(id -> constants.containsKey(id) ? CodeBlock.of("$L", constants.get(id)) : CodeBlock.of("$S", id))
                .collect(CodeBlock.joining(", ")));
    }

    private static CodeBlock stringList(List<String> values) {
        return CodeBlock.of("$T.of($L)", TypeNames.LIST,
                values.stream().map(v -> CodeBlock.of("$S", v)).collect(CodeBlock.joining(", ")));
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
