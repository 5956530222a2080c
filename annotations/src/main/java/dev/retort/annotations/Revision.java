package dev.retort.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class as one revision of a migration graph.
 *
 * <p>Each revision names its own {@link #id() id} and the revision (or revisions) it
 * follows. Retort's annotation processor reads every {@code @Revision} of a Java
 * package, refuses to compile a broken graph, and writes a {@code GeneratedMigrations}
 * registry in that package.
 *
 * <pre>{@code
 * /** Create the account table. *}{@code /
 * @Revision(id = "3512b954651e", downRevision = "2b1ae634e5cd")
 * public final class AddAccount implements Migration {
 *     public void upgrade(Operations op) { ... }
 *     public void downgrade(Operations op) { ... }
 * }
 * }</pre>
 *
 * <p>The annotated class must be public, concrete, top level or static nested, implement
 * {@code dev.retort.runtime.Migration} and have a public no-argument constructor.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Revision {

    /**
     * The revision's identifier: 1 to 32 letters, digits or underscores, unique within
     * the package. {@code retort revision} writes a fresh 12-hex-digit one.
     */
    String id();

    /**
     * The revision or revisions this one follows. Empty for a base (the first revision
     * of a graph or of an independent branch); two or more for a merge point.
     */
    String[] downRevision() default {};

    /**
     * Names for the branch that starts or continues at this revision, so that targets
     * such as {@code "label@head"} can address it. Labels are unique in a graph and
     * never equal a revision id.
     */
    String[] branchLabels() default {};

    /**
     * Revisions, usually on another branch, that must be applied before this one
     * without being its parents (Alembic's {@code depends_on}).
     */
    String[] dependsOn() default {};

    /**
     * A short description shown in history and in log lines. When empty, the first
     * sentence of the class javadoc is used.
     */
    String message() default "";
}
