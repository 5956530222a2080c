package dev.retort.tests.jpa;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.retort.autogenerate.CompareOptions;
import dev.retort.autogenerate.Comparison;
import dev.retort.autogenerate.Introspection;
import dev.retort.runtime.dialect.Dialect;
import dev.retort.runtime.dialect.Dialects;
import dev.retort.runtime.internal.DefaultOperations;
import dev.retort.runtime.internal.JdbcSink;
import dev.retort.runtime.schema.Metadata;
import dev.retort.runtime.schema.PrimaryKey;
import dev.retort.runtime.schema.Table;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;
import dev.retort.tests.processor.CompiledClasses;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.tools.JavaFileObject;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataBuilder;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.ImplicitJoinTableNameSource;
import org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hibernate ORM 7 itself agrees with {@code GeneratedSchema}, for the shop entities, the
 * JOINED and TABLE_PER_CLASS hierarchies, the unidirectional {@code @OneToMany} set and the
 * other mappings ({@code @EmbeddedId}, {@code @OneToOne}, explicit join and collection tables) and
 * the keys drawn from sequences ({@link SequenceEntities}, in two packages), under
 * both naming strategies, on H2, PostgreSQL and MariaDB: on a schema Retort created from the
 * model, Hibernate starts with {@code hbm2ddl.auto=validate} (which checks that every sequence
 * exists) and stores and reads entities, drawing their ids from the sequences Retort created; on
 * a schema Hibernate created ({@code hbm2ddl.auto=create}), Retort's comparison with the model
 * finds nothing, and the primary keys (which the comparison leaves alone) are the model's:
 * what {@code retort check} tells a team adopting Retort on a database Hibernate made.
 *
 * <p>Where Hibernate picks a column type per database that the model's portable types cannot
 * follow, the entities say what to use instead ({@link #entities}); the README lists these
 * limits. SQLite is left out: Hibernate's community SQLite dialect refuses, in its own
 * validation, the {@code integer} key it creates for an IDENTITY {@code Long}, and its driver
 * cannot read some columns Hibernate asks for.
 *
 * <p>Hibernate is bootstrapped by hand on the test database's data source, no Spring: the
 * {@code spring} naming is Hibernate's {@link CamelCaseToUnderscoresNamingStrategy} with
 * {@link SpringImplicitNamingStrategy}, a copy of Spring Boot's; {@code hibernate} naming is
 * Hibernate's defaults.
 */
class HibernateAgreesTest {

    /** The compiled entities and model per naming strategy and database: compiling once for each is enough. */
    private static final Map<String, Compiled> COMPILED = new ConcurrentHashMap<>();

    private record Compiled(URLClassLoader loader, Metadata model, List<Class<?>> entities) {}

    @AfterAll
    static void closeLoaders() throws Exception {
        for (Compiled compiled : COMPILED.values()) {
            compiled.loader().close();
        }
    }

    @ParameterizedTest(name = "{0}, {1} naming")
    @CsvSource({"h2, spring", "h2, hibernate", "postgresql, spring", "postgresql, hibernate",
            "mariadb, spring", "mariadb, hibernate"})
    void hibernateValidatesAndUsesTheSchemaRetortCreated(String kind, String naming) throws Exception {
        Compiled compiled = compiled(naming, kind);
        try (TestDatabase db = TestDatabases.open(kind)) {
            try (Connection connection = db.dataSource().getConnection()) {
                Dialect dialect = Dialects.detect(connection);
                Comparison create = Comparison.compare(compiled.model(), Introspection.read(connection, dialect),
                        CompareOptions.defaults().forDialect(dialect));
                assertThat(create.operations()).extracting(o -> o.getClass().getSimpleName()).contains("CreateTable");
                var op = new DefaultOperations(dialect, new JdbcSink(connection), connection);
                create.operations().forEach(op::run);
            }

            try (SessionFactory factory = hibernate(db, naming, compiled, "validate")) {
                storeAndReadBack(factory, compiled.loader());
            }
        }
    }

    @ParameterizedTest(name = "{0}, {1} naming")
    @CsvSource({"h2, spring", "h2, hibernate", "postgresql, spring", "postgresql, hibernate",
            "mariadb, spring", "mariadb, hibernate"})
    void retortFindsNothingToChangeInTheSchemaHibernateCreated(String kind, String naming) throws Exception {
        Compiled compiled = compiled(naming, kind);
        try (TestDatabase db = TestDatabases.open(kind)) {
            hibernate(db, naming, compiled, "create").close();

            try (Connection connection = db.dataSource().getConnection()) {
                Dialect dialect = Dialects.detect(connection);
                Comparison check = Comparison.compare(compiled.model(), Introspection.read(connection, dialect),
                        CompareOptions.defaults().forDialect(dialect));
                assertThat(check.changes()).as("what retort check finds in the schema Hibernate created: %s",
                        check).isEmpty();

                Metadata created = Introspection.read(connection, dialect);
                Metadata expected = compiled.model().renamed(dialect::foldUnquotedName);
                for (Table table : expected.tables()) {
                    assertThat(created.table(table.name()).flatMap(Table::primaryKey).map(PrimaryKey::columns))
                            .as("primary key of %s", table.name())
                            .isEqualTo(table.primaryKey().map(PrimaryKey::columns));
                }
            }
        }
    }

    /**
     * Accounts, an order referencing two of them with a tag, a line, a card payment, one entity
     * per sequence; then read in a new session.
     */
    private static void storeAndReadBack(SessionFactory factory, ClassLoader loader) throws Exception {
        Class<?> account = loader.loadClass(ShopEntities.PKG + ".Account");
        Class<?> order = loader.loadClass(ShopEntities.PKG + ".Order");
        Class<?> payment = loader.loadClass(ShopEntities.PKG + ".Payment");
        Class<?> electricCar = loader.loadClass(ShopEntities.PKG + ".ElectricCar");
        Class<?> dog = loader.loadClass(ShopEntities.PKG + ".Dog");
        Class<?> orderLine = loader.loadClass(ShopEntities.PKG + ".OrderLine");

        Object[] ids = factory.fromTransaction(session -> {
            try {
                Object ann = entity(loader, "Account", "email", "ann@example.com", "tenant", "acme",
                        "status", constant(loader, "Status", "ACTIVE"), "tier", constant(loader, "Tier", "PRO"),
                        "createdAt", Instant.parse("2026-01-02T03:04:05Z"), "notes", "prefers mail",
                        "avatar", new byte[] {1, 2, 3});
                session.persist(ann);
                Object tag = entity(loader, "Tag", "id", 7L, "name", "gift");
                session.persist(tag);
                Object placed = entity(loader, "Order", "account", ann, "placedAt",
                        LocalDateTime.parse("2026-01-02T10:00:00"), "total", new BigDecimal("12.50"));
                get(placed, "tags", Collection.class).add(tag);
                session.persist(placed);
                Object money = entity(loader, "Money", "amount", new BigDecimal("6.25"), "currency", "EUR");
                Object line = entity(loader, "OrderLine", "order", placed, "quantity", 2, "unitPrice", money,
                        "discountRate", 0.25f);
                if (hasField(line.getClass(), "sizeCode")) { // not on MariaDB, see entities()
                    field(line.getClass(), "sizeCode").set(line, 'M');
                }
                session.persist(line);
                Object card = entity(loader, "CardPayment", "amount", new BigDecimal("12.50"), "last4", "4242",
                        "expiryMonth", 12, "cardHolder", ann);
                session.persist(card);
                get(placed, "payments", Collection.class).add(card);
                get(ann, "phones", Collection.class).add("+41 1");
                Object car = entity(loader, "ElectricCar", "plate", "ZH 1", "seats", 4, "rangeKm", 400);
                session.persist(car);
                Object rex = entity(loader, "Dog", "name", "Rex", "breed", "collie");
                session.persist(rex);
                session.persist(entity(loader, "Vet", "id", 1L, "patient", rex));
                Object receipt = entity(loader, "Receipt", "amount", 5);
                session.persist(receipt);
                for (String simpleName : List.of("Invoice", "Stamp", "Badge", "GiftCard", "Ticket")) {
                    session.persist(entity(loader, simpleName));
                }
                for (String simpleName : List.of("Bill", "Fee")) {
                    session.persist(entity(loader, SequenceEntities.BILLING + "." + simpleName));
                }
                return new Object[] {get(placed, "id", Object.class), get(car, "id", Object.class),
                        get(rex, "id", Object.class), get(receipt, "id", Object.class)};
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        });

        factory.inSession(session -> {
            Object placed = session.find(order, ids[0]);
            assertThat(get(get(placed, "account", Object.class), "email", String.class)).isEqualTo("ann@example.com");
            assertThat(get(placed, "total", BigDecimal.class)).isEqualByComparingTo("12.50");
            assertThat(get(placed, "tags", Collection.class)).extracting(t -> get(t, "name", String.class))
                    .containsExactly("gift");
            assertThat(get(placed, "payments", Collection.class)).singleElement()
                    .satisfies(p -> assertThat(p.getClass().getSimpleName()).isEqualTo("CardPayment"))
                    .satisfies(p -> assertThat(get(p, "last4", String.class)).isEqualTo("4242"));
            Object ann = get(placed, "account", Object.class);
            assertThat(get(ann, "phones", Collection.class)).containsExactly("+41 1");
            assertThat(get(ann, "createdAt", Instant.class)).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
            assertThat(get(ann, "avatar", byte[].class)).containsExactly(1, 2, 3);
            assertThat(String.valueOf(get(ann, "status", Object.class))).isEqualTo("ACTIVE");
            assertThat(session.createSelectionQuery("from Payment", payment).getResultList()).hasSize(1);
            assertThat(get(session.find(electricCar, ids[1]), "rangeKm", Integer.class)).isEqualTo(400);
            assertThat(get(session.find(dog, ids[2]), "breed", String.class)).isEqualTo("collie");
            // The first id of a sequence is its start: the @SequenceGenerator's initialValue.
            assertThat(ids[3]).isEqualTo(1000L);
            for (String entity : List.of("Invoice", "Stamp", "Badge", "GiftCard", "Ticket", "Bill", "Fee")) {
                assertThat(session.createSelectionQuery("select count(*) from " + entity, Long.class)
                        .getSingleResult()).as("rows of %s", entity).isEqualTo(1L);
            }
            assertThat(session.createSelectionQuery("from Account", account).getResultList()).hasSize(1);
            Object line = session.createSelectionQuery("from OrderLine", orderLine).getSingleResult();
            assertThat(get(line, "discountRate", Float.class)).isEqualTo(0.25f);
            if (hasField(orderLine, "sizeCode")) {
                assertThat(get(line, "sizeCode", Character.class)).isEqualTo('M');
            }
        });
    }

    // ---------------------------------------------------------------- Hibernate

    /** A session factory over {@code db}'s data source whose schema action is {@code action}. */
    private static SessionFactory hibernate(TestDatabase db, String naming, Compiled compiled, String action) {
        BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder()
                .applyClassLoader(compiled.loader()).build();
        StandardServiceRegistryBuilder settings = new StandardServiceRegistryBuilder(bootstrap)
                .applySetting("hibernate.connection.datasource", db.dataSource())
                .applySetting("hibernate.hbm2ddl.auto", action);
        if (db.kind().equals("mariadb")) {
            // Hibernate's default for an Instant there is datetime(6); Retort's instant is timestamp(6).
            settings.applySetting("hibernate.type.preferred_instant_jdbc_type", "TIMESTAMP_WITH_TIMEZONE");
        }
        StandardServiceRegistry registry = settings.build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            compiled.entities().forEach(sources::addAnnotatedClass);
            MetadataBuilder metadata = sources.getMetadataBuilder();
            if (naming.equals("spring")) {
                metadata.applyPhysicalNamingStrategy(new CamelCaseToUnderscoresNamingStrategy())
                        .applyImplicitNamingStrategy(new SpringImplicitNamingStrategy());
            }
            return metadata.build().buildSessionFactory();
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw e;
        }
    }

    /**
     * Spring Boot's {@code SpringImplicitNamingStrategy}: JPA's implicit names except a join
     * table, {@code <owner table>_<attribute>} where JPA says {@code <owner table>_<target table>}.
     */
    static final class SpringImplicitNamingStrategy extends ImplicitNamingStrategyJpaCompliantImpl {
        @Override
        public Identifier determineJoinTableName(ImplicitJoinTableNameSource source) {
            String name = source.getOwningPhysicalTableName() + "_"
                    + source.getAssociationOwningAttributePath().getProperty();
            return toIdentifier(name, source.getBuildingContext());
        }
    }

    // ---------------------------------------------------------------- entities

    /**
     * The entities as Hibernate and the model agree on them on {@code kind}: each change below
     * steers Hibernate away from a column type the portable model cannot name there.
     */
    static List<JavaFileObject> entities(String kind) throws Exception {
        List<JavaFileObject> sources = new ArrayList<>(ShopEntities.all());
        sources.addAll(InheritanceEntities.all());
        sources.addAll(UnidirectionalOneToManyTest.sources());
        sources.addAll(EntityMappingsTest.sources());
        sources.addAll(SequenceEntities.shop());
        sources.addAll(SequenceEntities.billing());
        Map<String, String> changes = new java.util.LinkedHashMap<>();
        // H2 and MariaDB: Hibernate declares a STRING enum as a native enum('NEW', ...) column.
        changes.put("@Enumerated(EnumType.STRING)",
                "@Enumerated(EnumType.STRING) @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.VARCHAR)");
        // An ordinal is tinyint (smallint on PostgreSQL); the model's nearest portable type is SMALLINT.
        changes.put("private Tier ", "@org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.SMALLINT) "
                + "private Tier ");
        // @Lob is a large object: oid on PostgreSQL, blob and clob on H2.
        changes.put("@Lob\n", "");
        if (kind.equals("mariadb")) {
            // Hibernate's LocalTime is time(0) and its OffsetDateTime datetime(6) there (its boolean,
            // bit(1), reads back as BOOLEAN).
            changes.put("private LocalTime deliveryWindow;\n", "");
            changes.put("private OffsetDateTime shippedAt;", "private Instant shippedAt;");
            // Hibernate declares a char varchar(1) there, whatever @JdbcTypeCode says: its MySQL dialects never
            // declare char, which they read back without trailing blanks. The model's is character(1), as
            // Hibernate's on H2 and PostgreSQL.
            changes.put("private Character sizeCode;\n", "");
        }
        List<JavaFileObject> out = new ArrayList<>();
        java.util.Set<String> applied = new java.util.HashSet<>();
        for (JavaFileObject source : sources) {
            String text = source.getCharContent(true).toString();
            for (Map.Entry<String, String> change : changes.entrySet()) {
                if (text.contains(change.getKey())) {
                    text = text.replace(change.getKey(), change.getValue());
                    applied.add(change.getKey());
                }
            }
            String name = source.getName().replaceAll("^/|\\.java$", "").replace('/', '.');
            out.add(com.google.testing.compile.JavaFileObjects.forSourceString(name, text));
        }
        assertThat(applied).as("changes made to the entities").containsExactlyInAnyOrderElementsOf(changes.keySet());
        return out;
    }

    private static synchronized Compiled compiled(String naming, String kind) throws Exception {
        String variant = naming + (kind.equals("mariadb") ? "-mariadb" : "");
        Compiled compiled = COMPILED.get(variant);
        if (compiled == null) {
            List<JavaFileObject> sources = entities(kind);
            Compilation c = JpaTestSupport.compileWithNaming(naming, sources);
            assertThat(c).succeededWithoutWarnings();
            Path dir = Files.createTempDirectory("retort-hibernate-" + variant);
            dir.toFile().deleteOnExit();
            URLClassLoader loader = CompiledClasses.load(c, dir);
            // One database holds both packages' tables, so the model is both GeneratedSchemas.
            Metadata.Builder both = Metadata.builder().unquotedNames();
            for (String pkg : List.of(ShopEntities.PKG, SequenceEntities.BILLING)) {
                Metadata one = (Metadata) loader.loadClass(pkg + ".GeneratedSchema").getField("METADATA").get(null);
                both.tables(one.tables());
                one.sequences().forEach(both::sequence);
            }
            Metadata model = both.build();
            List<Class<?>> entities = new ArrayList<>();
            for (JavaFileObject source : sources) {
                String name = source.getName().replaceAll("^/|\\.java$", "").replace('/', '.');
                if (name.endsWith("package-info")) {
                    continue;
                }
                Class<?> type = loader.loadClass(name);
                if (type.isAnnotationPresent(jakarta.persistence.Entity.class)) {
                    entities.add(type);
                }
            }
            compiled = new Compiled(loader, model, entities);
            COMPILED.put(variant, compiled);
        }
        return compiled;
    }

    /**
     * A new instance of {@code name} (a simple name in the shop package, or qualified) with its
     * fields set from {@code values}, pairs of name and value.
     */
    private static Object entity(ClassLoader loader, String name, Object... values)
            throws ReflectiveOperationException {
        Class<?> type = loader.loadClass(name.contains(".") ? name : ShopEntities.PKG + "." + name);
        var constructor = type.getDeclaredConstructor();
        constructor.setAccessible(true);
        Object out = constructor.newInstance();
        for (int i = 0; i < values.length; i += 2) {
            field(type, (String) values[i]).set(out, values[i + 1]);
        }
        return out;
    }

    private static Object constant(ClassLoader loader, String enumName, String constant)
            throws ReflectiveOperationException {
        return loader.loadClass(ShopEntities.PKG + "." + enumName).getField(constant).get(null);
    }

    private static <T> T get(Object entity, String name, Class<T> type) {
        try {
            // Hibernate may hand out a proxy subclass; the field lives on the entity class.
            Object target = entity instanceof org.hibernate.proxy.HibernateProxy proxy
                    ? proxy.getHibernateLazyInitializer().getImplementation() : entity;
            return type.cast(field(target.getClass(), name).get(target));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean hasField(Class<?> type, String name) {
        try {
            field(type, name);
            return true;
        } catch (NoSuchFieldException e) {
            return false;
        }
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Field field = c.getDeclaredField(name);
                field.setAccessible(true);
                return field;
            } catch (NoSuchFieldException e) {
                // declared higher up
            }
        }
        throw new NoSuchFieldException(type.getName() + "." + name);
    }
}
