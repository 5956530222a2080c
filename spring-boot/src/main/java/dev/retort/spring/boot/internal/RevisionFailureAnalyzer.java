package dev.retort.spring.boot.internal;

import dev.retort.graph.RevisionException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A start-up stopped because {@code retort.target} names no revision, or an ambiguous one. */
class RevisionFailureAnalyzer extends AbstractFailureAnalyzer<RevisionException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RevisionException cause) {
        return new FailureAnalysis("Retort cannot plan the start-up upgrade: " + cause.getMessage(),
                "Set retort.target to heads (the default), head, a revision id or label@head; 'retort history' "
                        + "lists the revisions.", cause);
    }
}
