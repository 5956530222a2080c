package dev.retort.spring.boot.race;

import dev.retort.annotations.Revision;
import dev.retort.runtime.Migration;
import dev.retort.runtime.Operations;

/** Log this revision, slowly, so that two instances starting together overlap. */
@Revision(id = "d2f1b8c4e631", downRevision = "c1e0a7b3d520")
public final class SlowFirstStep implements Migration {

    @Override
    public void upgrade(Operations op) {
        op.execute("INSERT INTO race_log (revision) VALUES (?)", "d2f1b8c4e631");
        try {
            Thread.sleep(400);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void downgrade(Operations op) {
        op.execute("DELETE FROM race_log WHERE revision = ?", "d2f1b8c4e631");
    }
}
