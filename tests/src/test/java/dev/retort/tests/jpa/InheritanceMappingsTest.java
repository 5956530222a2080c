package dev.retort.tests.jpa;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.retort.tests.jpa.JpaTestSupport.changesAfterCreatingOnH2;
import static dev.retort.tests.jpa.JpaTestSupport.compile;
import static dev.retort.tests.jpa.JpaTestSupport.compileWithNaming;
import static dev.retort.tests.jpa.JpaTestSupport.loadMetadata;
import static dev.retort.tests.jpa.JpaTestSupport.table;
import static dev.retort.tests.jpa.ShopEntities.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.ForeignKey;
import dev.retort.runtime.schema.Metadata;
import dev.retort.runtime.schema.Table;
import dev.retort.runtime.schema.Type;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Entity inheritance under each strategy and both naming strategies, read from the loaded
 * {@code GeneratedSchema.METADATA}: the tables Hibernate 6's schema export creates, their key
 * and discriminator columns, the nullability of subclass columns, and where references point.
 */
class InheritanceMappingsTest {

    @TempDir
    Path classes;

    /** {@code spring} when the naming is Spring Boot's, else {@code hibernate}. */
    private static String name(String naming, String spring, String hibernate) {
        return naming.equals("spring") ? spring : hibernate;
    }

    // ---------------------------------------------------------------- SINGLE_TABLE

    private static List<JavaFileObject> documents() {
        return List.of(
                source("Document", """
                        @Entity
                        public abstract class Document {
                            @Id
                            @GeneratedValue(strategy = GenerationType.IDENTITY)
                            private Long id;
                            @Column(length = 200)
                            private String title;
                        }
                        """),
                source("Invoice", """
                        @Entity
                        public class Invoice extends Document {
                            private int copies;
                            @Column(nullable = false, length = 20)
                            private String number;
                            @ManyToOne(optional = false)
                            private Customer customer;
                            @Column(length = 20)
                            private String reference;
                        }
                        """),
                source("CreditNote", """
                        @Entity
                        public class CreditNote extends Invoice {
                            private BigDecimal credited;
                        }
                        """),
                source("Letter", """
                        @Entity
                        public class Letter extends Document {
                            @Column(length = 20)
                            private String reference;
                        }
                        """),
                source("Customer", """
                        @Entity
                        public class Customer {
                            @Id
                            private Long id;
                        }
                        """),
                source("Archive", """
                        @Entity
                        public class Archive {
                            @Id
                            private Long id;
                            @ManyToOne
                            private CreditNote latest;
                            @ManyToMany
                            private Set<Letter> letters;
                        }
                        """));
    }

    @ParameterizedTest
    @ValueSource(strings = {"spring", "hibernate"})
    void singleTableIsOneTableWithADiscriminatorAndNullableSubclassColumns(String naming) throws Exception {
        Compilation c = compileWithNaming(naming, documents());
        assertThat(c).succeededWithoutWarnings();
        Metadata model = loadMetadata(c, ShopEntities.PKG, classes);

        String document = name(naming, "document", "Document");
        assertThat(model.tables()).extracting(Table::name).containsExactlyInAnyOrder(document,
                name(naming, "customer", "Customer"), name(naming, "archive", "Archive"),
                name(naming, "archive_letters", "Archive_Document"));
        Table documents = table(model, document);
        assertThat(documents.columns()).containsExactly(
                Column.of("id", Type.BIGINT).primaryKey().autoIncrement(),
                Column.of("title", Type.varchar(200)),
                Column.of(name(naming, "dtype", "DTYPE"), Type.varchar(31)).notNull(),
                // A subclass's primitive is nullable in the shared table; what the mapping states stays NOT NULL.
                Column.of("copies", Type.INTEGER),
                Column.of("number", Type.varchar(20)).notNull(),
                Column.of("customer_id", Type.BIGINT).notNull(),
                // Invoice and Letter, separate branches, share their one reference column.
                Column.of("reference", Type.varchar(20)),
                Column.of("credited", Type.numeric(38, 2)));
        assertThat(documents.foreignKeys()).containsExactly(
                ForeignKey.of(List.of("customer_id"), name(naming, "customer", "Customer"), List.of("id")));
        // References to a subclass point at the root's table, which holds its key.
        assertThat(table(model, name(naming, "archive", "Archive")).foreignKeys()).containsExactly(
                ForeignKey.of(List.of("latest_id"), document, List.of("id")));
        assertThat(table(model, name(naming, "archive_letters", "Archive_Document")).foreignKeys())
                .contains(ForeignKey.of(List.of("letters_id"), document, List.of("id")));
    }

    @Test
    void singleTableIsCreatedOnH2AndComparesClean() throws Exception {
        // Spring naming: H2 reads Hibernate's all-upper-case DTYPE back as dtype.
        Metadata model = loadMetadata(compileWithNaming("spring", documents()), ShopEntities.PKG, classes);

        assertThat(changesAfterCreatingOnH2(model)).isEmpty();
    }

    @Test
    void theDiscriminatorFollowsDiscriminatorColumnAndOnlyHierarchiesGetOneByDefault() throws Exception {
        Compilation c = compile(List.of(
                source("Shape", """
                        @Entity
                        @DiscriminatorColumn(name = "kind", discriminatorType = DiscriminatorType.INTEGER)
                        public class Shape { @Id private Long id; }
                        """),
                source("Circle", """
                        @Entity
                        public class Circle extends Shape { private double radius; }
                        """),
                source("Fruit", """
                        @Entity
                        @DiscriminatorColumn(discriminatorType = DiscriminatorType.CHAR)
                        public class Fruit { @Id private Long id; }
                        """),
                source("Apple", """
                        @Entity
                        public class Apple extends Fruit { }
                        """),
                source("Tool", """
                        @Entity
                        @Inheritance(strategy = InheritanceType.SINGLE_TABLE)
                        @DiscriminatorColumn(name = "tool_type", length = 10)
                        public class Tool { @Id private Long id; }
                        """),
                source("Note", """
                        @Entity
                        @DiscriminatorColumn(name = "note_type")
                        public class Note { @Id private Long id; }
                        """),
                source("Memo", """
                        @Entity
                        @Inheritance(strategy = InheritanceType.SINGLE_TABLE)
                        public class Memo { @Id private Long id; }
                        """),
                source("Account", """
                        @Entity
                        @Inheritance(strategy = InheritanceType.JOINED)
                        @DiscriminatorColumn(name = "account_type", columnDefinition = "char(3)")
                        public class Account { @Id private Long id; }
                        """),
                source("Savings", """
                        @Entity
                        public class Savings extends Account { }
                        """)));
        assertThat(c).succeededWithoutWarnings();
        Metadata model = loadMetadata(c, ShopEntities.PKG, classes);

        assertThat(table(model, "shape").column("kind")).contains(Column.of("kind", Type.INTEGER).notNull());
        // Hibernate's CHAR is char(1); varchar(1) is the portable type Character attributes get too.
        assertThat(table(model, "fruit").column("dtype")).contains(Column.of("dtype", Type.varchar(1)).notNull());
        // A declared discriminator is created even before the root has subclasses.
        assertThat(table(model, "tool").column("tool_type"))
                .contains(Column.of("tool_type", Type.varchar(10)).notNull());
        assertThat(table(model, "note").column("note_type"))
                .contains(Column.of("note_type", Type.varchar(31)).notNull());
        assertThat(table(model, "memo").columns()).extracting(Column::name).containsExactly("id");
        assertThat(table(model, "account").column("account_type"))
                .contains(Column.of("account_type", Type.raw("char(3)")).notNull());
        assertThat(table(model, "savings").columns()).extracting(Column::name).containsExactly("id");
    }

    // ---------------------------------------------------------------- JOINED

    @ParameterizedTest
    @ValueSource(strings = {"spring", "hibernate"})
    void joinedGivesEachEntityATableKeyedToItsParent(String naming) throws Exception {
        Compilation c = compileWithNaming(naming, InheritanceEntities.joined());
        assertThat(c).succeededWithoutWarnings();
        Metadata model = loadMetadata(c, ShopEntities.PKG, classes);

        String vehicle = name(naming, "vehicle", "Vehicle");
        String car = name(naming, "car", "Car");
        String electricCar = name(naming, "electric_car", "ElectricCar");
        String truck = name(naming, "truck", "Truck");
        String garage = name(naming, "garage", "Garage");
        assertThat(model.tables()).extracting(Table::name)
                .containsExactlyInAnyOrder(vehicle, car, electricCar, truck, garage);
        // Hibernate 6 adds no discriminator to a JOINED root unless @DiscriminatorColumn asks for one.
        assertThat(table(model, vehicle).columns()).containsExactly(
                Column.of("id", Type.BIGINT).primaryKey().autoIncrement(),
                Column.of("plate", Type.varchar(20)).notNull());
        assertThat(table(model, car).columns()).containsExactly(
                Column.of("id", Type.BIGINT).primaryKey(),
                Column.of("seats", Type.INTEGER).notNull());
        assertThat(table(model, car).foreignKeys()).containsExactly(
                ForeignKey.of(List.of("id"), vehicle, List.of("id")));
        assertThat(table(model, electricCar).columns()).containsExactly(
                Column.of("id", Type.BIGINT).primaryKey(),
                Column.of(name(naming, "range_km", "rangeKm"), Type.INTEGER));
        assertThat(table(model, electricCar).foreignKeys()).containsExactly(
                ForeignKey.of(List.of("id"), car, List.of("id")));
        assertThat(table(model, truck).columns()).containsExactly(
                Column.of("vehicle_id", Type.BIGINT).primaryKey(),
                Column.of("payload", Type.numeric(8, 1)),
                Column.of("trucks_id", Type.BIGINT));
        assertThat(table(model, truck).foreignKeys()).containsExactlyInAnyOrder(
                ForeignKey.of(List.of("vehicle_id"), vehicle, List.of("id")),
                ForeignKey.of(List.of("trucks_id"), garage, List.of("id")));
        // A reference to a JOINED subclass points at its own table.
        assertThat(table(model, garage).foreignKeys()).containsExactly(
                ForeignKey.of(List.of("favourite_id"), car, List.of("id")));
    }

    // ---------------------------------------------------------------- TABLE_PER_CLASS

    @ParameterizedTest
    @ValueSource(strings = {"spring", "hibernate"})
    void tablePerClassGivesEachConcreteEntityEveryInheritedColumn(String naming) throws Exception {
        Compilation c = compileWithNaming(naming, InheritanceEntities.tablePerClass());
        assertThat(c).succeededWithoutWarnings();
        Metadata model = loadMetadata(c, ShopEntities.PKG, classes);

        String dog = name(naming, "dog", "Dog");
        String cat = name(naming, "cat", "Cat");
        String keeper = name(naming, "keeper", "Keeper");
        // The abstract root has no table.
        assertThat(model.tables()).extracting(Table::name)
                .containsExactlyInAnyOrder(dog, cat, keeper, name(naming, "vet", "Vet"));
        assertThat(table(model, dog).columns()).containsExactly(
                Column.of("id", Type.BIGINT).primaryKey(),
                Column.of("name", Type.varchar(40)).notNull(),
                Column.of("breed", Type.varchar(255)),
                Column.of("keeper_id", Type.BIGINT));
        assertThat(table(model, cat).columns()).containsExactly(
                Column.of("id", Type.BIGINT).primaryKey(),
                Column.of("name", Type.varchar(40)).notNull(),
                Column.of("lives", Type.INTEGER).notNull(),
                Column.of("keeper_id", Type.BIGINT));
        // The keeper's join column to the root reaches every concrete table, each with its key.
        assertThat(table(model, dog).foreignKeys()).containsExactly(
                ForeignKey.of(List.of("keeper_id"), keeper, List.of("id")));
        assertThat(table(model, cat).foreignKeys()).containsExactly(
                ForeignKey.of(List.of("keeper_id"), keeper, List.of("id")));
        assertThat(table(model, name(naming, "vet", "Vet")).foreignKeys()).containsExactly(
                ForeignKey.of(List.of("patient_id"), dog, List.of("id")));
    }

    @Test
    void aConcreteTablePerClassRootHasItsOwnTable() throws Exception {
        Compilation c = compile(List.of(
                source("Animal", """
                        @Entity
                        @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
                        public class Animal {
                            @Id private Long id;
                            private String name;
                        }
                        """),
                source("Dog", """
                        @Entity
                        public class Dog extends Animal {
                            private String breed;
                        }
                        """)));
        assertThat(c).succeededWithoutWarnings();
        Metadata model = loadMetadata(c, ShopEntities.PKG, classes);

        assertThat(table(model, "animal").columns()).extracting(Column::name).containsExactly("id", "name");
        assertThat(table(model, "dog").columns()).extracting(Column::name).containsExactly("id", "name", "breed");
        assertThat(changesAfterCreatingOnH2(model)).isEmpty();
    }
}
