package dev.retort.processor.jpa;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How entity and attribute names become table and column names: option {@code
 * -Aretort.jpa.naming=spring|hibernate}.
 *
 * <p>{@link #SPRING} is Spring Boot's default ({@code CamelCaseToUnderscoresNamingStrategy}
 * with {@code SpringImplicitNamingStrategy}): every name, explicit ones included, is snake_cased
 * and lower-cased, {@code OrderLine.unitPrice} → {@code order_line.unit_price}, and a join
 * table is {@code <owner table>_<attribute>}. {@link #HIBERNATE} is plain Hibernate's
 * ({@code PhysicalNamingStrategyStandardImpl} with the JPA-compliant implicit strategy): names
 * stay as written and a join table is {@code <owner table>_<target table>}.
 */
public enum Naming {
    /** Spring Boot's snake_case, the default. */
    SPRING("spring"),
    /** Hibernate's default: the Java names as they are. */
    HIBERNATE("hibernate");

    /** The processor option that chooses the strategy. */
    public static final String OPTION = "retort.jpa.naming";

    private final String optionValue;

    Naming(String optionValue) {
        this.optionValue = optionValue;
    }

    /** The value of {@link #OPTION} that selects this strategy. */
    public String optionValue() {
        return optionValue;
    }

    /** The strategy {@code value} names, case-insensitively. */
    public static Optional<Naming> parse(String value) {
        return Arrays.stream(values()).filter(n -> n.optionValue.equalsIgnoreCase(value.strip())).findFirst();
    }

    /** The accepted option values, for messages. */
    public static String accepted() {
        return Arrays.stream(values()).map(Naming::optionValue).collect(Collectors.joining(", "));
    }

    /**
     * The physical name of a logical (implicit or explicit) name. A name quoted with {@code "}
     * or backticks, or derived from one ({@code "Item"_labels}), is kept as written, as
     * Hibernate 7 keeps a quoted name under either strategy, without its quotes: the model's
     * names are bare ({@link #isQuoted} lets the reader warn about it).
     */
    String physical(String logical) {
        if (logical.indexOf('"') >= 0 || logical.indexOf('`') >= 0) {
            return unquoted(logical);
        }
        return this == HIBERNATE ? logical : snakeCase(logical);
    }

    /** True for a name JPA quotes: {@code "Order"} or {@code `Order`}. */
    static boolean isQuoted(String name) {
        return name.length() > 2 && (name.startsWith("\"") && name.endsWith("\"")
                || name.startsWith("`") && name.endsWith("`"));
    }

    /** {@code name} without the quote characters JPA and Hibernate accept. */
    static String unquoted(String name) {
        return name.replace("\"", "").replace("`", "");
    }

    /**
     * Hibernate's implicit name of a constraint or index: {@code prefix} and the base-35 MD5 of
     * the physical table name and the logical column names in name order ({@code
     * NamingHelper.generateHashedConstraintName}), {@code IDXruga61cmei4vfs3hvr5flaxbr} for an
     * unnamed {@code @Index(columnList = "placedAt")} of table {@code orders}, under either strategy.
     */
    static String hibernateConstraintName(String prefix, String table, List<String> logicalColumns) {
        StringBuilder text = new StringBuilder("table`").append(table).append('`');
        logicalColumns.stream().sorted(Comparator.comparing(c -> c.toLowerCase(Locale.ROOT)))
                .forEach(c -> text.append("column`").append(c).append('`'));
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return prefix + new BigInteger(1, digest).toString(35);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has MD5", e);
        }
    }

    /** The logical name of a join table of {@code ownerTable}'s {@code attribute} to {@code targetTable}. */
    String joinTable(String ownerTable, String attribute, String targetTable) {
        return ownerTable + "_" + (this == SPRING ? attribute : targetTable);
    }

    /**
     * Spring Boot's rule: an underscore before an upper-case letter that follows a lower-case
     * letter or digit and precedes one; dots become underscores; all lower case.
     */
    static String snakeCase(String name) {
        StringBuilder out = new StringBuilder(name.replace('.', '_'));
        for (int i = 1; i < out.length() - 1; i++) {
            char before = out.charAt(i - 1);
            char current = out.charAt(i);
            char after = out.charAt(i + 1);
            if ((Character.isLowerCase(before) || Character.isDigit(before)) && Character.isUpperCase(current)
                    && (Character.isLowerCase(after) || Character.isDigit(after))) {
                out.insert(i++, '_');
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
