/**
 * Batch mode's machinery: reading a table's definition, applying a batch's changes to it,
 * and running the move and copy. Internal: no compatibility promise.
 */
package dev.retort.runtime.internal.batch;
