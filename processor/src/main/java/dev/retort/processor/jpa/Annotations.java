package dev.retort.processor.jpa;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Reads annotations by qualified name, defaults included, so no JPA class is loaded: the
 * processor runs the same whether or not {@code jakarta.persistence-api} is on its path.
 */
final class Annotations {

    static final String PKG = "jakarta.persistence.";
    static final String ENTITY = PKG + "Entity";
    static final String TABLE = PKG + "Table";
    static final String COLUMN = PKG + "Column";
    static final String ID = PKG + "Id";
    static final String EMBEDDED_ID = PKG + "EmbeddedId";
    static final String ID_CLASS = PKG + "IdClass";
    static final String GENERATED_VALUE = PKG + "GeneratedValue";
    static final String JOIN_COLUMN = PKG + "JoinColumn";
    static final String JOIN_COLUMNS = PKG + "JoinColumns";
    static final String JOIN_TABLE = PKG + "JoinTable";
    static final String COLLECTION_TABLE = PKG + "CollectionTable";
    static final String MANY_TO_ONE = PKG + "ManyToOne";
    static final String ONE_TO_ONE = PKG + "OneToOne";
    static final String ONE_TO_MANY = PKG + "OneToMany";
    static final String MANY_TO_MANY = PKG + "ManyToMany";
    static final String ELEMENT_COLLECTION = PKG + "ElementCollection";
    static final String ENUMERATED = PKG + "Enumerated";
    static final String LOB = PKG + "Lob";
    static final String EMBEDDED = PKG + "Embedded";
    static final String EMBEDDABLE = PKG + "Embeddable";
    static final String ATTRIBUTE_OVERRIDE = PKG + "AttributeOverride";
    static final String ATTRIBUTE_OVERRIDES = PKG + "AttributeOverrides";
    static final String VERSION = PKG + "Version";
    static final String TRANSIENT = PKG + "Transient";
    static final String MAPPED_SUPERCLASS = PKG + "MappedSuperclass";
    static final String INHERITANCE = PKG + "Inheritance";
    static final String DISCRIMINATOR_COLUMN = PKG + "DiscriminatorColumn";
    static final String PRIMARY_KEY_JOIN_COLUMN = PKG + "PrimaryKeyJoinColumn";
    static final String PRIMARY_KEY_JOIN_COLUMNS = PKG + "PrimaryKeyJoinColumns";
    static final String CONVERT = PKG + "Convert";
    static final String MAP_KEY_COLUMN = PKG + "MapKeyColumn";
    static final String ORDER_COLUMN = PKG + "OrderColumn";
    static final String SEQUENCE_GENERATOR = PKG + "SequenceGenerator";
    static final String SEQUENCE_GENERATORS = PKG + "SequenceGenerators";
    static final String TABLE_GENERATOR = PKG + "TableGenerator";
    static final String TABLE_GENERATORS = PKG + "TableGenerators";
    /** Hibernate's own generator annotations, which name no sequence the reader can see. */
    static final String HIBERNATE_ANNOTATIONS = "org.hibernate.annotations.";

    private final Elements elements;

    Annotations(Elements elements) {
        this.elements = elements;
    }

    /** The type named {@code name}, or null when it is not on the compile classpath. */
    TypeElement typeElement(String name) {
        return elements.getTypeElement(name);
    }

    /** The package {@code element} belongs to, whose {@code package-info} may declare generators. */
    PackageElement packageOf(Element element) {
        return elements.getPackageOf(element);
    }

    /** The annotation named {@code name} directly on {@code element}. */
    static Optional<AnnotationMirror> find(Element element, String name) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
            if (type.getQualifiedName().contentEquals(name)) {
                return Optional.of(mirror);
            }
        }
        return Optional.empty();
    }

    static boolean has(Element element, String name) {
        return find(element, name).isPresent();
    }

    /** The value of {@code attribute}, its default when the source leaves it out. */
    Object value(AnnotationMirror mirror, String attribute) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : elements.getElementValuesWithDefaults(mirror).entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(attribute)) {
                return entry.getValue().getValue();
            }
        }
        throw new IllegalArgumentException("@" + mirror.getAnnotationType() + " has no attribute " + attribute);
    }

    /** True when the source sets {@code attribute} explicitly. */
    static boolean isSet(AnnotationMirror mirror, String attribute) {
        return mirror.getElementValues().keySet().stream().anyMatch(k -> k.getSimpleName().contentEquals(attribute));
    }

    String string(AnnotationMirror mirror, String attribute) {
        return (String) value(mirror, attribute);
    }

    int integer(AnnotationMirror mirror, String attribute) {
        return (Integer) value(mirror, attribute);
    }

    boolean bool(AnnotationMirror mirror, String attribute) {
        return (Boolean) value(mirror, attribute);
    }

    /** The constant name of an enum-valued attribute, e.g. {@code STRING}. */
    String enumConstant(AnnotationMirror mirror, String attribute) {
        return ((VariableElement) value(mirror, attribute)).getSimpleName().toString();
    }

    TypeMirror type(AnnotationMirror mirror, String attribute) {
        return (TypeMirror) value(mirror, attribute);
    }

    /** A nested annotation attribute, e.g. {@code @JoinTable(joinColumns = ...)} as mirrors. */
    @SuppressWarnings("unchecked")
    List<AnnotationMirror> mirrors(AnnotationMirror mirror, String attribute) {
        Object value = value(mirror, attribute);
        if (value instanceof AnnotationMirror single) {
            return List.of(single);
        }
        return ((List<? extends AnnotationValue>) value).stream().map(v -> (AnnotationMirror) v.getValue()).toList();
    }

    /** The mirrors of a repeatable annotation, given directly or in its container. */
    List<AnnotationMirror> repeated(Element element, String name, String container) {
        Optional<AnnotationMirror> single = find(element, name);
        if (single.isPresent()) {
            return List.of(single.get());
        }
        return find(element, container).map(c -> mirrors(c, "value")).orElse(List.of());
    }
}
