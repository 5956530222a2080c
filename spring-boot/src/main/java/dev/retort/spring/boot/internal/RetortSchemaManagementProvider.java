package dev.retort.spring.boot.internal;

import javax.sql.DataSource;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;

/**
 * Tells Spring Boot that Retort manages the schema of the DataSource it migrates, so
 * Hibernate's default {@code ddl-auto} on an embedded database becomes {@code none}
 * instead of {@code create-drop}, which would drop the tables Retort created.
 */
public final class RetortSchemaManagementProvider implements SchemaManagementProvider {

    private final DataSource managed;

    /** @param managed the DataSource Retort migrates, or {@code null} when it migrates another connection */
    public RetortSchemaManagementProvider(DataSource managed) {
        this.managed = managed;
    }

    @Override
    public SchemaManagement getSchemaManagement(DataSource dataSource) {
        return managed != null && managed.equals(dataSource) ? SchemaManagement.MANAGED : SchemaManagement.UNMANAGED;
    }
}
