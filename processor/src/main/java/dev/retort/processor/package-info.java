/** The annotation processor that checks revision graphs and writes their registries. */
package dev.retort.processor;
