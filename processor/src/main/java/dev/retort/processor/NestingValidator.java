package dev.retort.processor;

import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;

/** The revision class is top level or static nested: an inner class needs an enclosing instance. */
final class NestingValidator implements RevisionValidator {

    @Override
    public boolean validate(RevisionDescriptor revision, Reporter reporter) {
        NestingKind nesting = revision.element().getNestingKind();
        String what;
        if (nesting == NestingKind.MEMBER && !revision.element().getModifiers().contains(Modifier.STATIC)) {
            what = "a non-static inner class";
        } else if (nesting == NestingKind.LOCAL || nesting == NestingKind.ANONYMOUS) {
            // javac does not hand local classes to processors today; kept so that a compiler
            // that does gets a clear message instead of uncompilable generated code.
            what = "a local class";
        } else {
            return true;
        }
        reporter.error(revision, null, Message.INNER_CLASS, revision.className(), what);
        return false;
    }
}
