/**
 * The migrator's commands, one class each ({@link MigrateCommand} for upgrade and downgrade,
 * {@link StampCommand}, {@link QueryCommands}, {@link OfflineCommand}), over the pieces they
 * share: the settings, graph and connection set-up in {@link MigrationContext}, and the step
 * loop that runs a plan online or writes it to a script. {@code dev.retort.runtime.Migrator}
 * is their public facade. Internal: no compatibility promise.
 */
package dev.retort.runtime.internal.command;
