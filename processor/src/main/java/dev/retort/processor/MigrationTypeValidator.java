package dev.retort.processor;

import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/** The revision class implements {@code dev.retort.runtime.Migration}. */
final class MigrationTypeValidator implements RevisionValidator {

    private final Types types;
    private final TypeMirror migration;

    MigrationTypeValidator(Types types, TypeMirror migration) {
        this.types = types;
        this.migration = migration;
    }

    @Override
    public boolean validate(RevisionDescriptor revision, Reporter reporter) {
        if (types.isAssignable(types.erasure(revision.element().asType()), migration)) {
            return true;
        }
        reporter.error(revision, null, Message.NOT_MIGRATION, revision.className());
        return false;
    }
}
