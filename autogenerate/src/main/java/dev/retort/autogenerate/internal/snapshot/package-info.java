/**
 * The snapshots' implementation: schema JSON (write, read), its diff and a quiet logger. No
 * compatibility promise, and no other module uses it: the test kit reaches it through {@link
 * dev.retort.autogenerate.snapshot}.
 */
package dev.retort.autogenerate.internal.snapshot;
