package dev.retort.processor;

import com.google.auto.service.AutoService;
import dev.retort.processor.jpa.EntityReader;
import dev.retort.processor.jpa.JpaProblem;
import dev.retort.processor.jpa.MappedSequence;
import dev.retort.processor.jpa.MappedTable;
import dev.retort.processor.jpa.Naming;
import dev.retort.processor.jpa.SchemaWriter;
import dev.retort.runtime.schema.Metadata;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Reads the {@code jakarta.persistence} entities of the compilation and writes, in each
 * package that has some, {@code GeneratedSchema} whose {@code METADATA} is the schema they
 * map to: the target model of {@code retort revision --autogenerate} and {@code retort check}.
 *
 * <p>It runs from the same processor path as {@link RevisionProcessor} and needs no JPA jar
 * of its own; without {@code jakarta.persistence-api} on the compile classpath it does nothing.
 *
 * <p>Option {@code -Aretort.jpa.naming=spring|hibernate} (default {@code spring}) chooses
 * the naming strategy: Spring Boot's snake_case ({@code OrderLine.unitPrice} → {@code
 * order_line.unit_price}) or Hibernate's default (the Java names as written).
 *
 * <p>Entity inheritance (all three strategies) and unidirectional {@code @OneToMany} map as
 * Hibernate 7's schema export lays them out, and so do the sequences of {@code AUTO} and {@code
 * SEQUENCE} keys ({@code account_seq}, increment 50, or a {@code @SequenceGenerator}'s). What
 * the entities map that the schema model cannot hold (an attribute type without a portable
 * column type, a table generator, a hierarchy annotation Hibernate refuses, …) is a compile warning on the element, with a {@code [Jpa…]}
 * tag; the rest of the model is still written.
 */
@AutoService(Processor.class)
public final class EntitySchemaProcessor extends AbstractProcessor {

    private static final String ENTITY = "jakarta.persistence.Entity";

    private final Set<String> processedPackages = new HashSet<>();
    private Naming naming;

    /** Creates the processor; the compiler calls it through {@link java.util.ServiceLoader}. */
    public EntitySchemaProcessor() {}

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(ENTITY);
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(Naming.OPTION);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        TypeElement entity = processingEnv.getElementUtils().getTypeElement(ENTITY);
        if (round.processingOver() || entity == null || !namingOption()) {
            return false;
        }
        // Sorted by package, so diagnostics and files come out in a stable order.
        Map<String, List<TypeElement>> byPackage = new TreeMap<>();
        for (Element element : round.getElementsAnnotatedWith(entity)) {
            if (element.getKind() == ElementKind.CLASS) {
                String pkg = processingEnv.getElementUtils().getPackageOf(element).getQualifiedName().toString();
                byPackage.computeIfAbsent(pkg, k -> new ArrayList<>()).add((TypeElement) element);
            }
        }
        byPackage.forEach(this::processPackage);
        // Other processors (Hibernate's metamodel generator) read @Entity too: never claim it.
        return false;
    }

    private void processPackage(String pkg, List<TypeElement> entities) {
        if (!processedPackages.add(pkg)) {
            // GeneratedSchema of this package is written; entities generated later cannot join it.
            for (TypeElement entity : entities) {
                warn(JpaProblem.INVALID_TABLE, entity, null, entity.getQualifiedName(), "(its table)",
                        "it was generated in a later processing round than the other entities of package " + pkg
                                + ", whose GeneratedSchema is already written");
            }
            return;
        }
        EntityReader reader = new EntityReader(processingEnv.getElementUtils(), processingEnv.getTypeUtils(), naming,
                this::warn);
        List<MappedTable> tables = reader.read(entities);
        List<MappedSequence> sequences = reader.sequences();
        try {
            // The same checks the generated initializer runs when loaded: index names unique, keys to known columns.
            Metadata.Builder model = Metadata.builder().tables(tables.stream().map(MappedTable::table).toList());
            sequences.forEach(s -> model.sequence(s.sequence()));
            model.build();
        } catch (IllegalArgumentException e) {
            TypeElement first = entities.get(0);
            warn(JpaProblem.INVALID_TABLE, first, null, "of package " + pkg, "(all tables)", e.getMessage());
            return;
        }
        String generated = pkg.isEmpty() ? SchemaWriter.CLASS_NAME : pkg + "." + SchemaWriter.CLASS_NAME;
        boolean generatedAvailable = processingEnv.getElementUtils()
                .getTypeElement(TypeNames.GENERATED.canonicalName()) != null;
        try {
            new SchemaWriter(getClass().getName(), generatedAvailable)
                    .write(pkg, tables, sequences, naming.optionValue(), entities)
                    .writeTo(processingEnv.getFiler());
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                    Message.WRITE_FAILED.format(generated, e.getMessage()));
        }
    }

    private void warn(JpaProblem problem, Element element, AnnotationMirror annotation, Object... args) {
        String text = message(problem).format(args);
        if (annotation != null) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.WARNING, text, element, annotation);
        } else {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.WARNING, text, element);
        }
    }

    private static Message message(JpaProblem problem) {
        return switch (problem) {
            case UNSUPPORTED_TYPE -> Message.JPA_UNSUPPORTED_TYPE;
            case UNSUPPORTED_MAPPING -> Message.JPA_UNSUPPORTED_MAPPING;
            case INHERITANCE -> Message.JPA_INHERITANCE;
            case NO_FOREIGN_KEY -> Message.JPA_NO_FOREIGN_KEY;
            case PROPERTY_ACCESS -> Message.JPA_PROPERTY_ACCESS;
            case NO_ID -> Message.JPA_NO_ID;
            case UNRESOLVED_TARGET -> Message.JPA_UNRESOLVED_TARGET;
            case GENERATOR_NOT_MODELLED -> Message.JPA_GENERATOR_NOT_MODELLED;
            case SEQUENCE_CONFLICT -> Message.JPA_SEQUENCE_CONFLICT;
            case SCHEMA_IGNORED -> Message.JPA_SCHEMA_IGNORED;
            case UNKNOWN_COLUMN -> Message.JPA_UNKNOWN_COLUMN;
            case INVALID_TABLE -> Message.JPA_INVALID_TABLE;
            case QUOTED_NAME -> Message.JPA_QUOTED_NAME;
        };
    }

    /** Reads the naming option once; false after reporting a bad value. */
    private boolean namingOption() {
        if (naming != null) {
            return true;
        }
        String value = processingEnv.getOptions().get(Naming.OPTION);
        if (value == null) {
            naming = Naming.SPRING;
            return true;
        }
        naming = Naming.parse(value).orElse(null);
        if (naming == null) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, Message.INVALID_OPTION.format(
                    Naming.OPTION, value, Naming.accepted(), Naming.SPRING.optionValue()));
            return false;
        }
        return true;
    }
}
