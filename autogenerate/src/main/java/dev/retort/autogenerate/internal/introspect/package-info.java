/**
 * Catalogue readers behind {@code dev.retort.autogenerate.Introspection}: one per
 * database, chosen by {@code Dialect.name()}, each reading a whole schema in a handful of
 * catalogue queries. Internal: no compatibility promise.
 */
package dev.retort.autogenerate.internal.introspect;
