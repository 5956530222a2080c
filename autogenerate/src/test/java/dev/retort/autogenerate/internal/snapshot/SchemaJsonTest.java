package dev.retort.autogenerate.internal.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.autogenerate.snapshot.SchemaSnapshots;
import dev.retort.runtime.schema.CheckConstraint;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.EnumType;
import dev.retort.runtime.schema.Expr;
import dev.retort.runtime.schema.ForeignKey;
import dev.retort.runtime.schema.Index;
import dev.retort.runtime.schema.Metadata;
import dev.retort.runtime.schema.PrimaryKey;
import dev.retort.runtime.schema.ReferentialAction;
import dev.retort.runtime.schema.Sequence;
import dev.retort.runtime.schema.Table;
import dev.retort.runtime.schema.Type;
import dev.retort.runtime.schema.UniqueConstraint;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A snapshot records every part of a schema model: written, read back equal, and a change in
 * any one part is a difference; a file written before a part was recorded still reads.
 */
class SchemaJsonTest {

    /** A schema with every part the model has, each away from its default. */
    private static Metadata everyPart() {
        return Metadata.builder()
                .unquotedNames()
                .enumType(EnumType.of("state", "open", "paid"))
                .table("account", t -> t
                        .column(Column.of("id", Type.BIGINT).autoIncrement(Column.AutoIncrement.ALWAYS))
                        .column(Column.of("email", Type.varchar(200)).notNull().unique().comment("login"))
                        .column(Column.of("state", Type.raw("state")).serverDefault(Expr.raw("'open'::state")))
                        .column(Column.of("total", Type.numeric(12, 2)).serverDefault(Expr.literal(0L)))
                        .column(Column.of("doubled", Type.numeric(14, 2)).computed("total * 2"))
                        .column(Column.of("tripled", Type.numeric(14, 2)).computed("total * 3", false))
                        .primaryKey(PrimaryKey.of("id").named("pk_account"))
                        .index(Index.builder("ix_account_lower_email").expression("lower(email)").columns("state")
                                .unique().where("state <> 'paid'").build())
                        .unique(UniqueConstraint.of("email", "state").named("uq_account_email_state"))
                        .check(CheckConstraint.of("total >= 0").named("ck_account_total"))
                        .comment("Customers"))
                .table(Table.builder("invoice").schema("billing")
                        .column(Column.of("id", Type.BIGINT).primaryKey().autoIncrement(Column.AutoIncrement.SERIAL))
                        .column(Column.of("account_id", Type.BIGINT).notNull())
                        .foreignKey(ForeignKey.of(List.of("account_id"), "account", List.of("id"))
                                .referentSchema("public").onDelete(ReferentialAction.CASCADE)
                                .named("fk_invoice_account"))
                        .build())
                .sequence(Sequence.of("account_seq"))
                .sequence(Sequence.of("invoice_number").startWith(1000).incrementBy(50).inSchema("billing"))
                .build();
    }

    @Test
    void everyPartIsWrittenAndReadBackEqual() {
        Map<String, Object> tree = SchemaJson.tree(everyPart(), Map.of("revision", "ae1027a6acf"));
        String text = SchemaJson.write(tree);

        assertThat(text).isEqualTo("""
                {
                  "revision": "ae1027a6acf",
                  "format": 2,
                  "tables": {
                    "account": {
                      "columns": {
                        "id": {"type": "Type.BIGINT", "nullable": false, "autoIncrement": true, "autoIncrementKind": "ALWAYS"},
                        "email": {"type": "Type.varchar(200)", "nullable": false, "unique": true, "comment": "login"},
                        "state": {"type": "Type.raw(\\"state\\")", "nullable": true, "default": "Expr.raw(\\"'open'::state\\")"},
                        "total": {"type": "Type.numeric(12, 2)", "nullable": true, "default": "Expr.literal(0L)"},
                        "doubled": {"type": "Type.numeric(14, 2)", "nullable": true, "computed": "total * 2"},
                        "tripled": {"type": "Type.numeric(14, 2)", "nullable": true, "computed": "total * 3", "stored": false}
                      },
                      "primaryKey": {"columns": ["id"], "name": "pk_account"},
                      "indexes": {
                        "ix_account_lower_email": {"columns": ["(lower(email))", "state"], "unique": true, "where": "state <> 'paid'"}
                      },
                      "uniqueConstraints": {
                        "uq_account_email_state": {"columns": ["email", "state"]}
                      },
                      "foreignKeys": {},
                      "checks": {
                        "ck_account_total": {"condition": "total >= 0"}
                      },
                      "comment": "Customers"
                    }
                  },
                  "sequences": {
                    "account_seq": {"start": 1, "increment": 1}
                  },
                  "enumTypes": {
                    "state": {"values": ["open", "paid"]}
                  },
                  "schemas": {
                    "billing": {
                      "tables": {
                        "invoice": {
                          "columns": {
                            "id": {"type": "Type.BIGINT", "nullable": false, "autoIncrement": true, "autoIncrementKind": "SERIAL"},
                            "account_id": {"type": "Type.BIGINT", "nullable": false}
                          },
                          "primaryKey": {"columns": ["id"]},
                          "indexes": {},
                          "uniqueConstraints": {},
                          "foreignKeys": {
                            "fk_invoice_account": {"columns": ["account_id"], "references": "account", "referencesSchema": "public", "referencedColumns": ["id"], "onDelete": "CASCADE"}
                          },
                          "checks": {}
                        }
                      },
                      "sequences": {
                        "invoice_number": {"start": 1000, "increment": 50}
                      }
                    }
                  },
                  "unquotedNames": true
                }
                """);
        assertThat(SchemaJson.parse(text)).isEqualTo(tree);
        assertThat(SchemaJson.write(SchemaJson.parse(text))).isEqualTo(text);
        assertThat(SchemaSnapshots.differences(everyPart(), everyPart(), "before", "after")).isEmpty();
    }

    static Stream<Arguments> oneChangeEach() {
        Metadata base = base(UnaryOperator.identity(), UnaryOperator.identity());
        return Stream.of(
                change("kind of auto-increment", base, base(t -> t, id -> id.autoIncrement(Column.AutoIncrement.ALWAYS)),
                        "column account.id: {\"type\": \"Type.BIGINT\", \"nullable\": false, \"autoIncrement\": true}"
                                + " before, {\"type\": \"Type.BIGINT\", \"nullable\": false, \"autoIncrement\": true,"
                                + " \"autoIncrementKind\": \"ALWAYS\"} after"),
                change("serial", base, base(t -> t, id -> id.autoIncrement(Column.AutoIncrement.SERIAL)),
                        "column account.id: {\"type\": \"Type.BIGINT\", \"nullable\": false, \"autoIncrement\": true}"
                                + " before, {\"type\": \"Type.BIGINT\", \"nullable\": false, \"autoIncrement\": true,"
                                + " \"autoIncrementKind\": \"SERIAL\"} after"),
                change("computed column", base(t -> t.column(Column.of("doubled", Type.BIGINT)), id -> id),
                        base(t -> t.column(Column.of("doubled", Type.BIGINT).computed("total * 2")), id -> id),
                        "column account.doubled: {\"type\": \"Type.BIGINT\", \"nullable\": true} before,"
                                + " {\"type\": \"Type.BIGINT\", \"nullable\": true, \"computed\": \"total * 2\"} after"),
                change("computed expression",
                        base(t -> t.column(Column.of("doubled", Type.BIGINT).computed("total * 2")), id -> id),
                        base(t -> t.column(Column.of("doubled", Type.BIGINT).computed("total + total")), id -> id),
                        "column account.doubled: {\"type\": \"Type.BIGINT\", \"nullable\": true, \"computed\": \"total * 2\"}"
                                + " before, {\"type\": \"Type.BIGINT\", \"nullable\": true, \"computed\": \"total + total\"}"
                                + " after"),
                change("virtual computed column",
                        base(t -> t.column(Column.of("doubled", Type.BIGINT).computed("total * 2")), id -> id),
                        base(t -> t.column(Column.of("doubled", Type.BIGINT).computed("total * 2", false)), id -> id),
                        "column account.doubled: {\"type\": \"Type.BIGINT\", \"nullable\": true, \"computed\": \"total * 2\"}"
                                + " before, {\"type\": \"Type.BIGINT\", \"nullable\": true, \"computed\": \"total * 2\","
                                + " \"stored\": false} after"),
                change("primary-key name", base, Metadata.builder().table("account", t -> t
                                .column(Column.of("id", Type.BIGINT).notNull().autoIncrement())
                                .column(Column.of("total", Type.numeric(12, 2)))
                                .primaryKey(PrimaryKey.of("id").named("pk_account")))
                                .sequence(Sequence.of("account_seq")).build(),
                        "primary key of account: {\"columns\": [\"id\"]} before,"
                                + " {\"columns\": [\"id\"], \"name\": \"pk_account\"} after"),
                change("table schema", base, Metadata.builder().table(base.table("account").orElseThrow()
                                .withSchema(java.util.Optional.of("billing")))
                                .sequence(Sequence.of("account_seq")).build(),
                        "table account: present before, absent after (columns " + columnsOf(base) + ")",
                        "table billing.account: absent before, present after (columns " + columnsOf(base) + ")"),
                change("sequence schema", base, Metadata.builder().table(base.table("account").orElseThrow())
                                .sequence(Sequence.of("account_seq").inSchema("billing")).build(),
                        "sequence account_seq: {\"start\": 1, \"increment\": 1} before, absent after",
                        "sequence billing.account_seq: absent before, {\"start\": 1, \"increment\": 1} after"),
                change("column of a table in another schema",
                        Metadata.builder().table(Table.builder("invoice").schema("billing")
                                .column(Column.of("total", Type.numeric(12, 2))).build()).build(),
                        Metadata.builder().table(Table.builder("invoice").schema("billing")
                                .column(Column.of("total", Type.numeric(14, 2))).build()).build(),
                        "column billing.invoice.total: {\"type\": \"Type.numeric(12, 2)\", \"nullable\": true} before,"
                                + " {\"type\": \"Type.numeric(14, 2)\", \"nullable\": true} after"),
                change("enum type", base, withEnum(base, EnumType.of("state", "open", "paid")),
                        "enum type state: absent before, {\"values\": [\"open\", \"paid\"]} after"),
                change("enum value", withEnum(base, EnumType.of("state", "open", "paid")),
                        withEnum(base, EnumType.of("state", "open", "void", "paid")),
                        "enum type state: {\"values\": [\"open\", \"paid\"]} before,"
                                + " {\"values\": [\"open\", \"void\", \"paid\"]} after"),
                change("unquoted names", base, Metadata.builder().unquotedNames()
                                .table(base.table("account").orElseThrow()).sequence(Sequence.of("account_seq")).build(),
                        "unquoted names: absent before, true after"),
                change("foreign key's referent schema",
                        base(t -> t.foreignKey(ForeignKey.of(List.of("id"), "ledger", List.of("id")).named("fk")),
                                id -> id),
                        base(t -> t.foreignKey(ForeignKey.of(List.of("id"), "ledger", List.of("id")).named("fk")
                                .referentSchema("billing")), id -> id),
                        "foreign key account.fk: {\"columns\": [\"id\"], \"references\": \"ledger\","
                                + " \"referencedColumns\": [\"id\"]} before, {\"columns\": [\"id\"], \"references\":"
                                + " \"ledger\", \"referencesSchema\": \"billing\", \"referencedColumns\": [\"id\"]} after"),
                change("check constraint", base, base(t -> t.check(CheckConstraint.of("total >= 0").named("ck")), id -> id),
                        "check constraint account.ck: absent before, {\"condition\": \"total >= 0\"} after"),
                change("partial index", base(t -> t.index("ix", "total"), id -> id),
                        base(t -> t.index(Index.of("ix", "total").where("total > 0")), id -> id),
                        "index account.ix: {\"columns\": [\"total\"], \"unique\": false} before,"
                                + " {\"columns\": [\"total\"], \"unique\": false, \"where\": \"total > 0\"} after"),
                change("expression index", base(t -> t.index("ix", "total"), id -> id),
                        base(t -> t.index("ix", ix -> ix.expression("abs(total)")), id -> id),
                        "index account.ix: {\"columns\": [\"total\"], \"unique\": false} before,"
                                + " {\"columns\": [\"(abs(total))\"], \"unique\": false} after"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneChangeEach")
    void aChangeInOnePartIsADifference(String part, Metadata before, Metadata after, List<String> expected) {
        assertThat(SchemaSnapshots.differences(before, after, "before", "after")).containsExactlyElementsOf(expected);
    }

    /** A snapshot written before the format entry: the test kit's fixture as it was committed. */
    private static final String FORMAT_ONE = """
            {
              "revision": "b2000000002b",
              "database": "h2",
              "tables": {
                "account": {
                  "columns": {
                    "id": {"type": "Type.BIGINT", "nullable": false, "autoIncrement": true},
                    "doubled": {"type": "Type.BIGINT", "nullable": true}
                  },
                  "primaryKey": {"columns": ["id"]},
                  "indexes": {},
                  "uniqueConstraints": {},
                  "foreignKeys": {},
                  "checks": {}
                }
              },
              "sequences": {}
            }
            """;

    @Test
    void aFileOfTheFirstFormatReadsWithWhatItLacksAtItsDefault() {
        Map<String, Object> file = SchemaJson.parse(FORMAT_ONE);
        Metadata same = Metadata.builder().table("account", t -> t
                .column(Column.of("id", Type.BIGINT).primaryKey().autoIncrement())
                .column(Column.of("doubled", Type.BIGINT))).build();

        assertThat(SchemaJson.format(file)).isEqualTo(1);
        assertThat(SchemaDiff.diff(file, SchemaJson.tree(same, Map.of()), "in the snapshot", "now")).isEmpty();
    }

    @Test
    void aFileOfTheFirstFormatIsComparedOnWhatItRecords() {
        Map<String, Object> file = SchemaJson.parse(FORMAT_ONE);
        // What format 1 did not record: a named key (H2 and PostgreSQL name every one), the
        // kind of auto-increment, a computed column, an enum type.
        Metadata richer = Metadata.builder().enumType(EnumType.of("state", "open")).table("account", t -> t
                .column(Column.of("id", Type.BIGINT).autoIncrement(Column.AutoIncrement.ALWAYS))
                .column(Column.of("doubled", Type.BIGINT).computed("id * 2"))
                .primaryKey(PrimaryKey.of("id").named("CONSTRAINT_E"))).build();
        Metadata edited = Metadata.builder().table("account", t -> t
                .column(Column.of("id", Type.BIGINT).primaryKey().autoIncrement())
                .column(Column.of("doubled", Type.INTEGER))).build();

        assertThat(SchemaDiff.diff(file, SchemaJson.inFormat(SchemaJson.tree(richer, Map.of()), 1), "in the snapshot",
                "now")).isEmpty();
        assertThat(SchemaDiff.diff(file, SchemaJson.tree(richer, Map.of()), "in the snapshot", "now"))
                .as("read as format 2, the parts format 1 lacked would be reported").hasSize(4);
        assertThat(SchemaDiff.diff(file, SchemaJson.inFormat(SchemaJson.tree(edited, Map.of()), 1), "in the snapshot",
                "now")).containsExactly("column account.doubled: {\"type\": \"Type.BIGINT\", \"nullable\": true} in the"
                + " snapshot, {\"type\": \"Type.INTEGER\", \"nullable\": true} now");
    }

    /**
     * Each part of the model a snapshot records, by the accessor that reads it: a new part of
     * the model fails here until the snapshot records it (or says here why it need not).
     */
    @Test
    void everyPartOfTheModelIsRecorded() {
        Map<Class<?>, Set<String>> recorded = new LinkedHashMap<>();
        // isEmpty: derived; table(s) and sequence(s) by name are look-ups
        recorded.put(Metadata.class, Set.of("tables", "sequences", "enumTypes", "hasUnquotedNames", "isEmpty"));
        recorded.put(Table.class, Set.of("name", "schema", "columns", "primaryKey", "indexes", "uniqueConstraints",
                "foreignKeys", "checkConstraints", "comment"));
        // isPrimaryKey: recorded as the table's primary key
        recorded.put(Column.class, Set.of("name", "type", "isNullable", "isPrimaryKey", "isAutoIncrement",
                "autoIncrementKind", "isUnique", "serverDefault", "comment", "computed"));
        recorded.put(Column.Computed.class, Set.of("expression", "stored"));
        // columns and hasExpressions: derived from the elements
        recorded.put(Index.class, Set.of("name", "elements", "unique", "where", "columns", "hasExpressions"));
        recorded.put(Index.Element.class, Set.of("sql", "expression"));
        recorded.put(PrimaryKey.class, Set.of("name", "columns"));
        recorded.put(UniqueConstraint.class, Set.of("name", "columns"));
        recorded.put(ForeignKey.class, Set.of("name", "columns", "referentTable", "referentColumns", "onDelete",
                "onUpdate", "referentSchema"));
        recorded.put(CheckConstraint.class, Set.of("name", "condition"));
        recorded.put(Sequence.class, Set.of("name", "start", "increment", "schema"));
        recorded.put(EnumType.class, Set.of("name", "values"));
        // isInteger: derived from the kind
        recorded.put(Type.class, Set.of("kind", "length", "precision", "scale", "rawSql", "isInteger"));

        recorded.forEach((type, parts) -> assertThat(accessors(type)).as(type.getSimpleName()
                + ": a part a snapshot does not record yet; record it in SchemaJson, then list it here")
                .containsExactlyInAnyOrderElementsOf(parts));
    }

    /** Public methods without parameters that read a part: not Object's, not a copy ({@code notNull()}), not a conversion. */
    private static Set<String> accessors(Class<?> type) {
        return Arrays.stream(type.getMethods())
                .filter(m -> m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers()))
                .filter(m -> m.getDeclaringClass() == type && m.getReturnType() != type)
                .filter(m -> !Set.of("hashCode", "toString").contains(m.getName()) && !m.getName().startsWith("to"))
                .map(Method::getName).collect(Collectors.toSet());
    }

    private static Metadata base(UnaryOperator<Table.Builder> table, UnaryOperator<Column> id) {
        Table.Builder builder = Table.builder("account")
                .column(id.apply(Column.of("id", Type.BIGINT).primaryKey().autoIncrement()))
                .column(Column.of("total", Type.numeric(12, 2)));
        return Metadata.builder().table(table.apply(builder).build()).sequence(Sequence.of("account_seq")).build();
    }

    private static Metadata withEnum(Metadata schema, EnumType type) {
        return Metadata.builder().tables(schema.tables()).sequence(Sequence.of("account_seq")).enumType(type).build();
    }

    private static String columnsOf(Metadata schema) {
        return SchemaJson.tree(schema, Map.of()).get("tables") instanceof Map<?, ?> tables
                && tables.get("account") instanceof Map<?, ?> account ? account.get("columns").toString() : "";
    }

    private static Arguments change(String part, Metadata before, Metadata after, String... lines) {
        return Arguments.of(part, before, after, List.of(lines));
    }
}
