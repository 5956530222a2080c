package dev.retort.autogenerate;

import dev.retort.autogenerate.internal.JavaSource;
import dev.retort.runtime.operation.AddColumn;
import dev.retort.runtime.operation.AddEnumValue;
import dev.retort.runtime.operation.CreateEnumType;
import dev.retort.runtime.operation.DropEnumType;
import dev.retort.runtime.operation.TableChange;
import dev.retort.runtime.operation.RecreateTable;
import dev.retort.runtime.operation.ExecuteWithParameters;
import dev.retort.runtime.operation.DropIndexWithOptions;
import dev.retort.runtime.operation.CreateIndexWithOptions;
import dev.retort.runtime.operation.CreateExcludeConstraint;
import dev.retort.runtime.operation.BulkInsert;
import dev.retort.runtime.operation.AlterColumn;
import dev.retort.runtime.operation.BatchAlterTable;
import dev.retort.runtime.operation.CreateCheckConstraint;
import dev.retort.runtime.operation.CreateForeignKey;
import dev.retort.runtime.operation.CreateIndex;
import dev.retort.runtime.operation.CreatePrimaryKey;
import dev.retort.runtime.operation.CreateSequence;
import dev.retort.runtime.operation.CreateTable;
import dev.retort.runtime.operation.CreateTableComment;
import dev.retort.runtime.operation.CreateUniqueConstraint;
import dev.retort.runtime.operation.DropColumn;
import dev.retort.runtime.operation.DropConstraint;
import dev.retort.runtime.operation.DropIndex;
import dev.retort.runtime.operation.DropSequence;
import dev.retort.runtime.operation.DropTable;
import dev.retort.runtime.operation.DropTableComment;
import dev.retort.runtime.operation.Execute;
import dev.retort.runtime.operation.Operation;
import dev.retort.runtime.operation.RenameTable;
import dev.retort.runtime.schema.TableConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes operations as the Java a migration author would write: calls on the {@code
 * Operations} parameter {@code op}, one statement per operation, wrapped where a line would
 * run long.
 *
 * <pre>{@code
 * JavaRenderer.Rendered java = JavaRenderer.render(comparison.changes());
 * java.upgrade();   // ["op.createTable(\"account\",", "        Column.of(\"id\", Type.BIGINT).primaryKey(),", ...]
 * String source = JavaRenderer.revision("com.example.migrations", "CreateAccount", "3f2a9c1d7e4b",
 *     "1f3a9c2e7b10", "create account", comparison.changes());
 * }</pre>
 *
 * <p>A change that needs the author's judgement is preceded by a {@code // CHECK:} comment
 * per note. The downgrade undoes the changes in reverse order.
 */
public final class JavaRenderer {

    /** Lines longer than this (at method-body indentation) are wrapped. */
    private static final int WIDTH = 112;
    private static final String CONTINUATION = "        ";
    private static final Pattern SIMPLE_TYPE = Pattern.compile("(?<![A-Za-z0-9_.])Type\\.");

    private JavaRenderer() {
    }

    /**
     * The lines of an {@code upgrade} and a {@code downgrade} body, without the method's
     * indentation; continuation lines are indented by eight spaces.
     *
     * @param upgrade the upgrade body's lines
     * @param downgrade the downgrade body's lines
     */
    public record Rendered(List<String> upgrade, List<String> downgrade) {

        /** Copies the lines. */
        public Rendered {
            upgrade = List.copyOf(upgrade);
            downgrade = List.copyOf(downgrade);
        }
    }

    /** The upgrade and downgrade bodies for the changes of a {@link Comparison}. */
    public static Rendered render(List<Change> changes) {
        List<String> upgrade = new ArrayList<>();
        List<String> downgrade = new ArrayList<>();
        for (Change change : changes) {
            for (String note : change.notes()) {
                upgrade.add("// CHECK: " + note);
            }
            upgrade.addAll(lines(renderOperation(change.operation())));
        }
        java.util.Set<String> createdTables = new java.util.HashSet<>();
        changes.forEach(c -> {
            if (c.operation() instanceof CreateTable create) {
                createdTables.add(create.table());
            }
        });
        for (int i = changes.size() - 1; i >= 0; i--) {
            Change change = changes.get(i);
            boolean goesWithItsTable = change.operation() instanceof CreateIndex index
                    && createdTables.contains(index.table())
                    || change.operation() instanceof CreateIndexWithOptions withOptions
                    && createdTables.contains(withOptions.table());
            if (change.downgrade().isEmpty() && !goesWithItsTable) {
                downgrade.add("// No automatic downgrade for the upgrade's "
                        + renderOperation(change.operation()).lines().findFirst().orElse("") + " Write it out here.");
            }
            change.downgrade().forEach(operation -> downgrade.addAll(lines(renderOperation(operation))));
        }
        return new Rendered(upgrade, downgrade);
    }

    /**
     * The bodies for plain operations: each undone by its {@code reverse()} (an operation
     * without one gets a comment in the downgrade asking the author to write it).
     */
    public static Rendered renderOperations(List<? extends Operation> operations) {
        return render(operations.stream().map(Change::of).toList());
    }

    /**
     * A whole revision class: package, imports for what the bodies use, the message as
     * javadoc, {@code @Revision}, and the two methods.
     *
     * @param downRevision the revision this one follows, or null for a first revision
     */
    public static String revision(String packageName, String className, String id, String downRevision,
            String message, List<Change> changes) {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(id, "id");
        Rendered bodies = render(changes);
        String body = String.join("\n", bodies.upgrade()) + "\n" + String.join("\n", bodies.downgrade());
        TreeSet<String> imports = new TreeSet<>(List.of("dev.retort.annotations.Revision",
                "dev.retort.runtime.Migration", "dev.retort.runtime.Operations"));
        addImport(imports, body, "Column.", "dev.retort.runtime.schema.Column");
        addImport(imports, body, "Expr.", "dev.retort.runtime.schema.Expr");
        addImport(imports, body, "TableConstraint.", "dev.retort.runtime.schema.TableConstraint");
        addImport(imports, body, "ReferentialAction.", "dev.retort.runtime.schema.ReferentialAction");
        addImport(imports, body, "ConstraintType.", "dev.retort.runtime.operation.ConstraintType");
        addImport(imports, body, "BatchAlterTable.", "dev.retort.runtime.operation.BatchAlterTable");
        addImport(imports, body, "List.of(", "java.util.List");
        addImport(imports, body, "new BigDecimal(", "java.math.BigDecimal");
        if (SIMPLE_TYPE.matcher(body).find()) {
            imports.add("dev.retort.runtime.schema.Type");
        }
        StringBuilder out = new StringBuilder();
        if (packageName != null && !packageName.isEmpty()) {
            out.append("package ").append(packageName).append(";\n\n");
        }
        imports.forEach(i -> out.append("import ").append(i).append(";\n"));
        out.append('\n');
        String text = message == null || message.isBlank() ? className : message.strip();
        out.append("/** ").append(javadoc(text)).append(" */\n");
        out.append("@Revision(id = ").append(string(id));
        if (downRevision != null) {
            out.append(", downRevision = ").append(string(downRevision));
        }
        out.append(")\n");
        out.append("public final class ").append(className).append(" implements Migration {\n\n");
        method(out, "upgrade", bodies.upgrade());
        out.append('\n');
        method(out, "downgrade", bodies.downgrade());
        out.append("}\n");
        return out.toString();
    }

    private static void method(StringBuilder out, String name, List<String> lines) {
        out.append("    @Override\n    public void ").append(name).append("(Operations op) {\n");
        if (lines.isEmpty()) {
            out.append("        // Nothing to do.\n");
        }
        lines.forEach(line -> out.append("        ").append(line).append('\n'));
        out.append("    }\n");
    }

    private static void addImport(TreeSet<String> imports, String body, String marker, String type) {
        if (body.contains(marker)) {
            imports.add(type);
        }
    }

    private static List<String> lines(String statement) {
        return statement.lines().toList();
    }

    /**
     * One operation as a Java statement on {@code op}, e.g. {@code op.dropTable("account");};
     * a long one spans lines, joined with {@code \n}.
     *
     * @throws IllegalArgumentException for an operation autogenerate does not write (bulk
     *     inserts, exclusion constraints)
     */
    public static String renderOperation(Operation operation) {
        Objects.requireNonNull(operation, "operation");
        return operation.accept(STATEMENTS);
    }

    /** The one dispatch from an operation to the statement that writes it. */
    private static final Operation.Visitor<String> STATEMENTS = new Operation.Visitor<>() {

        @Override
        public String visit(CreateTable o) {
            return on(o.schema()) + createTable(o);
        }

        @Override
        public String visit(DropTable o) {
            return call(on(o.schema()) + "dropTable", string(o.table()));
        }

        @Override
        public String visit(RenameTable o) {
            return call(on(o.schema()) + "renameTable", string(o.table()), string(o.newName()));
        }

        @Override
        public String visit(AddColumn o) {
            return call(on(o.schema()) + "addColumn", string(o.table()), JavaSource.column(o.column()));
        }

        @Override
        public String visit(DropColumn o) {
            return call(on(o.schema()) + "dropColumn", string(o.table()), string(o.column()));
        }

        @Override
        public String visit(AlterColumn o) {
            return on(o.schema()) + alterColumn(o);
        }

        @Override
        public String visit(CreateIndex o) {
            List<String> args = new ArrayList<>(List.of(string(o.name()), string(o.table())));
            o.columns().forEach(c -> args.add(string(c)));
            return call(on(o.schema()) + (o.unique() ? "createUniqueIndex" : "createIndex"), args.toArray(String[]::new));
        }

        @Override
        public String visit(DropIndex o) {
            return o.table().isPresent() ? call(on(o.schema()) + "dropIndex", string(o.name()), string(o.table().get()))
                    : call(on(o.schema()) + "dropIndex", string(o.name()));
        }

        @Override
        public String visit(CreateUniqueConstraint o) {
            List<String> args = new ArrayList<>(List.of(string(o.name()), string(o.table())));
            o.columns().forEach(c -> args.add(string(c)));
            return call(on(o.schema()) + "createUniqueConstraint", args.toArray(String[]::new));
        }

        @Override
        public String visit(CreatePrimaryKey o) {
            List<String> args = new ArrayList<>(List.of(string(o.name()), string(o.table())));
            o.columns().forEach(c -> args.add(string(c)));
            return call(on(o.schema()) + "createPrimaryKey", args.toArray(String[]::new));
        }

        @Override
        public String visit(CreateCheckConstraint o) {
            return call(on(o.schema()) + "createCheckConstraint", string(o.name()), string(o.table()),
                    string(o.condition()));
        }

        @Override
        public String visit(DropConstraint o) {
            return o.type().isPresent()
                    ? call(on(o.schema()) + "dropConstraint", string(o.name()), string(o.table()),
                            "ConstraintType." + o.type().get().name())
                    : call(on(o.schema()) + "dropConstraint", string(o.name()), string(o.table()));
        }

        @Override
        public String visit(CreateForeignKey o) {
            return on(o.schema()) + createForeignKey(o);
        }

        @Override
        public String visit(CreateTableComment o) {
            return call(on(o.schema()) + "createTableComment", string(o.table()), string(o.comment()));
        }

        @Override
        public String visit(DropTableComment o) {
            return call(on(o.schema()) + "dropTableComment", string(o.table()));
        }

        @Override
        public String visit(CreateSequence o) {
            return createSequence(o);
        }

        @Override
        public String visit(DropSequence o) {
            return call(on(o.schema()) + "dropSequence", string(o.name()));
        }

        @Override
        public String visit(Execute o) {
            return call("execute", string(o.sql()));
        }

        @Override
        public String visit(BatchAlterTable o) {
            return batchAlterTable(o);
        }

        @Override
        public String visit(CreateIndexWithOptions o) {
            return call(on(o.schema()) + "createIndex", string(o.name()), string(o.table()), indexOptions(o));
        }

        @Override
        public String visit(DropIndexWithOptions o) {
            String options = (o.concurrently() ? ".concurrently()" : "") + (o.ifExists() ? ".ifExists()" : "");
            if (o.table().isEmpty()) {
                return call(on(o.schema()) + "dropIndex", string(o.name()));
            }
            return options.isEmpty() ? call(on(o.schema()) + "dropIndex", string(o.name()), string(o.table().get()))
                    : call(on(o.schema()) + "dropIndex", string(o.name()), string(o.table().get()), "ix -> ix" + options);
        }

        @Override
        public String visit(CreateExcludeConstraint o) {
            throw notWritten(o);
        }

        @Override
        public String visit(ExecuteWithParameters o) {
            throw notWritten(o);
        }

        @Override
        public String visit(BulkInsert o) {
            throw notWritten(o);
        }

        @Override
        public String visit(RecreateTable o) {
            throw notWritten(o);
        }

        @Override
        public String visit(CreateEnumType o) {
            List<String> args = new ArrayList<>(List.of(string(o.name())));
            o.values().forEach(v -> args.add(string(v)));
            return call(on(o.schema()) + "createEnumType", args.toArray(String[]::new));
        }

        @Override
        public String visit(DropEnumType o) {
            return call(on(o.schema()) + "dropEnumType", string(o.name()));
        }

        @Override
        public String visit(AddEnumValue o) {
            if (o.before().isPresent()) {
                return call(on(o.schema()) + "addEnumValueBefore", string(o.type()), string(o.value()),
                        string(o.before().get()));
            }
            if (o.after().isPresent()) {
                return call(on(o.schema()) + "addEnumValueAfter", string(o.type()), string(o.value()),
                        string(o.after().get()));
            }
            return call(on(o.schema()) + "addEnumValue", string(o.type()), string(o.value()));
        }

        private IllegalArgumentException notWritten(Operation operation) {
            return new IllegalArgumentException("Autogenerate does not write " + operation.getClass().getSimpleName()
                    + " operations as Java; write that part of the revision by hand");
        }
    };

    /** {@code ix -> ix.columns("a").expression("lower(b)").unique().where("…")}: consecutive columns in one call. */
    private static String indexOptions(CreateIndexWithOptions o) {
        StringBuilder out = new StringBuilder("ix -> ix");
        List<String> columns = new ArrayList<>();
        for (CreateIndexWithOptions.Element element : o.elements()) {
            if (!element.isExpression()) {
                columns.add(element.sql());
                continue;
            }
            if (!columns.isEmpty()) {
                out.append(".columns(").append(strings(columns)).append(')');
                columns.clear();
            }
            out.append(".expression(").append(string(element.sql())).append(')');
        }
        if (!columns.isEmpty()) {
            out.append(".columns(").append(strings(columns)).append(')');
        }
        if (o.unique()) {
            out.append(".unique()");
        }
        o.where().ifPresent(w -> out.append(".where(").append(string(w)).append(')'));
        if (o.concurrently()) {
            out.append(".concurrently()");
        }
        if (o.ifNotExists()) {
            out.append(".ifNotExists()");
        }
        return out.toString();
    }

    /** {@code op.createSequence("account_seq", s -> s.incrementBy(50));}, a start or increment of 1 left out. */
    private static String createSequence(CreateSequence o) {
        String options = (o.start() == 1 ? "" : ".startWith(" + longLiteral(o.start()) + ")")
                + (o.increment() == 1 ? "" : ".incrementBy(" + longLiteral(o.increment()) + ")");
        return options.isEmpty() ? call(on(o.schema()) + "createSequence", string(o.name()))
                : call(on(o.schema()) + "createSequence", string(o.name()), "s -> s" + options);
    }

    private static String longLiteral(long value) {
        return value == (int) value ? Long.toString(value) : value + "L";
    }

    private static String on(Optional<String> schema) {
        return schema.map(s -> "op.inSchema(" + string(s) + ").").orElse("op.");
    }

    private static String createTable(CreateTable o) {
        List<String> columns = o.columns().stream().map(JavaSource::column).toList();
        if (o.constraints().isEmpty() && o.comment().isEmpty()) {
            return "createTable(" + string(o.table()) + ",\n" + CONTINUATION
                    + String.join(",\n" + CONTINUATION, columns) + ");";
        }
        StringBuilder out = new StringBuilder("createTable(").append(string(o.table())).append(", List.of(\n")
                .append(CONTINUATION).append(String.join(",\n" + CONTINUATION, columns)).append("),\n    t -> t");
        List<String> options = new ArrayList<>();
        o.constraints().forEach(c -> options.add(".constraint(" + constraint(c) + ")"));
        o.comment().ifPresent(c -> options.add(".comment(" + string(c) + ")"));
        out.append(String.join("\n          ", options)).append(");");
        return out.toString();
    }

    private static String constraint(TableConstraint constraint) {
        String named = constraint.name().map(n -> ".named(" + string(n) + ")").orElse("");
        if (constraint instanceof TableConstraint.PrimaryKey pk) {
            return "TableConstraint.primaryKey(" + strings(pk.columns()) + ")" + named;
        }
        if (constraint instanceof TableConstraint.Unique unique) {
            return "TableConstraint.unique(" + strings(unique.columns()) + ")" + named;
        }
        if (constraint instanceof TableConstraint.Check check) {
            return "TableConstraint.check(" + string(check.condition()) + ")" + named;
        }
        TableConstraint.ForeignKey fk = (TableConstraint.ForeignKey) constraint;
        StringBuilder out = new StringBuilder("TableConstraint.foreignKey(").append(list(fk.columns())).append(", ")
                .append(string(fk.referentTable())).append(", ").append(list(fk.referentColumns())).append(')');
        fk.referentSchema().ifPresent(s -> out.append(".referentSchema(").append(string(s)).append(')'));
        fk.onDelete().ifPresent(a -> out.append(".onDelete(ReferentialAction.").append(a.name()).append(')'));
        fk.onUpdate().ifPresent(a -> out.append(".onUpdate(ReferentialAction.").append(a.name()).append(')'));
        if (fk.deferrable()) {
            out.append(".deferrable(").append(fk.initiallyDeferred()).append(')');
        }
        return out.append(named).toString();
    }

    private static String alterColumn(AlterColumn o) {
        boolean renameOnly = o.newName().isPresent() && o.type().isEmpty() && o.nullable().isEmpty()
                && o.serverDefault().isEmpty() && o.comment().isEmpty() && o.identity().isEmpty();
        if (renameOnly) {
            return call("renameColumn", string(o.table()), string(o.column()), string(o.newName().get()));
        }
        List<String> calls = new ArrayList<>();
        o.type().ifPresent(t -> calls.add(o.using().isPresent()
                ? ".type(" + JavaSource.type(t) + ", " + string(o.using().get()) + ")"
                : ".type(" + JavaSource.type(t) + ")"));
        o.nullable().ifPresent(n -> calls.add(".nullable(" + n + ")"));
        o.serverDefault().ifPresent(d -> calls.add(d.expression().map(e -> ".serverDefault(" + JavaSource.expr(e) + ")")
                .orElse(".dropServerDefault()")));
        o.comment().ifPresent(c -> calls.add(c.text().map(t -> ".comment(" + string(t) + ")").orElse(".dropComment()")));
        o.identity().ifPresent(i -> calls.add(i.kind().map(k -> ".identity(Column.AutoIncrement." + k.name() + ")")
                .orElse(".dropIdentity()")));
        o.newName().ifPresent(n -> calls.add(".rename(" + string(n) + ")"));
        o.existingType().ifPresent(t -> calls.add(".existingType(" + JavaSource.type(t) + ")"));
        o.existingNullable().ifPresent(n -> calls.add(".existingNullable(" + n + ")"));
        o.existingServerDefault().ifPresent(d -> calls.add(d.expression()
                .map(e -> ".existingServerDefault(" + JavaSource.expr(e) + ")").orElse(".existingNoServerDefault()")));
        o.existingComment().ifPresent(c -> calls.add(c.text().map(t -> ".existingComment(" + string(t) + ")")
                .orElse(".existingNoComment()")));
        o.existingAutoIncrement().ifPresent(a -> calls.add(".existingAutoIncrement(" + a + ")"));
        o.existingIdentity().ifPresent(i -> calls.add(i.kind().map(k -> ".existingIdentity(Column.AutoIncrement."
                + k.name() + ")").orElse(".existingNoIdentity()")));
        o.existingComputed().ifPresent(c -> calls.add(".existingComputed(" + string(c.expression()) + ", " + c.stored()
                + ")"));
        String head = "alterColumn(" + string(o.table()) + ", " + string(o.column()) + ", c -> c";
        String oneLine = head + String.join("", calls) + ");";
        if (oneLine.length() + 3 <= WIDTH) {
            return oneLine;
        }
        return head + calls.get(0) + "\n" + CONTINUATION + String.join("\n" + CONTINUATION, calls.subList(1,
                calls.size())) + ");";
    }

    /**
     * {@code op.batchAlterTable("t", batch -> batch} and one {@code .change(…)} per line
     * below it, as the batch builder's methods take them.
     */
    private static String batchAlterTable(BatchAlterTable o) {
        List<String> calls = new ArrayList<>();
        o.schema().ifPresent(s -> calls.add(".schema(" + string(s) + ")"));
        if (o.recreate() != BatchAlterTable.Recreate.AUTO) {
            calls.add(".recreate(BatchAlterTable.Recreate." + o.recreate().name() + ")");
        }
        for (Operation operation : o.operations()) {
            calls.add(batchCall(operation));
        }
        return "op.batchAlterTable(" + string(o.table()) + ", batch -> batch\n" + CONTINUATION
                + calls.stream().map(c -> c.replace("\n", "\n" + CONTINUATION)).collect(Collectors.joining("\n"
                        + CONTINUATION)) + ");";
    }

    /** One change of a batch as a call on the batch builder, e.g. {@code .dropColumn("legacy")}. */
    private static String batchCall(Operation operation) {
        if (!(operation instanceof TableChange change)) {
            throw new IllegalArgumentException("Autogenerate does not write " + operation.getClass().getSimpleName()
                    + " inside a batchAlterTable; write that part of the revision by hand");
        }
        return change.accept(BATCH_CALLS);
    }

    /** The one dispatch from a table change to its call on the batch builder. */
    private static final TableChange.Visitor<String> BATCH_CALLS = new TableChange.Visitor<>() {

        @Override
        public String visit(AddColumn o) {
            return ".addColumn(" + JavaSource.column(o.column()) + ")";
        }

        @Override
        public String visit(DropColumn o) {
            return ".dropColumn(" + string(o.column()) + ")";
        }

        @Override
        public String visit(AlterColumn o) {
            String call = alterColumn(o);
            if (call.startsWith("renameColumn(")) {
                return ".renameColumn(" + string(o.column()) + ", " + string(o.newName().orElseThrow()) + ")";
            }
            // "alterColumn(\"t\", \"c\", c -> c…);" becomes ".alterColumn(\"c\", c -> c…)".
            String head = "alterColumn(" + string(o.table()) + ", ";
            return ".alterColumn(" + call.substring(head.length(), call.length() - 1);
        }

        @Override
        public String visit(CreateIndex o) {
            return "." + (o.unique() ? "createUniqueIndex" : "createIndex") + "(" + string(o.name())
                    + (o.columns().isEmpty() ? "" : ", " + strings(o.columns())) + ")";
        }

        @Override
        public String visit(DropIndex o) {
            return ".dropIndex(" + string(o.name()) + ")";
        }

        @Override
        public String visit(CreateForeignKey o) {
            List<String> options = new ArrayList<>();
            o.onDelete().ifPresent(a -> options.add(".onDelete(ReferentialAction." + a.name() + ")"));
            o.onUpdate().ifPresent(a -> options.add(".onUpdate(ReferentialAction." + a.name() + ")"));
            if (o.deferrable()) {
                options.add(".deferrable(true)");
            }
            if (o.initiallyDeferred()) {
                options.add(".initiallyDeferred(true)");
            }
            return ".createForeignKey(" + string(o.name()) + ", " + string(o.referentTable()) + ", "
                    + list(o.columns()) + ", " + list(o.referentColumns())
                    + (options.isEmpty() ? "" : ", fk -> fk" + String.join("", options)) + ")";
        }

        @Override
        public String visit(DropConstraint o) {
            return ".dropConstraint(" + string(o.name())
                    + o.type().map(t -> ", ConstraintType." + t.name()).orElse("") + ")";
        }

        @Override
        public String visit(CreatePrimaryKey o) {
            return ".createPrimaryKey(" + string(o.name()) + ", " + strings(o.columns()) + ")";
        }

        @Override
        public String visit(CreateUniqueConstraint o) {
            return ".createUniqueConstraint(" + string(o.name()) + ", " + strings(o.columns()) + ")";
        }

        @Override
        public String visit(CreateCheckConstraint o) {
            return ".createCheckConstraint(" + string(o.name()) + ", " + string(o.condition()) + ")";
        }
    };

    private static String createForeignKey(CreateForeignKey o) {
        List<String> options = new ArrayList<>();
        o.referentSchema().ifPresent(s -> options.add(".referentSchema(" + string(s) + ")"));
        o.onDelete().ifPresent(a -> options.add(".onDelete(ReferentialAction." + a.name() + ")"));
        o.onUpdate().ifPresent(a -> options.add(".onUpdate(ReferentialAction." + a.name() + ")"));
        if (o.deferrable()) {
            options.add(".deferrable(true)");
        }
        if (o.initiallyDeferred()) {
            options.add(".initiallyDeferred(true)");
        }
        List<String> args = new ArrayList<>(List.of(string(o.name()), string(o.table()), string(o.referentTable()),
                list(o.columns()), list(o.referentColumns())));
        if (!options.isEmpty()) {
            args.add("fk -> fk" + String.join("", options));
        }
        return call("createForeignKey", args.toArray(String[]::new)).substring("op.".length());
    }

    /** {@code op.method(a, b);}, wrapped onto continuation lines where it runs past the width. */
    private static String call(String method, String... args) {
        String receiver = method.startsWith("op.") ? method : "op." + method;
        String oneLine = receiver + "(" + String.join(", ", args) + ");";
        if (oneLine.length() <= WIDTH) {
            return oneLine;
        }
        StringBuilder out = new StringBuilder(receiver).append('(');
        int lineLength = out.length();
        for (int i = 0; i < args.length; i++) {
            String piece = args[i] + (i < args.length - 1 ? "," : ");");
            if (i > 0) {
                if (lineLength + 1 + piece.length() > WIDTH) {
                    out.append('\n').append(CONTINUATION);
                    lineLength = CONTINUATION.length();
                } else {
                    out.append(' ');
                    lineLength++;
                }
            }
            out.append(piece);
            lineLength += piece.length();
        }
        return out.toString();
    }

    private static String list(List<String> values) {
        return "List.of(" + strings(values) + ")";
    }

    private static String strings(List<String> values) {
        return values.stream().map(JavaRenderer::string).collect(Collectors.joining(", "));
    }

    /** A Java string literal. */
    static String string(String value) {
        return JavaSource.string(value);
    }

    private static String javadoc(String text) {
        return text.replace("*/", "*&#47;").replace("\n", " ");
    }
}
