/**
 * Retort's implementation. Nothing here is public API: it changes without notice and
 * without compatibility promise. Use {@code dev.retort.runtime} and its documented
 * sub-packages instead.
 */
package dev.retort.runtime.internal;
