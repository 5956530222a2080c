package dev.retort.runtime;

import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Runs the revisions of one registry against one database: upgrade and downgrade to any
 * target, stamp, and read the current state. Built once, immutable, thread-safe.
 *
 * <pre>{@code
 * Migrator migrator = Migrator.builder(GeneratedMigrations.REGISTRY)
 *         .dataSource(dataSource)
 *         .build();
 * migrator.upgrade("head");
 * migrator.downgrade("-1");
 * }</pre>
 */
public final class Migrator {

    private final MigrationRegistry registry;
    private final DataSource dataSource;

    private Migrator(Builder builder) {
        this.registry = builder.registry;
        this.dataSource = Objects.requireNonNull(builder.dataSource, "dataSource");
    }

    /** Starts building a migrator for the revisions of {@code registry}. */
    public static Builder builder(MigrationRegistry registry) {
        return new Builder(registry);
    }

    /** Applies every revision needed to reach {@code target} ({@code "head"}, {@code "+1"}, an id, …). */
    public MigrationResult upgrade(String target) {
        throw new UnsupportedOperationException("pending: implemented by the migrator task");
    }

    /** Undoes revisions down to {@code target} ({@code "base"}, {@code "-1"}, an id, …). */
    public MigrationResult downgrade(String target) {
        throw new UnsupportedOperationException("pending");
    }

    /** Writes the version table to name exactly these revisions without running any migration. */
    public MigrationResult stamp(String... revisions) {
        throw new UnsupportedOperationException("pending");
    }

    /** The revisions recorded in the database's version table, sorted; empty at base. */
    public List<String> current() {
        throw new UnsupportedOperationException("pending");
    }

    /** The heads of the registry's graph, sorted. */
    public List<String> heads() {
        throw new UnsupportedOperationException("pending");
    }

    /** The bases of the registry's graph, sorted. */
    public List<String> bases() {
        throw new UnsupportedOperationException("pending");
    }

    /** Every revision, newest first, as {@code retort history} lists them. */
    public List<RevisionInfo> history() {
        throw new UnsupportedOperationException("pending");
    }

    /** Options of a {@link Migrator}. */
    public static final class Builder {
        private final MigrationRegistry registry;
        private DataSource dataSource;

        private Builder(MigrationRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
        }

        /** The database to migrate. Required. */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            return this;
        }

        public Migrator build() {
            return new Migrator(this);
        }
    }
}
