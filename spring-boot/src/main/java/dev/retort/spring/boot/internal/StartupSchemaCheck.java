package dev.retort.spring.boot.internal;

import dev.retort.runtime.JdbcUrls;
import dev.retort.autogenerate.CompareOptions;
import dev.retort.autogenerate.Comparison;
import dev.retort.runtime.schema.Metadata;
import dev.retort.spring.boot.RetortMigrationInitializer;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.SQLException;
import org.springframework.beans.factory.InitializingBean;

/**
 * {@code retort.check-on-start}: once the migrations ran, compares the database with the
 * model as {@code retort check} does and refuses to start when they differ. Only created
 * when Retort's autogenerate is on the class path ({@value #COMPARISON_CLASS}). The
 * application's {@link CompareOptions} bean, when it declares one, says what is compared
 * (the schemas it includes, checks, server defaults); the comparison's notes are logged as
 * warnings and never stop start-up, as {@code retort check} prints them and passes.
 */
public final class StartupSchemaCheck implements InitializingBean {

    /** The class whose presence enables the check. */
    public static final String COMPARISON_CLASS = "dev.retort.autogenerate.Comparison";

    private static final String GENERATED_CLASS = "GeneratedSchema";
    private static final String GENERATED_FIELD = "METADATA";

    private final DataSources.Chosen database;
    private final String registryPackage;
    private final String versionTable;
    private final String versionTableSchema;
    private final String configuredModel;
    private final Metadata modelBean;
    private final CompareOptions options;
    private final ClassLoader classLoader;

    /**
     * @param initializer     taken only so that the check is created after the migration ran
     * @param configuredModel {@code retort.metadata}, or {@code null}
     * @param modelBean       the application's {@code Metadata} bean, or {@code null}
     * @param options         the application's {@code CompareOptions} bean, or {@code null} for the defaults
     */
    public StartupSchemaCheck(RetortMigrationInitializer initializer, DataSources.Chosen database,
                              String registryPackage, String versionTable, String versionTableSchema,
                              String configuredModel, Metadata modelBean, CompareOptions options,
                              ClassLoader classLoader) {
        this.database = database;
        this.registryPackage = registryPackage;
        this.versionTable = versionTable;
        this.versionTableSchema = versionTableSchema;
        this.configuredModel = configuredModel;
        this.modelBean = modelBean;
        this.options = options != null ? options : CompareOptions.defaults();
        this.classLoader = classLoader;
    }

    @Override
    public void afterPropertiesSet() {
        Model model = model();
        Comparison comparison;
        try (Connection connection = database.dataSource().getConnection()) {
            // As retort check compares: the schemas the options include, defaults by value.
            comparison = Comparison.compareLive(model.metadata(), connection, options.versionTable(versionTable));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("retort.check-on-start cannot compare the model " + model.name()
                    + " with " + database.description() + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("retort.check-on-start cannot read the schema of " + database.description()
                    + ": " + JdbcUrls.redact(e.getMessage()) + ". Check that the user may read the catalogue, or set "
                    + "retort.check-on-start=false.", e);
        }
        System.Logger logger = System.getLogger(StartupSchemaCheck.class.getName());
        for (String note : comparison.notes()) {
            logger.log(System.Logger.Level.WARNING, "retort.check-on-start: " + note);
        }
        if (!comparison.isEmpty()) {
            int count = comparison.changes().size();
            throw new IllegalStateException("retort.check-on-start: the database " + database.description()
                    + " differs from the model " + model.name() + " (" + count + (count == 1 ? " difference" : " differences")
                    + "): write a revision for them (retort revision --autogenerate -m \"MESSAGE\") or fix the model, "
                    + "then start again.\n" + comparison.toString().indent(2).stripTrailing());
        }
        logger.log(System.Logger.Level.INFO, () -> "retort.check-on-start: the database matches the model " + model.name());
    }

    private record Model(Metadata metadata, String name) {
    }

    private Model model() {
        if (configuredModel != null && !configuredModel.isBlank()) {
            String spec = configuredModel.strip().replace('#', '.');
            int dot = spec.lastIndexOf('.');
            if (dot <= 0) {
                throw new IllegalStateException("retort.metadata=" + configuredModel + " is not a static field: write "
                        + "it as com.acme.model.Schema.METADATA.");
            }
            return new Model(read(spec.substring(0, dot), spec.substring(dot + 1), "retort.metadata=" + configuredModel),
                    spec);
        }
        if (modelBean != null) {
            return new Model(modelBean, "(the Metadata bean)");
        }
        String className = registryPackage.isEmpty() ? GENERATED_CLASS : registryPackage + "." + GENERATED_CLASS;
        return new Model(read(className, GENERATED_FIELD, null), className + "." + GENERATED_FIELD);
    }

    private Metadata read(String className, String fieldName, String configured) {
        Class<?> type;
        try {
            type = Class.forName(className, true, classLoader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(configured != null
                    ? configured + ": there is no class " + className + " on the class path."
                    : "retort.check-on-start has no model: no Metadata bean, retort.metadata is not set and there is no "
                            + className + ". Annotate JPA entities in " + registryPackage + " and compile them with the "
                            + "retort processor, declare a Metadata bean, or set retort.metadata to a static field.", e);
        }
        try {
            Field field = type.getField(fieldName);
            if (!Modifier.isStatic(field.getModifiers()) || !Metadata.class.isAssignableFrom(field.getType())) {
                throw new NoSuchFieldException(fieldName);
            }
            return (Metadata) field.get(null);
        } catch (NoSuchFieldException | IllegalAccessException e) {
            throw new IllegalStateException((configured != null ? configured : className + "." + fieldName)
                    + " is not a public static Metadata field of " + className + ".", e);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
