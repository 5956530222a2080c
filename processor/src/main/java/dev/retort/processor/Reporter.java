package dev.retort.processor;

import java.util.HashMap;
import java.util.Map;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationValue;
import javax.tools.Diagnostic;

/**
 * Prints diagnostics on the most precise source position available and counts the errors
 * of each package. Nothing here throws: one compile shows every problem.
 */
final class Reporter {

    private final Messager messager;
    private final Map<String, Integer> errorsByPackage = new HashMap<>();

    Reporter(Messager messager) {
        this.messager = messager;
    }

    /** An error on the revision's annotation, or on {@code value} inside it when not null. */
    void error(RevisionDescriptor revision, AnnotationValue value, Message message, Object... args) {
        report(Diagnostic.Kind.ERROR, revision, value, message, args);
    }

    /** A diagnostic of any kind on the revision's annotation, or on {@code value} inside it when not null. */
    void report(Diagnostic.Kind kind, RevisionDescriptor revision, AnnotationValue value, Message message,
            Object... args) {
        String text = message.format(args);
        if (value != null) {
            messager.printMessage(kind, text, revision.element(), revision.mirror(), value);
        } else {
            messager.printMessage(kind, text, revision.element(), revision.mirror());
        }
        if (kind == Diagnostic.Kind.ERROR) {
            errorsByPackage.merge(revision.packageName(), 1, Integer::sum);
        }
    }

    /** An error that belongs to no source element, such as a bad processor option. */
    void error(Message message, Object... args) {
        messager.printMessage(Diagnostic.Kind.ERROR, message.format(args));
    }

    /** An error of a whole package that no single revision causes. */
    void packageError(String packageName, Message message, Object... args) {
        messager.printMessage(Diagnostic.Kind.ERROR, message.format(args));
        errorsByPackage.merge(packageName, 1, Integer::sum);
    }

    /** True when an error was reported on a revision of {@code packageName}. */
    boolean hasErrors(String packageName) {
        return errorsByPackage.getOrDefault(packageName, 0) > 0;
    }
}
