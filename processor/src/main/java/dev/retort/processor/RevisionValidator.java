package dev.retort.processor;

/** One rule about a single {@code @Revision} class. Reports what is wrong and never throws. */
interface RevisionValidator {

    /** Checks {@code revision}, reports every violation, and returns true when there was none. */
    boolean validate(RevisionDescriptor revision, Reporter reporter);
}
