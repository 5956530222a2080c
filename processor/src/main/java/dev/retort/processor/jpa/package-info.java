/**
 * Reads {@code jakarta.persistence} entities from source elements into the runtime's schema
 * model and writes it as {@code GeneratedSchema}. Internal to the processor: no compatibility
 * promise. The JPA annotations are read by their qualified names, so the processor needs no
 * JPA jar of its own.
 */
package dev.retort.processor.jpa;
