package dev.retort.processor.jpa;

import dev.retort.runtime.schema.Type;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Java attribute types to the portable column types, as Hibernate maps them by default.
 * {@code float} is {@code REAL} and {@code char} {@code character(1)}, as Hibernate declares
 * them. Where Hibernate's type is outside the portable set the nearest portable one is used:
 * {@code byte} and an ordinal enum are {@code SMALLINT} (Hibernate: {@code tinyint}, {@code
 * smallint} on PostgreSQL). {@code Instant} is {@code TIMESTAMP_TZ} (Hibernate stores it with
 * a time zone), {@code LocalDateTime} {@code TIMESTAMP}.
 */
final class ColumnTypes {

    /**
     * Hibernate 7's default precision and scale of a {@code BigDecimal} that gives no precision:
     * {@code numeric(38,2)} on every database (Hibernate 5 used 19).
     */
    static final int DEFAULT_PRECISION = 38;
    static final int DEFAULT_SCALE = 2;

    private static final Map<String, Type> BY_NAME = Map.ofEntries(
            Map.entry("java.lang.Long", Type.BIGINT),
            Map.entry("java.lang.Integer", Type.INTEGER),
            Map.entry("java.lang.Short", Type.SMALLINT),
            Map.entry("java.lang.Byte", Type.SMALLINT),
            Map.entry("java.lang.Boolean", Type.BOOLEAN),
            Map.entry("java.lang.Double", Type.DOUBLE),
            Map.entry("java.lang.Float", Type.REAL),
            Map.entry("java.lang.Character", Type.character(1)),
            Map.entry("java.math.BigInteger", Type.numeric(DEFAULT_PRECISION, 0)),
            Map.entry("java.time.LocalDate", Type.DATE),
            Map.entry("java.time.LocalTime", Type.TIME),
            Map.entry("java.time.LocalDateTime", Type.TIMESTAMP),
            Map.entry("java.time.Instant", Type.TIMESTAMP_TZ),
            Map.entry("java.time.OffsetDateTime", Type.TIMESTAMP_TZ),
            Map.entry("java.time.ZonedDateTime", Type.TIMESTAMP_TZ),
            Map.entry("java.sql.Date", Type.DATE),
            Map.entry("java.sql.Time", Type.TIME),
            Map.entry("java.sql.Timestamp", Type.TIMESTAMP),
            Map.entry("java.util.UUID", Type.UUID));

    private final Annotations annotations;

    ColumnTypes(Annotations annotations) {
        this.annotations = annotations;
    }

    /**
     * The column type of an attribute of Java type {@code type}; empty when there is none.
     *
     * @param attribute the field, for {@code @Lob} and {@code @Enumerated}
     * @param column its {@code @Column} (or the overriding one), or null
     */
    Optional<Type> of(TypeMirror type, Element attribute, AnnotationMirror column) {
        boolean lob = Annotations.has(attribute, Annotations.LOB);
        int length = column == null ? 255 : annotations.integer(column, "length");
        switch (type.getKind()) {
            case INT:
                return Optional.of(Type.INTEGER);
            case LONG:
                return Optional.of(Type.BIGINT);
            case SHORT:
            case BYTE:
                return Optional.of(Type.SMALLINT);
            case BOOLEAN:
                return Optional.of(Type.BOOLEAN);
            case DOUBLE:
                return Optional.of(Type.DOUBLE);
            case FLOAT:
                return Optional.of(Type.REAL);
            case CHAR:
                return Optional.of(Type.character(1));
            case ARRAY:
                TypeMirror component = ((ArrayType) type).getComponentType();
                boolean bytes = component.getKind() == TypeKind.BYTE
                        || component.toString().equals("java.lang.Byte");
                if (!bytes) {
                    return Optional.empty();
                }
                return Optional.of(lob ? Type.BINARY : Type.varbinary(length));
            case DECLARED:
                return declared((DeclaredType) type, attribute, column, lob, length);
            default:
                return Optional.empty();
        }
    }

    private Optional<Type> declared(DeclaredType type, Element attribute, AnnotationMirror column, boolean lob,
            int length) {
        TypeElement element = (TypeElement) type.asElement();
        String name = element.getQualifiedName().toString();
        if (name.equals("java.lang.String")) {
            return Optional.of(lob ? Type.TEXT : Type.varchar(length));
        }
        if (name.equals("java.math.BigDecimal")) {
            int precision = column == null ? 0 : annotations.integer(column, "precision");
            int scale = column == null ? 0 : annotations.integer(column, "scale");
            // Hibernate's defaults apply to an attribute that gives no precision.
            return Optional.of(precision > 0 ? Type.numeric(precision, Math.min(scale, precision))
                    : Type.numeric(DEFAULT_PRECISION, scale > 0 ? scale : DEFAULT_SCALE));
        }
        if (element.getKind() == ElementKind.ENUM) {
            boolean string = Annotations.find(attribute, Annotations.ENUMERATED)
                    .map(e -> annotations.enumConstant(e, "value").equals("STRING"))
                    .orElse(false);
            // Hibernate 7 stores an ordinal in TINYINT (SMALLINT past 128 constants), which is
            // smallint on PostgreSQL; the portable types stop at SMALLINT, the nearest that holds it.
            return Optional.of(string ? Type.varchar(length) : Type.SMALLINT);
        }
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
