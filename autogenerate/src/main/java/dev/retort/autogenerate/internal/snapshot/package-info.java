/**
 * The snapshots' implementation: schema JSON (write, read), its diff, the revision walk (the
 * stairway the test kit runs) and a quiet logger. No compatibility promise: the test kit,
 * released with this module, is its only other user.
 */
package dev.retort.autogenerate.internal.snapshot;
