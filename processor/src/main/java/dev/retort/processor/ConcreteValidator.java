package dev.retort.processor;

import javax.lang.model.element.Modifier;

/** The revision class is not abstract: the registry must be able to create it. */
final class ConcreteValidator implements RevisionValidator {

    @Override
    public boolean validate(RevisionDescriptor revision, Reporter reporter) {
        if (revision.element().getModifiers().contains(Modifier.ABSTRACT)) {
            reporter.error(revision, null, Message.ABSTRACT, revision.className());
            return false;
        }
        return true;
    }
}
