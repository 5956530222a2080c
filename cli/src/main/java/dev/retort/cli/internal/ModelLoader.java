package dev.retort.cli.internal;

import dev.retort.cli.CommandException;
import dev.retort.runtime.schema.Metadata;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Optional;

/**
 * Loads the target model of {@code revision --autogenerate} and {@code check}: a static
 * {@link Metadata} field named {@code com.acme.model.Schema.METADATA} or {@code
 * com.acme.model.Schema#METADATA}, from the project's class loader. Reflection is fine
 * here: this is the command line, not the runtime.
 */
public final class ModelLoader {

    /** The class the processor generates from JPA entities, in the migrations' package by default. */
    public static final String GENERATED_CLASS = "GeneratedSchema";
    /** The field of {@link #GENERATED_CLASS} that holds the model. */
    public static final String GENERATED_FIELD = "METADATA";

    private ModelLoader() {
    }

    /**
     * The model {@code configured} names, or {@code <packageName>.GeneratedSchema.METADATA}
     * when nothing is configured.
     *
     * @param configName the configuration file, for the messages
     * @throws CommandException naming the class or field and saying how to declare the model
     */
    public static Metadata load(ClassLoader loader, Optional<String> configured, String packageName, String configName) {
        if (configured.isEmpty()) {
            String className = packageName.isEmpty() ? GENERATED_CLASS : packageName + "." + GENERATED_CLASS;
            Class<?> type = find(loader, className);
            if (type == null) {
                throw new CommandException("No target model: 'metadata=' is not set in " + configName + " and there is "
                        + "no compiled " + className + ". Declare the model as a static field built with "
                        + "Metadata.builder() (such as com.acme.model.Schema.METADATA) and set 'metadata=' to it (or "
                        + "pass --metadata), or annotate JPA entities and compile them with the retort processor, "
                        + "which writes " + className + ".");
            }
            return read(type, GENERATED_FIELD, className + "." + GENERATED_FIELD, configName);
        }
        String spec = configured.get().strip();
        int hash = spec.indexOf('#');
        String className;
        String fieldName;
        if (hash >= 0) {
            className = spec.substring(0, hash);
            fieldName = spec.substring(hash + 1);
        } else {
            int dot = spec.lastIndexOf('.');
            if (dot <= 0) {
                throw badSpec(spec, configName);
            }
            className = spec.substring(0, dot);
            fieldName = spec.substring(dot + 1);
        }
        if (!Names.isPackageName(className) || !Names.isJavaClassName(fieldName)) {
            throw badSpec(spec, configName);
        }
        Class<?> type = find(loader, className);
        if (type == null) {
            throw new CommandException("The target model class " + className + " ('metadata=" + spec + "' in "
                    + configName + ") is not on the classpath. Compile it (./mvnw compile) or fix 'metadata='.");
        }
        return read(type, fieldName, spec, configName);
    }

    private static CommandException badSpec(String spec, String configName) {
        return new CommandException("'metadata=" + spec + "' in " + configName + " does not name a field: write the "
                + "class and the static field, such as com.acme.model.Schema.METADATA or com.acme.model.Schema#METADATA.");
    }

    private static Class<?> find(ClassLoader loader, String className) {
        try {
            return Class.forName(className, true, loader);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    private static Metadata read(Class<?> type, String fieldName, String spec, String configName) {
        Field field;
        try {
            field = type.getField(fieldName);
        } catch (NoSuchFieldException e) {
            throw new CommandException("The target model " + spec + " does not exist: " + type.getName()
                    + " has no public field " + fieldName + ". Declare 'public static final Metadata " + fieldName
                    + " = Metadata.builder()...build();' or fix 'metadata=' in " + configName + ".");
        }
        if (!Modifier.isStatic(field.getModifiers())) {
            throw new CommandException("The target model " + spec + " is not static. Make it a static field.");
        }
        if (!Metadata.class.isAssignableFrom(field.getType())) {
            throw new CommandException("The target model " + spec + " is a " + field.getType().getName()
                    + ", not a " + Metadata.class.getName() + ". Build it with Metadata.builder().");
        }
        Object value;
        try {
            value = field.get(null);
        } catch (IllegalAccessException e) {
            throw new CommandException("Cannot read the target model " + spec + ": " + e.getMessage()
                    + ". Make the field and its class public.", e);
        } catch (ExceptionInInitializerError e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new CommandException("Building the target model " + spec + " failed: " + cause
                    + ". Fix the model's declaration.", e);
        }
        if (value == null) {
            throw new CommandException("The target model " + spec + " is null. Assign it a Metadata.");
        }
        return (Metadata) value;
    }
}
