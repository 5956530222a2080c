package dev.retort.autogenerate;

import dev.retort.runtime.schema.Sequence;
import java.util.Optional;

/**
 * A sequence the model and the database both have, with another increment or start: reported
 * as a {@linkplain Comparison#notes() note}, never as an operation. {@code ALTER SEQUENCE … INCREMENT
 * BY} on a sequence in use changes the ids every later insert gets (Hibernate's pooled
 * optimiser hands out blocks of the increment, so a mismatch with the entity's allocation
 * size makes ids collide); {@code RESTART} would reissue ids. Both stay an explicit choice in a
 * hand-written migration. The start is what the sequence was created with ({@code seqstart}),
 * not its position: it matters only to a database built from scratch.
 */
final class SequenceChanges {

    private SequenceChanges() {
    }

    /** The note for a sequence whose increment or start differs; empty when they agree. */
    static Optional<String> note(Sequence model, Sequence database) {
        boolean increment = model.increment() != database.increment();
        boolean start = model.start() != database.start();
        if (!increment && !start) {
            return Optional.empty();
        }
        StringBuilder note = new StringBuilder("Sequence ").append(model.name()).append(':');
        if (increment) {
            note.append(" increment ").append(database.increment()).append(" in the database, ")
                    .append(model.increment()).append(" in the model;");
        }
        if (start) {
            note.append(" start ").append(database.start()).append(" in the database, ").append(model.start())
                    .append(" in the model;");
        }
        note.append(" not altered, since that changes the values a sequence in use gives. To change it, write")
                .append(" op.execute(\"ALTER SEQUENCE ").append(model.name());
        if (increment) {
            note.append(" INCREMENT BY ").append(model.increment());
        }
        if (start) {
            note.append(" START WITH ").append(model.start());
        }
        return Optional.of(note.append("\") in a revision of your own.").toString());
    }
}
