/**
 * Autogenerate: reads a live schema ({@code Introspection}), compares it with a model
 * ({@code Comparison}) and writes the difference as a revision ({@code JavaRenderer}). A
 * build-time tool for the command line, the build plugins and tests; an application that
 * only migrates does not need it.
 */
module dev.retort.autogenerate {
    requires transitive dev.retort.runtime;

    exports dev.retort.autogenerate;
}
