package dev.retort.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

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

    /**
     * The ids of the graph's heads when the registry holds them as constants, as the
     * generated registry does ({@code GeneratedMigrations.HEADS}); empty by default, and
     * then the migrator finds them in {@link #revisions()}.
     *
     * <p>With them, {@code upgrade("head")} and {@code upgrade("heads")} on a database at
     * head compare the version table with these ids and return, without calling {@link
     * #revisions()}, building the graph or loading a revision class. A registry that
     * returns them promises they are exactly the heads of the graph of {@link #revisions()}
     * and that this graph is valid: the migrator then checks the graph on its first command
     * that needs it, not when it is built.
     */
    default Optional<Set<String>> knownHeads() {
        return Optional.empty();
    }

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
