/**
 * The command line's internals: the source parser, templates, class loading and JDBC
 * connection. No compatibility promise: use {@link dev.retort.cli.Commands} and
 * {@link dev.retort.cli.Config} instead.
 */
package dev.retort.cli.internal;
