package dev.retort.processor;

import javax.lang.model.element.ElementKind;

/** {@code @Revision} sits on a class (or a record), not on an interface, enum or annotation type. */
final class ClassKindValidator implements RevisionValidator {

    @Override
    public boolean validate(RevisionDescriptor revision, Reporter reporter) {
        ElementKind kind = revision.element().getKind();
        if (kind == ElementKind.CLASS || kind == ElementKind.RECORD) {
            return true;
        }
        String what = switch (kind) {
            case INTERFACE -> "an interface";
            case ENUM -> "an enum";
            case ANNOTATION_TYPE -> "an annotation type";
            default -> "a " + kind.name().toLowerCase(java.util.Locale.ROOT);
        };
        reporter.error(revision, null, Message.NOT_A_CLASS, revision.className(), what);
        return false;
    }
}
