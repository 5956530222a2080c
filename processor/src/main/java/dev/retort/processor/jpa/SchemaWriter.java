package dev.retort.processor.jpa;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.ForeignKey;
import dev.retort.runtime.schema.Index;
import dev.retort.runtime.schema.PrimaryKey;
import dev.retort.runtime.schema.Sequence;
import dev.retort.runtime.schema.Table;
import dev.retort.runtime.schema.Type;
import dev.retort.runtime.schema.UniqueConstraint;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * Writes {@code GeneratedSchema}: the tables and sequences read from a package's entities as one {@code
 * public static final Metadata METADATA}, declared with the public {@code Metadata.builder()}
 * API exactly as a hand-written model would be, its names declared {@code unquotedNames()} as
 * Hibernate writes them. The output depends only on the tables, so it is byte-identical from
 * build to build.
 */
public final class SchemaWriter {

    /** The simple name of the generated class. */
    public static final String CLASS_NAME = "GeneratedSchema";

    private static final String SCHEMA = "dev.retort.runtime.schema";
    private static final ClassName METADATA = ClassName.get(SCHEMA, "Metadata");
    private static final ClassName COLUMN = ClassName.get(SCHEMA, "Column");
    private static final ClassName TYPE = ClassName.get(SCHEMA, "Type");
    private static final ClassName INDEX = ClassName.get(SCHEMA, "Index");
    private static final ClassName UNIQUE = ClassName.get(SCHEMA, "UniqueConstraint");
    private static final ClassName FOREIGN_KEY = ClassName.get(SCHEMA, "ForeignKey");
    private static final ClassName PRIMARY_KEY = ClassName.get(SCHEMA, "PrimaryKey");
    private static final ClassName SEQUENCE = ClassName.get(SCHEMA, "Sequence");
    private static final ClassName LIST = ClassName.get("java.util", "List");
    private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

    private final String processorName;
    private final boolean generatedAvailable;

    /**
     * A writer that names {@code processorName} in {@code @Generated}, which it adds only
     * when {@code generatedAvailable} (the annotation is on the compile classpath).
     */
    public SchemaWriter(String processorName, boolean generatedAvailable) {
        this.processorName = processorName;
        this.generatedAvailable = generatedAvailable;
    }

    /**
     * The source of {@code GeneratedSchema} in {@code packageName} holding {@code tables} and
     * {@code sequences}, in order, with every entity of the package as an originating element
     * (for Gradle).
     */
    public JavaFile write(String packageName, List<MappedTable> tables, List<MappedSequence> sequences,
            String naming, List<? extends Element> entities) {
        // Hibernate writes every name bare in its SQL, so each database stores it in its own case.
        CodeBlock.Builder init = CodeBlock.builder().add("$T.builder()", METADATA).indent().indent()
                .add("\n.unquotedNames()");
        for (MappedTable mapped : tables) {
            init.add("\n.table($S, t -> t", mapped.table().name()).indent().indent();
            table(init, mapped.table());
            init.add(")").unindent().unindent();
        }
        for (MappedSequence mapped : sequences) {
            Sequence sequence = mapped.sequence();
            init.add("\n.sequence($T.of($S)", SEQUENCE, sequence.name());
            if (sequence.start() != 1) {
                init.add(".startWith($L)", sequence.start());
            }
            if (sequence.increment() != 1) {
                init.add(".incrementBy($L)", sequence.increment());
            }
            init.add(")");
        }
        init.add("\n.build()").unindent().unindent();

        CodeBlock.Builder javadoc = CodeBlock.builder()
                .add("The tables and sequences of the JPA entities of package {@code $L}, as a Retort schema\n",
                        packageName.isEmpty() ? "(default)" : packageName)
                .add("model: the target of {@code retort revision --autogenerate} and {@code retort check}. Names\n")
                .add("follow the {@code $L} naming strategy ({@code -Aretort.jpa.naming}).\n\n<ul>\n", naming);
        for (MappedTable mapped : tables) {
            String entity = mapped.entity().getQualifiedName().toString();
            if (mapped.attribute() == null) {
                javadoc.add("<li>{@code $L}: {@link $L}", mapped.table().name(), entity);
                for (TypeElement subclass : mapped.alsoMapping()) {
                    javadoc.add(", {@link $L}", subclass.getQualifiedName());
                }
                javadoc.add("\n");
            } else {
                javadoc.add("<li>{@code $L}: {@link $L#$L}\n", mapped.table().name(), entity, mapped.attribute());
            }
        }
        for (MappedSequence mapped : sequences) {
            javadoc.add("<li>sequence {@code $L}: ids of ", mapped.sequence().name());
            javadoc.add(mapped.entities().stream().map(e -> CodeBlock.of("{@link $L}", e.getQualifiedName()))
                    .collect(CodeBlock.joining(", ")));
            javadoc.add("\n");
        }
        javadoc.add("</ul>\n");

        TypeSpec.Builder type = TypeSpec.classBuilder(CLASS_NAME)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc(javadoc.build())
                .addField(FieldSpec.builder(METADATA, "METADATA", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc("The schema the entities map to: tables in table-name order, then sequences by name.\n")
                        .initializer(init.build())
                        .build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        entities.forEach(type::addOriginatingElement);
        if (generatedAvailable) {
            type.addAnnotation(AnnotationSpec.builder(GENERATED).addMember("value", "$S", processorName).build());
        }
        return JavaFile.builder(packageName, type.build()).skipJavaLangImports(true).indent("    ").build();
    }

    private static void table(CodeBlock.Builder out, Table table) {
        boolean explicitKey = table.primaryKey().isPresent()
                && table.columns().stream().noneMatch(Column::isPrimaryKey);
        for (Column column : table.columns()) {
            out.add("\n.column($L)", column(column));
        }
        if (explicitKey) {
            PrimaryKey key = table.primaryKey().get();
            out.add("\n.primaryKey($T.of($L))", PRIMARY_KEY, strings(key.columns()));
        }
        for (Index index : table.indexes()) {
            out.add("\n.$L($S, $L)", index.unique() ? "uniqueIndex" : "index", index.name(), strings(index.columns()));
        }
        for (UniqueConstraint unique : table.uniqueConstraints()) {
            CodeBlock named = unique.name().map(n -> CodeBlock.of(".named($S)", n)).orElse(CodeBlock.of(""));
            out.add("\n.unique($T.of($L)$L)", UNIQUE, strings(unique.columns()), named);
        }
        for (ForeignKey key : table.foreignKeys()) {
            CodeBlock named = key.name().map(n -> CodeBlock.of(".named($S)", n)).orElse(CodeBlock.of(""));
            out.add("\n.foreignKey($T.of($T.of($L), $S, $T.of($L))$L)", FOREIGN_KEY, LIST, strings(key.columns()),
                    key.referentTable(), LIST, strings(key.referentColumns()), named);
        }
    }

    private static CodeBlock column(Column column) {
        CodeBlock.Builder out = CodeBlock.builder().add("$T.of($S, $L)", COLUMN, column.name(), type(column.type()));
        if (column.isPrimaryKey()) {
            out.add(".primaryKey()");
        } else if (!column.isNullable()) {
            out.add(".notNull()");
        }
        if (column.isAutoIncrement()) {
            out.add(".autoIncrement()");
        }
        if (column.isUnique()) {
            out.add(".unique()");
        }
        return out.build();
    }

    private static CodeBlock type(Type type) {
        return switch (type.kind()) {
            case VARCHAR -> CodeBlock.of("$T.varchar($L)", TYPE, type.length().getAsInt());
            case CHAR -> CodeBlock.of("$T.character($L)", TYPE, type.length().getAsInt());
            case NUMERIC -> CodeBlock.of("$T.numeric($L, $L)", TYPE, type.precision().getAsInt(),
                    type.scale().getAsInt());
            case BINARY -> type.length().isPresent() ? CodeBlock.of("$T.varbinary($L)", TYPE, type.length().getAsInt())
                    : CodeBlock.of("$T.BINARY", TYPE);
            case RAW -> CodeBlock.of("$T.raw($S)", TYPE, type.rawSql());
            default -> CodeBlock.of("$T.$L", TYPE, type.kind().name());
        };
    }

    private static CodeBlock strings(List<String> values) {
        return values.stream().map(v -> CodeBlock.of("$S", v)).collect(CodeBlock.joining(", "));
    }
}
