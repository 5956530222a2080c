/**
 * The starter's machinery: how it chooses the registry and the DataSource, tells Spring
 * Boot that it initializes the database, checks the schema at start-up and explains a
 * failed start. No compatibility promise: use {@code dev.retort.spring.boot}.
 */
package dev.retort.spring.boot.internal;
