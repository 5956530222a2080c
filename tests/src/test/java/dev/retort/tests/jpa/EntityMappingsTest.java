package dev.retort.tests.jpa;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.retort.tests.jpa.JpaTestSupport.compile;
import static dev.retort.tests.jpa.JpaTestSupport.generatedSource;
import static dev.retort.tests.jpa.ShopEntities.source;
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
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mappings beyond the shop set: an {@code @EmbeddedId} referenced by a two-column join,
 * {@code @OneToOne} (unique key), explicit {@code @JoinTable} and {@code @CollectionTable}
 * names and columns, an embeddable collection element, {@code @AttributeOverrides}, a named
 * or suppressed foreign key.
 */
class EntityMappingsTest {

    @TempDir
    Path classes;

    static List<JavaFileObject> sources() {
        return List.of(
                source("LineKey", """
                        @Embeddable
                        public class LineKey {
                            private Long orderNo;
                            private int lineNo;
                        }
                        """),
                source("Address", """
                        @Embeddable
                        public class Address {
                            @Column(length = 80) private String street;
                            @Column(length = 40) private String city;
                        }
                        """),
                source("Line", """
                        @Entity
                        public class Line {
                            @EmbeddedId private LineKey key;
                            private String sku;
                        }
                        """),
                source("Shipment", """
                        @Entity
                        public class Shipment {
                            @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Integer id;
                            @ManyToOne private Line line;
                            @OneToOne
                            @JoinColumn(name = "profile", foreignKey = @ForeignKey(name = "fk_shipment_profile"))
                            private Profile profile;
                            @ManyToOne
                            @JoinColumn(foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT))
                            private Profile auditor;
                            @Embedded
                            @AttributeOverrides({
                                    @AttributeOverride(name = "street", column = @Column(name = "to_street", length = 80)),
                                    @AttributeOverride(name = "city", column = @Column(name = "to_city", length = 40))})
                            private Address destination;
                            @ManyToMany
                            @JoinTable(name = "shipment_carrier",
                                    joinColumns = @JoinColumn(name = "shipment"),
                                    inverseJoinColumns = @JoinColumn(name = "carrier"))
                            private List<Profile> carriers;
                            @ElementCollection
                            @CollectionTable(name = "shipment_stop", joinColumns = @JoinColumn(name = "shipment"))
                            private List<Address> stops;
                        }
                        """),
                source("Profile", """
                        @Entity
                        public class Profile {
                            @Id private UUID id;
                            @OneToOne(mappedBy = "profile") private Shipment shipment;
                        }
                        """));
    }

    @Test
    void mappingsBecomeColumnsKeysAndTables() {
        Compilation c = compile(sources());

        assertThat(c).succeededWithoutWarnings();
        assertThat(generatedSource(c, ShopEntities.PKG + ".GeneratedSchema"))
                .contains("""
                        .table("line", t -> t
                                            .column(Column.of("line_no", Type.INTEGER).primaryKey())
                                            .column(Column.of("order_no", Type.BIGINT).primaryKey())
                                            .column(Column.of("sku", Type.varchar(255))))""")
                .contains(".column(Column.of(\"id\", Type.INTEGER).primaryKey().autoIncrement())")
                .contains(".column(Column.of(\"line_order_no\", Type.BIGINT))")
                .contains(".column(Column.of(\"line_line_no\", Type.INTEGER))")
                // Hibernate orders an embeddable's columns by attribute name, keys and references alike.
                .contains("ForeignKey.of(List.of(\"line_line_no\", \"line_order_no\"), \"line\", "
                        + "List.of(\"line_no\", \"order_no\"))")
                .contains(".column(Column.of(\"profile\", Type.UUID).unique())")
                .contains("ForeignKey.of(List.of(\"profile\"), \"profile\", List.of(\"id\")).named("
                        + "\"fk_shipment_profile\")")
                .contains(".column(Column.of(\"auditor_id\", Type.UUID))")
                .doesNotContain("List.of(\"auditor_id\")")
                .contains(".column(Column.of(\"to_street\", Type.varchar(80)))")
                .contains(".column(Column.of(\"to_city\", Type.varchar(40)))")
                .contains("""
                        .table("shipment_carrier", t -> t
                                            .column(Column.of("shipment", Type.INTEGER).notNull())
                                            .column(Column.of("carrier", Type.UUID).notNull())
                                            .foreignKey""")
                .contains("""
                        .table("shipment_stop", t -> t
                                            .column(Column.of("shipment", Type.INTEGER).notNull())
                                            .column(Column.of("city", Type.varchar(40)))
                                            .column(Column.of("street", Type.varchar(80)))
                                            .foreignKey(ForeignKey.of(List.of("shipment"), "shipment", List.of("id"))))""");
    }

    @Test
    void theyAreCreatedOnH2AndCompareClean() throws Exception {
        Compilation c = compile(sources());
        Metadata model = JpaTestSupport.loadMetadata(c, ShopEntities.PKG, classes);

        try (TestDatabase db = TestDatabases.h2(); Connection connection = db.dataSource().getConnection()) {
            Dialect dialect = Dialects.detect(connection);
            Comparison first = Comparison.compare(model, Introspection.read(connection, dialect),
                    CompareOptions.defaults());
            var op = new DefaultOperations(dialect, new JdbcSink(connection), connection);
            first.operations().forEach(op::run);

            assertThat(Comparison.compare(model, Introspection.read(connection, dialect), CompareOptions.defaults())
                    .changes()).isEmpty();
        }
    }
}
