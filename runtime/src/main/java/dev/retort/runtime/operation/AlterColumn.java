package dev.retort.runtime.operation;

import dev.retort.runtime.schema.Column;
import dev.retort.runtime.schema.Expr;
import dev.retort.runtime.schema.Type;
import java.util.Objects;
import java.util.Optional;

/**
 * Changes one column in place: its type (with PostgreSQL's {@code USING}), nullability,
 * server default, comment and name, each optional; what is empty stays as it is. Build it with {@link #builder}. A dialect runs
 * one statement per change, the rename last.
 *
 * <p>The {@code existing…} fields describe the column before the change. H2 and
 * PostgreSQL do not need them; MariaDB/MySQL, which rewrite the whole column, do, and
 * {@link #reverse()} uses them to undo the change.
 *
 * @param schema the table's schema; empty for the connection's current schema
 * @param table the table's name
 * @param column the column's current name
 * @param type the new type
 * @param nullable the new nullability
 * @param serverDefault the new server default; {@link ServerDefault#NONE} drops it
 * @param newName the new name
 * @param existingType the type before the change, when known
 * @param existingNullable the nullability before the change, when known
 * @param existingServerDefault the server default before the change ({@link ServerDefault#NONE}
 *     when there was none), when known
 * @param comment the new comment; {@link Comment#NONE} drops it
 * @param using PostgreSQL's {@code USING} expression converting the old values to the new
 *     type, e.g. {@code "amount::integer"}; only with a type change
 * @param existingComment the comment before the change ({@link Comment#NONE} when there was
 *     none), when known
 * @param existingAutoIncrement whether the column auto-incremented before the change, when
 *     known (MariaDB/MySQL rewrite the column and would lose it)
 * @param identity how the database numbers the column from now on; {@link Identity#NONE}
 *     stops it ({@code DROP IDENTITY}, MariaDB's {@code MODIFY} without {@code AUTO_INCREMENT})
 * @param existingIdentity how the database numbered the column before the change, when known
 * @param existingComputed how the column is computed, when it is a computed column
 *     (MariaDB/MySQL rewrite the column and would make it a plain one)
 */
public record AlterColumn(
        Optional<String> schema,
        String table,
        String column,
        Optional<Type> type,
        Optional<Boolean> nullable,
        Optional<ServerDefault> serverDefault,
        Optional<String> newName,
        Optional<Type> existingType,
        Optional<Boolean> existingNullable,
        Optional<ServerDefault> existingServerDefault,
        Optional<Comment> comment,
        Optional<String> using,
        Optional<Comment> existingComment,
        Optional<Boolean> existingAutoIncrement,
        Optional<Identity> identity,
        Optional<Identity> existingIdentity,
        Optional<Column.Computed> existingComputed) implements TableChange {

    /** @throws IllegalArgumentException for a blank name or a change that changes nothing */
    public AlterColumn {
        schema = Checks.schema(schema);
        Checks.name("table name", table);
        Checks.name("column name", column);
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(nullable, "nullable");
        Objects.requireNonNull(serverDefault, "serverDefault");
        Objects.requireNonNull(newName, "newName");
        newName.ifPresent(n -> Checks.name("new column name", n));
        Objects.requireNonNull(existingType, "existingType");
        Objects.requireNonNull(existingNullable, "existingNullable");
        Objects.requireNonNull(existingServerDefault, "existingServerDefault");
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(using, "using");
        Objects.requireNonNull(existingComment, "existingComment");
        Objects.requireNonNull(existingAutoIncrement, "existingAutoIncrement");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(existingIdentity, "existingIdentity");
        Objects.requireNonNull(existingComputed, "existingComputed");
        if (type.isEmpty() && nullable.isEmpty() && serverDefault.isEmpty() && newName.isEmpty() && comment.isEmpty()
                && identity.isEmpty()) {
            throw new IllegalArgumentException("alterColumn of " + table + "." + column
                    + " changes nothing: give a type, nullable, serverDefault, dropServerDefault, comment, identity"
                    + " or rename");
        }
        if (using.isPresent() && type.isEmpty()) {
            throw new IllegalArgumentException("alterColumn of " + table + "." + column
                    + " gives a USING expression without a new type; state the type(...) it converts to");
        }
        using.ifPresent(u -> Checks.name("USING expression", u));
    }

    /** A change without identity to a column that is not computed (the form before they existed). */
    public AlterColumn(Optional<String> schema, String table, String column, Optional<Type> type,
            Optional<Boolean> nullable, Optional<ServerDefault> serverDefault, Optional<String> newName,
            Optional<Type> existingType, Optional<Boolean> existingNullable,
            Optional<ServerDefault> existingServerDefault, Optional<Comment> comment, Optional<String> using,
            Optional<Comment> existingComment, Optional<Boolean> existingAutoIncrement) {
        this(schema, table, column, type, nullable, serverDefault, newName, existingType, existingNullable,
                existingServerDefault, comment, using, existingComment, existingAutoIncrement, Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /** A change without comment, {@code USING} or the extra hints (the form before they existed). */
    public AlterColumn(Optional<String> schema, String table, String column, Optional<Type> type,
            Optional<Boolean> nullable, Optional<ServerDefault> serverDefault, Optional<String> newName,
            Optional<Type> existingType, Optional<Boolean> existingNullable,
            Optional<ServerDefault> existingServerDefault) {
        this(schema, table, column, type, nullable, serverDefault, newName, existingType, existingNullable,
                existingServerDefault, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * Starts a change to column {@code column} of {@code table}.
     *
     * <pre>{@code
     * AlterColumn change = AlterColumn.builder("account", "name")
     *     .type(Type.varchar(100)).nullable(false).build();
     * }</pre>
     */
    public static Builder builder(String table, String column) {
        return new Builder(table, column);
    }

    /**
     * The change that undoes this one, when every changed attribute's previous state is
     * known: a rename alone always reverses; a type change needs {@code existingType}, a
     * nullability change {@code existingNullable}, a default change {@code
     * existingServerDefault}, a comment change {@code existingComment}, an identity change
     * {@code existingIdentity}. A change with a
     * {@code USING} expression has none: the way back needs its own expression.
     */
    @Override
    public Optional<Operation> reverse() {
        if (type.isPresent() && existingType.isEmpty()
                || nullable.isPresent() && existingNullable.isEmpty()
                || serverDefault.isPresent() && existingServerDefault.isEmpty()
                || comment.isPresent() && existingComment.isEmpty()
                || identity.isPresent() && existingIdentity.isEmpty()
                || using.isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new AlterColumn(schema, table, newName.orElse(column),
                type.flatMap(t -> existingType), nullable.flatMap(n -> existingNullable),
                serverDefault.flatMap(d -> existingServerDefault), newName.map(n -> column),
                // The state before the reverse: the new value where changed, else the known one
                // (MariaDB rewrites the whole column and needs every hint back).
                type.or(() -> existingType), nullable.or(() -> existingNullable),
                serverDefault.or(() -> existingServerDefault), comment.flatMap(c -> existingComment), Optional.empty(),
                comment.or(() -> existingComment),
                identity.map(i -> i.kind().isPresent()).or(() -> existingAutoIncrement),
                identity.flatMap(i -> existingIdentity), identity.or(() -> existingIdentity), existingComputed));
    }

    /**
     * How the database numbers a column, as the target of a change or as its state before
     * one: a kind of {@linkplain Column.AutoIncrement auto-increment}, or {@link #NONE}.
     *
     * @param kind the kind; empty for none
     */
    public record Identity(Optional<Column.AutoIncrement> kind) {

        /** Not numbered by the database: as a change, stops the numbering. */
        public static final Identity NONE = new Identity(Optional.empty());

        /** Validates the parts. */
        public Identity {
            Objects.requireNonNull(kind, "kind (use Identity.NONE for none)");
        }

        /** Numbered as {@code kind} says. */
        public static Identity of(Column.AutoIncrement kind) {
            return new Identity(Optional.of(Objects.requireNonNull(kind, "kind")));
        }

        /** True for {@link #NONE}. */
        public boolean isNone() {
            return kind.isEmpty();
        }
    }

    /**
     * A column's server default, as the target of a change or as its state before one: an
     * expression, or {@link #NONE}.
     *
     * @param expression the default; empty for none
     */
    public record ServerDefault(Optional<Expr> expression) {

        /** No server default: as a change, drops it. */
        public static final ServerDefault NONE = new ServerDefault(Optional.empty());

        /** Validates the parts. */
        public ServerDefault {
            Objects.requireNonNull(expression, "expression (use ServerDefault.NONE for none)");
        }

        /** A default of {@code expression}. */
        public static ServerDefault of(Expr expression) {
            return new ServerDefault(Optional.of(expression));
        }

        /** True for {@link #NONE}. */
        public boolean isNone() {
            return expression.isEmpty();
        }
    }

    /**
     * A column's comment, as the target of a change or as its state before one: a text, or
     * {@link #NONE}.
     *
     * @param text the comment; empty for none
     */
    public record Comment(Optional<String> text) {

        /** No comment: as a change, drops it. */
        public static final Comment NONE = new Comment(Optional.empty());

        /** Validates the parts. */
        public Comment {
            Objects.requireNonNull(text, "text (use Comment.NONE for none)");
        }

        /** A comment of {@code text}. */
        public static Comment of(String text) {
            return new Comment(Optional.of(Objects.requireNonNull(text, "text")));
        }

        /** True for {@link #NONE}. */
        public boolean isNone() {
            return text.isEmpty();
        }
    }

    /**
     * Collects the changes to one column. Each method returns the builder, so a migration
     * reads {@code c -> c.type(Type.varchar(100)).nullable(false)}.
     */
    public static final class Builder {

        private final String table;
        private final String column;
        private Optional<String> schema = Optional.empty();
        private Optional<Type> type = Optional.empty();
        private Optional<Boolean> nullable = Optional.empty();
        private Optional<ServerDefault> serverDefault = Optional.empty();
        private Optional<String> newName = Optional.empty();
        private Optional<Type> existingType = Optional.empty();
        private Optional<Boolean> existingNullable = Optional.empty();
        private Optional<ServerDefault> existingServerDefault = Optional.empty();
        private Optional<Comment> comment = Optional.empty();
        private Optional<String> using = Optional.empty();
        private Optional<Comment> existingComment = Optional.empty();
        private Optional<Boolean> existingAutoIncrement = Optional.empty();
        private Optional<Identity> identity = Optional.empty();
        private Optional<Identity> existingIdentity = Optional.empty();
        private Optional<Column.Computed> existingComputed = Optional.empty();

        private Builder(String table, String column) {
            this.table = table;
            this.column = column;
        }

        /** The table's schema; by default the connection's current schema. */
        public Builder schema(String schema) {
            this.schema = Optional.of(schema);
            return this;
        }

        /** Changes the column's type. The database converts existing values or refuses. */
        public Builder type(Type type) {
            this.type = Optional.of(Objects.requireNonNull(type, "type"));
            return this;
        }

        /** Makes the column accept nulls or refuse them ({@code SET NOT NULL} fails while nulls remain). */
        public Builder nullable(boolean nullable) {
            this.nullable = Optional.of(nullable);
            return this;
        }

        /** Refuses nulls: shorthand for {@code nullable(false)}. */
        public Builder notNull() {
            return nullable(false);
        }

        /** Sets the server default. */
        public Builder serverDefault(Expr expression) {
            this.serverDefault = Optional.of(ServerDefault.of(Objects.requireNonNull(expression, "expression")));
            return this;
        }

        /** Sets a string literal as the server default. */
        public Builder serverDefault(String value) {
            return serverDefault(Expr.literal(value));
        }

        /** Drops the server default. */
        public Builder dropServerDefault() {
            this.serverDefault = Optional.of(ServerDefault.NONE);
            return this;
        }

        /** Renames the column. */
        public Builder rename(String newName) {
            this.newName = Optional.of(newName);
            return this;
        }

        /** States the column's type before the change. */
        public Builder existingType(Type type) {
            this.existingType = Optional.of(Objects.requireNonNull(type, "type"));
            return this;
        }

        /** States whether the column accepted nulls before the change. */
        public Builder existingNullable(boolean nullable) {
            this.existingNullable = Optional.of(nullable);
            return this;
        }

        /** States the column's server default before the change. */
        public Builder existingServerDefault(Expr expression) {
            this.existingServerDefault = Optional.of(ServerDefault.of(Objects.requireNonNull(expression, "expression")));
            return this;
        }

        /** States that the column had no server default before the change. */
        public Builder existingNoServerDefault() {
            this.existingServerDefault = Optional.of(ServerDefault.NONE);
            return this;
        }

        /**
         * Changes the type, converting the old values with {@code using} (PostgreSQL's
         * {@code ALTER COLUMN … TYPE … USING …}): {@code c.type(Type.INTEGER, "code::integer")}.
         * Other dialects refuse it before anything runs.
         */
        public Builder type(Type type, String using) {
            this.using = Optional.of(Objects.requireNonNull(using, "using"));
            return type(type);
        }

        /** Sets the column's comment. */
        public Builder comment(String comment) {
            this.comment = Optional.of(Comment.of(comment));
            return this;
        }

        /** Drops the column's comment. */
        public Builder dropComment() {
            this.comment = Optional.of(Comment.NONE);
            return this;
        }

        /** States the column's comment before the change. */
        public Builder existingComment(String comment) {
            this.existingComment = Optional.of(Comment.of(comment));
            return this;
        }

        /** States that the column had no comment before the change. */
        public Builder existingNoComment() {
            this.existingComment = Optional.of(Comment.NONE);
            return this;
        }

        /** States whether the column auto-incremented before the change (MariaDB/MySQL keep it only if told). */
        public Builder existingAutoIncrement(boolean autoIncrement) {
            this.existingAutoIncrement = Optional.of(autoIncrement);
            return this;
        }

        /**
         * Makes the database number the column as {@code kind} says: on PostgreSQL {@code ADD
         * GENERATED … AS IDENTITY} (or {@code SET GENERATED …} when it is an identity already),
         * on H2 the same, on MariaDB {@code MODIFY … AUTO_INCREMENT} (which needs {@code
         * existingType} and {@code existingNullable}, and the column to be a key).
         */
        public Builder identity(Column.AutoIncrement kind) {
            this.identity = Optional.of(Identity.of(kind));
            return this;
        }

        /** Stops the database numbering the column ({@code DROP IDENTITY}; a serial column's {@code DROP DEFAULT}). */
        public Builder dropIdentity() {
            this.identity = Optional.of(Identity.NONE);
            return this;
        }

        /** States how the database numbered the column before the change. */
        public Builder existingIdentity(Column.AutoIncrement kind) {
            this.existingIdentity = Optional.of(Identity.of(kind));
            return this;
        }

        /** States that the database did not number the column before the change. */
        public Builder existingNoIdentity() {
            this.existingIdentity = Optional.of(Identity.NONE);
            return this;
        }

        /**
         * States that the column is computed from {@code expression}, {@code stored} or
         * virtual (MariaDB/MySQL keep the computation only if told; a computed column's
         * expression itself is changed by dropping and adding the column).
         */
        public Builder existingComputed(String expression, boolean stored) {
            this.existingComputed = Optional.of(new Column.Computed(expression, stored));
            return this;
        }

        /**
         * The change.
         *
         * @throws IllegalArgumentException when nothing was changed
         */
        public AlterColumn build() {
            return new AlterColumn(schema, table, column, type, nullable, serverDefault, newName,
                    existingType, existingNullable, existingServerDefault, comment, using, existingComment,
                    existingAutoIncrement, identity, existingIdentity, existingComputed);
        }
    }

    @Override
    public <R> R accept(Operation.Visitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public Optional<String> changedTable() {
        return Optional.of(table);
    }

    @Override
    public <R> R accept(TableChange.Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
