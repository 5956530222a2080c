package dev.retort.processor;

import com.google.auto.service.AutoService;
import dev.retort.annotations.Revision;
import dev.retort.graph.RevisionGraph;
import dev.retort.graph.RevisionGraphException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.JavaFileObject;

/**
 * Checks the revision graph of every package that holds {@code @Revision} classes and
 * writes its {@code GeneratedMigrations} registry.
 *
 * <p>Put it on the annotation processor path; it needs nothing else there:
 * <pre>{@code
 * <annotationProcessorPaths>
 *   <path>
 *     <groupId>dev.retort</groupId>
 *     <artifactId>retort-processor</artifactId>
 *     <version>${retort.version}</version>
 *   </path>
 * </annotationProcessorPaths>
 * }</pre>
 *
 * <p>Option {@code -Aretort.multipleHeads=error|warn|allow} (default {@code error}) says
 * what several heads or bases that no branch label tells apart are.
 *
 * <p>The processor only wires the pipeline: collect each revision into a descriptor,
 * validate it and its package's graph (reporting every problem, never stopping at the
 * first), and write the registry of each package that had no error.
 */
@AutoService(Processor.class)
public final class RevisionProcessor extends AbstractProcessor {

    private Reporter reporter;
    private RevisionCollector collector;
    private List<RevisionValidator> validators;
    private GraphValidator graphValidator;
    private RegistryWriter registryWriter;
    private boolean runtimeMissing;

    /** Packages whose revisions an earlier round handled: a later revision there is an error. */
    private final Set<String> processedPackages = new HashSet<>();
    /** Provider class names for META-INF/services, and the revisions they come from. */
    private final Set<String> providers = new TreeSet<>();
    private final List<Element> providerOrigins = new ArrayList<>();
    private boolean optionChecked;
    private MultipleHeadsPolicy policy = MultipleHeadsPolicy.ERROR;

    /** Creates the processor; the compiler calls it through {@link java.util.ServiceLoader}. */
    public RevisionProcessor() {}

    @Override
    public synchronized void init(ProcessingEnvironment env) {
        super.init(env);
        Elements elements = env.getElementUtils();
        Types types = env.getTypeUtils();
        reporter = new Reporter(env.getMessager());
        collector = new RevisionCollector(elements);
        TypeElement migration = elements.getTypeElement(TypeNames.MIGRATION);
        runtimeMissing = migration == null;
        validators = runtimeMissing ? List.of() : List.of(
                new ClassKindValidator(),
                new PublicValidator(),
                new ConcreteValidator(),
                new NestingValidator(),
                new MigrationTypeValidator(types, migration.asType()),
                new ConstructorValidator(elements, types,
                        elements.getTypeElement(RuntimeException.class.getName()).asType(),
                        elements.getTypeElement(Error.class.getName()).asType()));
        registryWriter = new RegistryWriter(elements.getTypeElement(TypeNames.GENERATED.canonicalName()) != null);
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(Revision.class.getCanonicalName());
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(MultipleHeadsPolicy.OPTION);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        checkOption();
        if (round.processingOver()) {
            writeServiceFile();
            return true;
        }
        // Sorted by package, and by class name within one, so diagnostics come out in a stable order.
        Map<String, List<TypeElement>> byPackage = new TreeMap<>();
        for (Element element : round.getElementsAnnotatedWith(Revision.class)) {
            if (element instanceof TypeElement type) {
                String pkg = processingEnv.getElementUtils().getPackageOf(type).getQualifiedName().toString();
                byPackage.computeIfAbsent(pkg, k -> new ArrayList<>()).add(type);
            }
        }
        byPackage.forEach((pkg, types) -> {
            types.sort(Comparator.comparing(t -> t.getQualifiedName().toString()));
            processPackage(pkg, types);
        });
        // @Revision is ours alone: claiming it spares -Xlint:processing builds a warning.
        return true;
    }

    private void processPackage(String pkg, List<TypeElement> types) {
        List<RevisionDescriptor> revisions = new ArrayList<>();
        types.forEach(t -> collector.collect(t).ifPresent(revisions::add));
        if (!processedPackages.add(pkg)) {
            // GeneratedMigrations of this package is written; a new revision cannot join it.
            revisions.forEach(r -> reporter.error(r, null, Message.LATE_ROUND, r.className(), r.id().text(), pkg));
            return;
        }
        if (runtimeMissing) {
            reporter.packageError(pkg, Message.RUNTIME_MISSING, TypeNames.MIGRATION, pkg);
            return;
        }
        for (RevisionDescriptor revision : revisions) {
            for (RevisionValidator validator : validators) {
                // A non-class (interface, enum) would only collect follow-on errors from the other rules.
                if (!validator.validate(revision, reporter) && validator instanceof ClassKindValidator) {
                    break;
                }
            }
        }
        RevisionGraph graph = soundGraph(revisions);
        // A graph that builds has no structural problem, and one with a single head and a single
        // base has no policy problem either: the full check, which would build the graph's index
        // a second time, is only needed to say what is wrong.
        if (graph == null || graph.heads().size() > 1 || graph.bases().size() > 1) {
            graphValidator().validate(pkg, revisions, reporter);
        }
        if (reporter.hasErrors(pkg) || graph == null) {
            return;
        }
        write(pkg, graph, revisions);
    }

    /** The package's graph, or null when it has a structural problem (or no revision). */
    private static RevisionGraph soundGraph(List<RevisionDescriptor> revisions) {
        if (revisions.isEmpty()) {
            return null;
        }
        try {
            return RevisionGraph.of(revisions.stream().map(RevisionDescriptor::node).toList());
        } catch (RevisionGraphException e) {
            return null;
        }
    }

    private void write(String pkg, RevisionGraph graph, List<RevisionDescriptor> revisions) {
        List<String> packageTypes = processingEnv.getElementUtils().getPackageElement(pkg).getEnclosedElements()
                .stream()
                .filter(e -> e.getKind().isClass() || e.getKind().isInterface() || e.getKind() == ElementKind.RECORD)
                .map(e -> e.getSimpleName().toString())
                .sorted()
                .toList();
        String generated = pkg.isEmpty() ? TypeNames.GENERATED_MIGRATIONS : pkg + "." + TypeNames.GENERATED_MIGRATIONS;
        try {
            JavaFileObject file = processingEnv.getFiler().createSourceFile(generated,
                    revisions.stream().map(RevisionDescriptor::element).toArray(Element[]::new));
            // The registry is written in pieces as they are made, so a buffer saves the Filer's
            // writer a call per piece.
            try (Writer writer = new BufferedWriter(file.openWriter(), 1 << 16)) {
                registryWriter.write(writer, pkg, graph, revisions, packageTypes);
            }
        } catch (IOException e) {
            reporter.packageError(pkg, Message.WRITE_FAILED, generated, e.getMessage());
            return;
        }
        providers.add(generated + "$" + TypeNames.PROVIDER);
        revisions.forEach(r -> providerOrigins.add(r.element()));
    }

    private void writeServiceFile() {
        if (providers.isEmpty()) {
            return;
        }
        try {
            new ServiceFileWriter(processingEnv.getFiler()).write(providers, providerOrigins);
        } catch (IOException e) {
            reporter.error(Message.WRITE_FAILED, ServiceFileWriter.PATH, e.getMessage());
        }
    }

    private void checkOption() {
        if (optionChecked) {
            return;
        }
        optionChecked = true;
        String value = processingEnv.getOptions().get(MultipleHeadsPolicy.OPTION);
        if (value == null) {
            return;
        }
        MultipleHeadsPolicy.parse(value).ifPresentOrElse(p -> policy = p, () -> reporter.error(
                Message.INVALID_OPTION, MultipleHeadsPolicy.OPTION, value, MultipleHeadsPolicy.accepted(),
                MultipleHeadsPolicy.ERROR.optionValue()));
    }

    private GraphValidator graphValidator() {
        if (graphValidator == null) {
            graphValidator = new GraphValidator(policy);
        }
        return graphValidator;
    }
}
