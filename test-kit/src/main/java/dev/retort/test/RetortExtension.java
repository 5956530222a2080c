package dev.retort.test;

import dev.retort.autogenerate.CompareOptions;
import dev.retort.runtime.MigrationRegistry;
import dev.retort.runtime.schema.Metadata;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Reads {@link RetortMigrationTest} and hands test methods a {@link RetortTestContext} or a
 * {@link MigrationTester} on a fresh database, dropped when the test ends.
 */
final class RetortExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RetortExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == RetortTestContext.class || type == MigrationTester.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        RetortMigrationTest annotation = annotation(context);
        Configured configured = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(
                context.getRequiredTestClass().getName(), k -> configure(annotation), Configured.class);
        if (parameter.getParameter().getType() == RetortTestContext.class) {
            return configured.context();
        }
        TestDatabase database = configured.databases().get(0);
        FreshDatabase fresh;
        try {
            fresh = database.create();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new ParameterResolutionException("Cannot create a fresh " + database.name() + " database for "
                    + context.getDisplayName() + ": " + e.getMessage(), e);
        }
        // JUnit 5.13+ closes AutoCloseable values of the store when the test ends: the database is dropped then.
        context.getStore(NAMESPACE).put(new Object(), fresh);
        return MigrationTester.of(configured.context().checks().registry(), fresh.dataSource())
                .versionTable(annotation.versionTable());
    }

    private static RetortMigrationTest annotation(ExtensionContext context) {
        Class<?> type = context.getRequiredTestClass();
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            var found = AnnotationSupport.findAnnotation(c, RetortMigrationTest.class);
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new ExtensionConfigurationException(type.getName() + " needs @RetortMigrationTest(registry = …)");
    }

    private static Configured configure(RetortMigrationTest annotation) {
        MigrationRegistry registry = registry(annotation.registry());
        MigrationChecks.Builder checks = MigrationChecks.builder(registry).versionTable(annotation.versionTable());
        String[] schemas = annotation.includeSchemas();
        boolean checkConstraints = annotation.compareCheckConstraints();
        checks.compareOptions(o -> {
            CompareOptions options = o.compareCheckConstraints(checkConstraints);
            return schemas.length == 0 ? options : options.includeSchemas(schemas);
        });
        String noModel = null;
        Class<?> modelClass = annotation.model();
        if (modelClass == void.class) {
            String name = (registry.packageName().isEmpty() ? "" : registry.packageName() + ".") + "GeneratedSchema";
            try {
                modelClass = Class.forName(name, true, annotation.registry().getClassLoader());
            } catch (ClassNotFoundException e) {
                modelClass = null;
                noModel = "no model to compare with: there is no " + name + " (the processor writes it from JPA "
                        + "entities) and @RetortMigrationTest names no model = …; set model = YourSchema.class "
                        + "(a static Metadata field " + annotation.modelField() + ") to run modelMatchesDatabase";
            }
        }
        if (modelClass != null) {
            checks.model(model(modelClass, annotation.modelField()), modelClass.getName() + "." + annotation.modelField());
        }
        List<TestDatabase> databases = new ArrayList<>();
        for (Class<? extends TestDatabase> type : annotation.databases()) {
            try {
                var constructor = type.getDeclaredConstructor();
                constructor.setAccessible(true);
                databases.add(constructor.newInstance());
            } catch (ReflectiveOperationException e) {
                throw new ExtensionConfigurationException("Cannot create the test database " + type.getName()
                        + ": it needs a constructor without parameters (" + e + ")", e);
            }
        }
        if (databases.isEmpty()) {
            throw new ExtensionConfigurationException("@RetortMigrationTest(databases = {}) names no database; "
                    + "leave it out for H2, or name H2TestDatabase.class, PostgresTestDatabase.class, …");
        }
        Set<Check> skip = annotation.skip().length == 0 ? EnumSet.noneOf(Check.class)
                : EnumSet.copyOf(List.of(annotation.skip()));
        return new Configured(new RetortTestContext(checks.build(), databases, skip,
                annotation.offlineMatchesOnline(), annotation.snapshots(), noModel), databases);
    }

    private static MigrationRegistry registry(Class<?> type) {
        Object value = staticField(type, "REGISTRY", "registry");
        if (!(value instanceof MigrationRegistry registry)) {
            throw new ExtensionConfigurationException("@RetortMigrationTest(registry = " + type.getSimpleName()
                    + ".class): its REGISTRY is not a MigrationRegistry; name the GeneratedMigrations class "
                    + "the processor wrote for your revisions");
        }
        return registry;
    }

    private static Metadata model(Class<?> type, String field) {
        Object value = staticField(type, field, "model");
        if (!(value instanceof Metadata metadata)) {
            throw new ExtensionConfigurationException("@RetortMigrationTest(model = " + type.getSimpleName()
                    + ".class): its field " + field + " is not a Metadata; name a static Metadata field with modelField");
        }
        return metadata;
    }

    private static Object staticField(Class<?> type, String name, String attribute) {
        try {
            Field field = type.getDeclaredField(name);
            if (!Modifier.isStatic(field.getModifiers())) {
                throw new NoSuchFieldException(name + " is not static");
            }
            field.setAccessible(true);
            return field.get(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ExtensionConfigurationException("@RetortMigrationTest(" + attribute + " = "
                    + type.getSimpleName() + ".class) has no static field " + name + " (" + e.getMessage() + ")", e);
        }
    }

    private record Configured(RetortTestContext context, List<TestDatabase> databases) {
    }
}
