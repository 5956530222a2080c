package dev.retort.processor.jpa;

import static dev.retort.processor.jpa.Annotations.find;
import static dev.retort.processor.jpa.Annotations.has;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/**
 * The structure of one package's entities: superclasses, entity hierarchies and the root's
 * inheritance strategy, which entity's table holds which columns, and the persistent fields a
 * type declares. {@link #packageEntities} starts each package.
 */
final class Hierarchy {

    /** The inheritance strategies of {@code jakarta.persistence.InheritanceType}. */
    enum Strategy { SINGLE_TABLE, JOINED, TABLE_PER_CLASS }

    private final Types types;
    private final Annotations annotations;
    private final SqlNames names;
    private Set<TypeElement> packageEntities = Set.of();

    Hierarchy(Types types, Annotations annotations, SqlNames names) {
        this.types = types;
        this.annotations = annotations;
        this.names = names;
    }

    /** The entities of the package being read, whose tables and hierarchies the reader builds. */
    void packageEntities(Set<TypeElement> entities) {
        packageEntities = entities;
    }

    boolean inPackage(TypeElement entity) {
        return packageEntities.contains(entity);
    }

    /** The tables of a TABLE_PER_CLASS entity with subclasses, which no foreign key can reference; else null. */
    String scatteredOver(TypeElement entity) {
        if (strategy(entity) != Strategy.TABLE_PER_CLASS || children(entity).isEmpty()) {
            return null;
        }
        return subtree(entity).stream().filter(this::ownsTable).map(names::tableName)
                .collect(Collectors.joining(", "));
    }

    Optional<TypeElement> superEntity(TypeElement type) {
        for (TypeElement current = superclass(type); current != null; current = superclass(current)) {
            if (has(current, Annotations.ENTITY)) {
                return Optional.of(current);
            }
        }
        return Optional.empty();
    }

    TypeElement superclass(TypeElement type) {
        TypeMirror superclass = type.getSuperclass();
        return superclass.getKind() == TypeKind.DECLARED ? (TypeElement) types.asElement(superclass) : null;
    }

    /** The topmost entity of {@code entity}'s hierarchy; the entity itself when it extends none. */
    TypeElement root(TypeElement entity) {
        TypeElement root = entity;
        for (Optional<TypeElement> up = superEntity(entity); up.isPresent(); up = superEntity(up.get())) {
            root = up.get();
        }
        return root;
    }

    /** The hierarchy's entities from the root down to {@code entity}. */
    List<TypeElement> chain(TypeElement entity) {
        List<TypeElement> out = new ArrayList<>();
        for (Optional<TypeElement> e = Optional.of(entity); e.isPresent(); e = superEntity(e.get())) {
            out.add(0, e.get());
        }
        return out;
    }

    int depth(TypeElement entity) {
        return chain(entity).size() - 1;
    }

    /** The root's {@code @Inheritance} strategy, SINGLE_TABLE when it declares none. */
    Strategy strategy(TypeElement entity) {
        return find(root(entity), Annotations.INHERITANCE)
                .map(i -> Strategy.valueOf(annotations.enumConstant(i, "strategy")))
                .orElse(Strategy.SINGLE_TABLE);
    }

    /** The entities of the package that extend {@code entity} directly, by name. */
    List<TypeElement> children(TypeElement entity) {
        return packageEntities.stream()
                .filter(e -> superEntity(e).filter(entity::equals).isPresent())
                .sorted(Comparator.comparing(e -> e.getQualifiedName().toString()))
                .toList();
    }

    /** {@code entity} and the package's entities below it, depth first. */
    List<TypeElement> subtree(TypeElement entity) {
        List<TypeElement> out = new ArrayList<>();
        out.add(entity);
        for (TypeElement child : children(entity)) {
            out.addAll(subtree(child));
        }
        return out;
    }

    /**
     * Whether {@code entity} has a table of its own: not a SINGLE_TABLE subclass, and not an
     * abstract TABLE_PER_CLASS entity with subclasses (Hibernate's "abstract union table").
     */
    boolean ownsTable(TypeElement entity) {
        return switch (strategy(entity)) {
            case SINGLE_TABLE -> superEntity(entity).isEmpty();
            case JOINED -> true;
            case TABLE_PER_CLASS -> !entity.getModifiers().contains(Modifier.ABSTRACT)
                    || children(entity).isEmpty();
        };
    }

    /** The entity whose table holds {@code entity}'s key and own columns. */
    TypeElement tableHolder(TypeElement entity) {
        return strategy(entity) == Strategy.SINGLE_TABLE ? root(entity) : entity;
    }

    /**
     * The entities whose tables get a column added to {@code entity}'s: its table's owner, and
     * under TABLE_PER_CLASS every table below, which repeats the columns of the ones above.
     */
    List<TypeElement> tablesHolding(TypeElement entity) {
        if (strategy(entity) == Strategy.TABLE_PER_CLASS) {
            return subtree(entity).stream().filter(this::ownsTable).toList();
        }
        return List.of(tableHolder(entity));
    }

    String packageOf(TypeElement type) {
        Element element = type;
        while (element.getKind() != ElementKind.PACKAGE) {
            element = element.getEnclosingElement();
        }
        return element.toString();
    }

    /** True when {@code @Id} sits on a method: property access, which this reader does not follow. */
    boolean usesPropertyAccess(TypeElement entity) {
        for (TypeElement type = entity; type != null; type = superclass(type)) {
            for (Element method : ElementFilter.methodsIn(type.getEnclosedElements())) {
                if (has(method, Annotations.ID) || has(method, Annotations.EMBEDDED_ID)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The persistent fields a type declares: those of its {@code @MappedSuperclass} (and, for
     * embeddables, {@code @Embeddable}) superclasses up to the next entity first, then its own,
     * in declaration order; static, {@code transient} and {@code @Transient} fields left out.
     * An entity superclass's fields are that entity's.
     */
    List<VariableElement> declaredFields(TypeElement type) {
        List<TypeElement> chain = new ArrayList<>();
        chain.add(type);
        for (TypeElement current = superclass(type); current != null && !has(current, Annotations.ENTITY);
                current = superclass(current)) {
            if (has(current, Annotations.MAPPED_SUPERCLASS) || has(current, Annotations.EMBEDDABLE)) {
                chain.add(0, current);
            }
        }
        List<VariableElement> out = new ArrayList<>();
        for (TypeElement current : chain) {
            for (VariableElement field : ElementFilter.fieldsIn(current.getEnclosedElements())) {
                Set<Modifier> modifiers = field.getModifiers();
                if (!modifiers.contains(Modifier.STATIC) && !modifiers.contains(Modifier.TRANSIENT)
                        && !has(field, Annotations.TRANSIENT)) {
                    out.add(field);
                }
            }
        }
        return out;
    }
}
