package dev.retort.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * Every revision of one Java package, as the annotation processor found them at compile
 * time. The processor writes one registry per package ({@code GeneratedMigrations}) and
 * lists it in {@code META-INF/services/dev.retort.runtime.MigrationRegistry}, so tools
 * find registries on a classpath without scanning it.
 */
public interface MigrationRegistry {

    /** The Java package whose revisions this registry lists. */
    String packageName();

    /** Every revision, bases first, in topological order with ties broken by id. */
    List<RevisionDefinition> revisions();

    /** A registry over a fixed list of revisions; the list is copied. */
    static MigrationRegistry of(String packageName, List<RevisionDefinition> revisions) {
        Objects.requireNonNull(packageName, "packageName");
        List<RevisionDefinition> copy = List.copyOf(revisions);
        return new MigrationRegistry() {
            @Override
            public String packageName() {
                return packageName;
            }

            @Override
            public List<RevisionDefinition> revisions() {
                return copy;
            }

            @Override
            public String toString() {
                return "MigrationRegistry[" + packageName + ", " + copy.size() + " revisions]";
            }
        };
    }

    /** Every registry listed in {@code META-INF/services} on the class loader's classpath. */
    static List<MigrationRegistry> load(ClassLoader classLoader) {
        List<MigrationRegistry> registries = new ArrayList<>();
        ServiceLoader.load(MigrationRegistry.class, classLoader).forEach(registries::add);
        return registries;
    }
}
