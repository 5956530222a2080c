package dev.retort.spring.boot.sample;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.stereotype.Component;

/**
 * Reads the customer table in its constructor, through the bare DataSource: only {@code
 * @DependsOnDatabaseInitialization} makes Spring create it after Retort's migration. As a
 * component of the application it would otherwise come before every auto-configured bean.
 */
@Component
@DependsOnDatabaseInitialization
public class CustomerCount {

    private final long atStartUp;

    public CustomerCount(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM customer")) {
            rows.next();
            this.atStartUp = rows.getLong(1);
        }
    }

    public long atStartUp() {
        return atStartUp;
    }
}
