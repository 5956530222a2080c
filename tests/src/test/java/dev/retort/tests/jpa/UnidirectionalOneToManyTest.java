package dev.retort.tests.jpa;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.retort.tests.jpa.JpaTestSupport.changesAfterCreatingOnH2;
import static dev.retort.tests.jpa.JpaTestSupport.compileWithNaming;
import static dev.retort.tests.jpa.JpaTestSupport.loadMetadata;
import static dev.retort.tests.jpa.JpaTestSupport.table;
import static dev.retort.tests.jpa.ShopEntities.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.ForeignKey;
import dev.retort.runtime.schema.Metadata;
import dev.retort.runtime.schema.PrimaryKey;
import dev.retort.runtime.schema.Table;
import dev.retort.runtime.schema.Type;
import dev.retort.runtime.schema.UniqueConstraint;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A {@code @OneToMany} without {@code mappedBy}, under both naming strategies: with
 * {@code @JoinColumn} its column goes into the target's table, otherwise into a join table
 * whose target columns are unique (a Set's are its primary key), as Hibernate 7 exports them.
 */
class UnidirectionalOneToManyTest {

    @TempDir
    Path classes;

    private static String name(String naming, String spring, String hibernate) {
        return naming.equals("spring") ? spring : hibernate;
    }

    static List<JavaFileObject> sources() {
        return List.of(
                source("Basket", """
                        @Entity
                        public class Basket {
                            @Id
                            private Long id;
                            @OneToMany
                            @JoinColumn
                            private List<Item> items;
                            @OneToMany
                            @JoinColumn(name = "basket", nullable = false)
                            private Set<Note> notes;
                            @OneToMany
                            @JoinColumn(name = "basket_id")
                            private List<Parcel> parcels;
                            @OneToMany
                            private Set<Coupon> coupons;
                            @OneToMany
                            @JoinTable(name = "basket_gift", joinColumns = @JoinColumn(name = "basket"),
                                    inverseJoinColumns = @JoinColumn(name = "gift"))
                            private List<Gift> gifts;
                            @OneToMany
                            private List<Voucher> vouchers;
                        }
                        """),
                source("Item", """
                        @Entity
                        public class Item { @Id private Long id; }
                        """),
                source("Note", """
                        @Entity
                        public class Note { @Id private Long id; }
                        """),
                source("Parcel", """
                        @Entity
                        public class Parcel {
                            @Id private Long id;
                            @ManyToOne
                            @JoinColumn(name = "basket_id")
                            private Basket basket;
                        }
                        """),
                source("Coupon", """
                        @Entity
                        public class Coupon { @Id @Column(length = 12) private String code; }
                        """),
                source("Gift", """
                        @Entity
                        public class Gift { @Id private Long id; }
                        """),
                source("VoucherKey", """
                        @Embeddable
                        public class VoucherKey {
                            @Column(length = 4) private String series;
                            private int number;
                        }
                        """),
                source("Voucher", """
                        @Entity
                        public class Voucher { @EmbeddedId private VoucherKey key; }
                        """));
    }

    @ParameterizedTest
    @ValueSource(strings = {"spring", "hibernate"})
    void joinColumnsGoIntoTheTargetTableAndJoinTablesAreUniqueOnTheTarget(String naming) throws Exception {
        Compilation c = compileWithNaming(naming, sources());
        assertThat(c).succeededWithoutWarnings();
        Metadata model = loadMetadata(c, ShopEntities.PKG, classes);
        String basket = name(naming, "basket", "Basket");

        // Hibernate's default join column: <attribute>_<owner key column>, nullable.
        Table items = table(model, name(naming, "item", "Item"));
        assertThat(items.column("items_id")).contains(Column.of("items_id", Type.BIGINT));
        assertThat(items.foreignKeys()).containsExactly(ForeignKey.of(List.of("items_id"), basket, List.of("id")));
        assertThat(table(model, name(naming, "note", "Note")).column("basket"))
                .contains(Column.of("basket", Type.BIGINT).notNull());
        // The @ManyToOne on the other side names the same column: one column, one foreign key.
        Table parcels = table(model, name(naming, "parcel", "Parcel"));
        assertThat(parcels.columns()).extracting(Column::name).containsExactly("id", "basket_id");
        assertThat(parcels.foreignKeys()).containsExactly(ForeignKey.of(List.of("basket_id"), basket, List.of("id")));

        Table coupons = table(model, name(naming, "basket_coupons", "Basket_Coupon"));
        String owner = name(naming, "basket_id", "Basket_id");
        // A Set is keyed by its target column alone (Hibernate 7), which makes it unique.
        assertThat(coupons.columns()).containsExactly(
                Column.of(owner, Type.BIGINT).notNull(),
                Column.of("coupons_code", Type.varchar(12)).notNull());
        assertThat(coupons.primaryKey()).contains(new PrimaryKey(Optional.empty(), List.of("coupons_code")));
        assertThat(coupons.foreignKeys()).containsExactlyInAnyOrder(
                ForeignKey.of(List.of(owner), basket, List.of("id")),
                ForeignKey.of(List.of("coupons_code"), name(naming, "coupon", "Coupon"), List.of("code")));

        Table gifts = table(model, "basket_gift");
        assertThat(gifts.columns()).containsExactly(
                Column.of("basket", Type.BIGINT).notNull(),
                Column.of("gift", Type.BIGINT).notNull().unique());
        assertThat(gifts.primaryKey()).isEmpty();

        Table vouchers = table(model, name(naming, "basket_vouchers", "Basket_Voucher"));
        // Hibernate orders the columns of an embedded key by attribute name.
        assertThat(vouchers.uniqueConstraints()).containsExactly(
                UniqueConstraint.of("vouchers_number", "vouchers_series"));
        assertThat(vouchers.foreignKeys()).contains(ForeignKey.of(List.of("vouchers_number", "vouchers_series"),
                name(naming, "voucher", "Voucher"), List.of("number", "series")));

        assertThat(changesAfterCreatingOnH2(model)).isEmpty();
    }
}
