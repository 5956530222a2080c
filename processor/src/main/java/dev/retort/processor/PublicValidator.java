package dev.retort.processor;

import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/** The revision class, and every class it is nested in, is public. */
final class PublicValidator implements RevisionValidator {

    @Override
    public boolean validate(RevisionDescriptor revision, Reporter reporter) {
        TypeElement type = revision.element();
        if (!type.getModifiers().contains(Modifier.PUBLIC)) {
            reporter.error(revision, null, Message.NOT_PUBLIC, revision.className(), "");
            return false;
        }
        for (Element outer = type.getEnclosingElement(); outer instanceof TypeElement t;
                outer = t.getEnclosingElement()) {
            if (!t.getModifiers().contains(Modifier.PUBLIC)) {
                reporter.error(revision, null, Message.NOT_PUBLIC, revision.className(),
                        " (its enclosing class " + t.getQualifiedName() + " is not public)");
                return false;
            }
        }
        return true;
    }
}
