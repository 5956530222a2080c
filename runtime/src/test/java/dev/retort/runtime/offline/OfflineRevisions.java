package dev.retort.runtime.offline;

import dev.retort.graph.RevisionNode;
import dev.retort.runtime.Migration;
import dev.retort.runtime.MigrationRegistry;
import dev.retort.runtime.Operations;
import dev.retort.runtime.RevisionDefinition;
import dev.retort.runtime.operation.TableDefinition;
import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Expr;
import dev.retort.runtime.schema.ReferentialAction;
import dev.retort.runtime.schema.TableConstraint;
import dev.retort.runtime.schema.Type;
import java.util.List;
import java.util.Optional;

/** Registries for offline tests, built from lambdas over the real {@link Operations}. */
final class OfflineRevisions {

    /** The body of an upgrade or downgrade. */
    interface Body {
        void run(Operations op) throws Exception;
    }

    static final String ACCOUNT = "1975ea83b712";
    static final String ORDERS = "2b1ae634e5cd";
    static final String BILLING = "3512b954651e";
    static final String AUDIT = "4c6f3c2a9d10";
    static final String MERGE = "5d7e1f0b2c3a";

    private OfflineRevisions() {
    }

    static RevisionDefinition revision(String id, List<String> down, List<String> labels, String message,
                                       Body upgrade, Body downgrade) {
        Migration migration = new Migration() {
            @Override
            public void upgrade(Operations op) throws Exception {
                upgrade.run(op);
            }

            @Override
            public void downgrade(Operations op) throws Exception {
                downgrade.run(op);
            }
        };
        return new RevisionDefinition(new RevisionNode(id, down, labels, List.of(), message),
                "com.example.shop.M_" + id, () -> migration);
    }

    static MigrationRegistry registry(RevisionDefinition... revisions) {
        return MigrationRegistry.of("com.example.shop", List.of(revisions));
    }

    /** Two revisions in a chain: small enough to pin the script's exact text. */
    static MigrationRegistry small() {
        return registry(
                revision(ACCOUNT, List.of(), List.of(), "create account",
                        op -> op.createTable("account",
                                Column.of("id", Type.BIGINT).primaryKey(),
                                Column.of("name", Type.varchar(50)).notNull()),
                        op -> op.dropTable("account")),
                revision(ORDERS, List.of(ACCOUNT), List.of(), "add email",
                        op -> op.addColumn("account", Column.of("email", Type.varchar(200))),
                        op -> op.dropColumn("account", "email")));
    }

    /** {@code account} as the first revision creates it: batch mode's {@code copyFrom} for SQLite offline. */
    static final TableDefinition ACCOUNT_TABLE = TableDefinition.of(
            Column.of("id", Type.BIGINT).primaryKey().autoIncrement(),
            Column.of("name", Type.varchar(50)).notNull(),
            Column.of("email", Type.varchar(200)),
            Column.of("active", Type.BOOLEAN).notNull().serverDefault(Expr.literal(true)),
            Column.of("balance", Type.numeric(12, 2)).notNull().serverDefault(Expr.literal(0)),
            Column.of("created_at", Type.TIMESTAMP).serverDefault(Expr.currentTimestamp()),
            Column.of("note", Type.TEXT));

    /** {@code account} after the billing branch's downgrade drops its additions: name still widened. */
    static final TableDefinition WIDE_ACCOUNT_TABLE = TableDefinition.of(
            Column.of("id", Type.BIGINT).primaryKey().autoIncrement(),
            Column.of("name", Type.varchar(100)).notNull(),
            Column.of("email", Type.varchar(200)),
            Column.of("active", Type.BOOLEAN).notNull().serverDefault(Expr.literal(true)),
            Column.of("balance", Type.numeric(12, 2)).notNull().serverDefault(Expr.literal(0)),
            Column.of("created_at", Type.TIMESTAMP).serverDefault(Expr.currentTimestamp()),
            Column.of("note", Type.TEXT));

    private static TableDefinition orders(Column total, boolean placed) {
        var columns = new java.util.ArrayList<>(List.of(
                Column.of("id", Type.BIGINT).primaryKey().autoIncrement(),
                Column.of("account_id", Type.BIGINT).notNull(),
                Column.of("code", Type.varchar(20)).notNull().unique(),
                total));
        if (placed) {
            columns.add(Column.of("placed", Type.DATE));
        }
        columns.add(Column.of("ref", Type.UUID));
        return TableDefinition.of(columns)
                .withForeignKey(new TableDefinition.ForeignKey(Optional.of("fk_orders_account"), List.of("account_id"),
                        "account", List.of("id"), Optional.of(ReferentialAction.CASCADE), Optional.empty()))
                .withIndex(new TableDefinition.Index("ix_orders_account", List.of("account_id", "code"), false));
    }

    /**
     * A shop's schema as a project grows it: tables with several types, defaults and
     * identity, a foreign key and indexes, then two labelled branches (one widens and
     * extends {@code account}, one adds and renames an audit table) merged by a fifth
     * revision that alters and drops columns and runs a raw statement. Every downgrade
     * undoes its upgrade.
     *
     * <p>Written to run on all four dialects: column changes carry their {@code existing…}
     * hints (MariaDB), and the changes SQLite cannot make in place (a column's type,
     * nullability or default; a constraint on an existing table) are batches with the
     * table's prior definition as {@code copyFrom}, which run in place elsewhere.
     */
    static MigrationRegistry shop() {
        return registry(
                revision(ACCOUNT, List.of(), List.of(), "create account",
                        op -> op.createTable("account", ACCOUNT_TABLE.columns()),
                        op -> op.dropTable("account")),
                revision(ORDERS, List.of(ACCOUNT), List.of(), "add orders",
                        op -> {
                            op.createTable("orders", List.of(
                                    Column.of("id", Type.BIGINT).primaryKey().autoIncrement(),
                                    Column.of("account_id", Type.BIGINT).notNull(),
                                    Column.of("code", Type.varchar(20)).notNull().unique(),
                                    Column.of("total", Type.numeric(10, 2)),
                                    Column.of("placed", Type.DATE),
                                    Column.of("ref", Type.UUID)),
                                    t -> t.constraint(TableConstraint.foreignKey(List.of("account_id"), "account",
                                            List.of("id")).named("fk_orders_account").onDelete(ReferentialAction.CASCADE)));
                            op.createIndex("ix_orders_account", "orders", "account_id", "code");
                        },
                        // The table takes its index along: MariaDB refuses to drop an index its foreign key uses.
                        op -> op.dropTable("orders")),
                revision(BILLING, List.of(ORDERS), List.of("billing"), "widen account name",
                        op -> {
                            op.batchAlterTable("account", b -> b.copyFrom(ACCOUNT_TABLE)
                                    .alterColumn("name", c -> c.type(Type.varchar(100)).existingType(Type.varchar(50))
                                            .existingNullable(false).existingNoServerDefault()));
                            op.addColumn("account", Column.of("credit_limit", Type.numeric(12, 2))
                                    .serverDefault(Expr.literal(0)));
                            op.createUniqueIndex("ux_account_email", "account", "email");
                        },
                        op -> {
                            op.dropIndex("ux_account_email", "account");
                            op.dropColumn("account", "credit_limit");
                            op.batchAlterTable("account", b -> b.copyFrom(WIDE_ACCOUNT_TABLE)
                                    .alterColumn("name", c -> c.type(Type.varchar(50)).existingType(Type.varchar(100))
                                            .existingNullable(false).existingNoServerDefault()));
                        }),
                revision(AUDIT, List.of(ORDERS), List.of("audit"), "add audit log",
                        op -> {
                            op.createTable("audit_log",
                                    Column.of("id", Type.INTEGER).primaryKey(),
                                    Column.of("message", Type.varchar(200)).notNull(),
                                    Column.of("at", Type.TIMESTAMP_TZ));
                            op.renameTable("audit_log", "audit_entry");
                            op.batchAlterTable("audit_entry", b -> b.copyFrom(TableDefinition.of(
                                            Column.of("id", Type.INTEGER).primaryKey(),
                                            Column.of("message", Type.varchar(200)).notNull(),
                                            Column.of("at", Type.TIMESTAMP_TZ)))
                                    .addColumn(Column.of("account_id", Type.BIGINT))
                                    .createForeignKey("fk_audit_account", "account", List.of("account_id"), List.of("id")));
                        },
                        op -> {
                            op.renameTable("audit_entry", "audit_log");
                            op.dropTable("audit_log");
                        }),
                revision(MERGE, List.of(BILLING, AUDIT), List.of(), "merge billing and audit",
                        op -> {
                            op.execute("UPDATE orders SET total = 0 WHERE total IS NULL");
                            op.batchAlterTable("orders", b -> b.copyFrom(orders(Column.of("total", Type.numeric(10, 2)), true))
                                    .alterColumn("total", c -> c.notNull().serverDefault(Expr.literal(0))
                                            .existingType(Type.numeric(10, 2)).existingNullable(true)));
                            op.dropColumn("orders", "placed");
                        },
                        op -> {
                            op.addColumn("orders", Column.of("placed", Type.DATE));
                            op.batchAlterTable("orders", b -> b.copyFrom(orders(Column.of("total", Type.numeric(10, 2))
                                            .notNull().serverDefault(Expr.literal(0)), false))
                                    .alterColumn("total", c -> c.nullable(true).dropServerDefault()
                                            .existingType(Type.numeric(10, 2)).existingNullable(false)));
                        }));
    }
}
