package dev.retort.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@link Commands#revision(Config, RevisionOptions)} writes, as the options of
 * {@code retort revision}. Immutable; start with {@link #message(String)} and add options
 * with the {@code with…} methods.
 *
 * <pre>{@code
 * Commands.revision(config, RevisionOptions.message("create networking branch")
 *         .withHead("base").withBranchLabel("networking"));
 * }</pre>
 *
 * @param message      the revision's message
 * @param head         the parent: {@code head} (default), an id, a label, {@code label@head}, or {@code base} for a new base
 * @param splice       allow a parent that is not a head, starting a new branch
 * @param branchLabels labels the new revision declares
 * @param dependsOn    revisions (ids, prefixes or labels) the new revision depends on
 * @param revisionId   the id to use instead of a fresh one, or {@code null}
 * @param versionPath  the source folder to write to instead of the first configured one, or {@code null}
 */
public record RevisionOptions(String message, String head, boolean splice, List<String> branchLabels,
                              List<String> dependsOn, String revisionId, Path versionPath) {

    /** Copies the lists; a {@code null} or blank {@code head} means {@code head}. */
    public RevisionOptions {
        Objects.requireNonNull(message, "message");
        head = head == null || head.isBlank() ? "head" : head;
        branchLabels = List.copyOf(branchLabels);
        dependsOn = List.copyOf(dependsOn);
    }

    /** A revision on the current head with this message. */
    public static RevisionOptions message(String message) {
        return new RevisionOptions(message, "head", false, List.of(), List.of(), null, null);
    }

    /** The same options with another parent ({@code --head}). */
    public RevisionOptions withHead(String newHead) {
        return new RevisionOptions(message, newHead, splice, branchLabels, dependsOn, revisionId, versionPath);
    }

    /** The same options allowing a parent that is not a head ({@code --splice}). */
    public RevisionOptions withSplice(boolean newSplice) {
        return new RevisionOptions(message, head, newSplice, branchLabels, dependsOn, revisionId, versionPath);
    }

    /** The same options plus one branch label ({@code --branch-label}). */
    public RevisionOptions withBranchLabel(String label) {
        List<String> labels = new ArrayList<>(branchLabels);
        labels.add(label);
        return new RevisionOptions(message, head, splice, labels, dependsOn, revisionId, versionPath);
    }

    /** The same options plus one dependency ({@code --depends-on}). */
    public RevisionOptions withDependsOn(String revision) {
        List<String> deps = new ArrayList<>(dependsOn);
        deps.add(revision);
        return new RevisionOptions(message, head, splice, branchLabels, deps, revisionId, versionPath);
    }

    /** The same options with a chosen id ({@code --rev-id}). */
    public RevisionOptions withRevisionId(String id) {
        return new RevisionOptions(message, head, splice, branchLabels, dependsOn, id, versionPath);
    }

    /** The same options writing into another source folder ({@code --version-path}). */
    public RevisionOptions withVersionPath(Path path) {
        return new RevisionOptions(message, head, splice, branchLabels, dependsOn, revisionId, path);
    }
}
