package dev.retort.runtime.internal;

import dev.retort.runtime.dialect.Dialect;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * The offline {@link SqlSink}: writes each statement with the dialect's terminator to a
 * script instead of running it. Layout as Alembic's {@code --sql} output: every
 * statement, comment and transaction mark is followed by one blank line.
 *
 * <p>It never touches a database. A failing {@link Appendable} surfaces as an {@link
 * UncheckedIOException}, which the migrator reports as a script that could not be written.
 */
public final class ScriptSink implements SqlSink {

    private final Dialect dialect;
    private final Appendable out;

    public ScriptSink(Dialect dialect, Appendable out) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.out = Objects.requireNonNull(out, "out");
    }

    /** Writes {@code sql} as it is, followed by the terminator. */
    @Override
    public void execute(String sql) {
        write(sql + dialect.statementTerminator());
    }

    /** Writes {@code text} as a comment line (several lines when it has line breaks). */
    public void comment(String text) {
        write(dialect.comment(text));
    }

    /** Writes the dialect's {@code BEGIN}. */
    public void beginTransaction() {
        execute(dialect.beginTransaction());
    }

    /** Writes the dialect's {@code COMMIT}. */
    public void commitTransaction() {
        execute(dialect.commitTransaction());
    }

    private void write(String text) {
        try {
            out.append(text).append("\n\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
