/**
 * The annotation processors: {@code RevisionProcessor} checks the revision graph and writes
 * {@code GeneratedMigrations}; {@code EntitySchemaProcessor} writes {@code GeneratedSchema}
 * from JPA entities. Put on the processor path ({@code annotationProcessorPaths}), never on
 * an application's class path.
 */
module dev.retort.processor {
    requires transitive java.compiler;
    requires dev.retort.annotations;
    requires dev.retort.runtime;
    requires com.palantir.javapoet;
    requires static com.google.auto.service;

    exports dev.retort.processor;

    provides javax.annotation.processing.Processor
            with dev.retort.processor.RevisionProcessor, dev.retort.processor.EntitySchemaProcessor;
}
