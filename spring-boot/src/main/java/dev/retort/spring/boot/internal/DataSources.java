package dev.retort.spring.boot.internal;

import dev.retort.runtime.JdbcUrls;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Chooses the DataSource the migrations run on, and describes it without its password. */
public final class DataSources {

    private DataSources() {
    }

    /**
     * The DataSource to migrate and how to name it in logs and messages.
     *
     * @param dataSource  the connection the migrations use
     * @param description where it points, with every password replaced by {@code ***}
     */
    public record Chosen(DataSource dataSource, String description) {
    }

    /**
     * In order: the {@code @RetortDataSource} bean; {@code retort.url} (with {@code
     * retort.user} and {@code retort.password}); the application's DataSource as {@code
     * retort.user} when only the user is set; the application's DataSource.
     *
     * @throws IllegalStateException when none applies, saying what to configure
     */
    public static Chosen choose(DataSource retortDataSource, DataSource applicationDataSource, String url,
                                String user, String password) {
        if (retortDataSource != null) {
            return new Chosen(retortDataSource, "the @RetortDataSource " + describe(retortDataSource, password));
        }
        if (hasText(url)) {
            return new Chosen(new DriverManagerDataSource(url.strip(), user, password),
                    JdbcUrls.redact(url.strip(), password) + userSuffix(user));
        }
        if (applicationDataSource == null) {
            throw new IllegalStateException("Retort found no DataSource to migrate: the application has none, or "
                    + "several and none is @Primary. Configure spring.datasource.url, mark one DataSource @Primary "
                    + "or @RetortDataSource, or set retort.url.");
        }
        if (hasText(user)) {
            String applicationUrl = url(applicationDataSource);
            return new Chosen(new DriverManagerDataSource(applicationUrl, user, password),
                    JdbcUrls.redact(applicationUrl, password) + userSuffix(user));
        }
        return new Chosen(applicationDataSource, describe(applicationDataSource, password));
    }

    private static String describe(DataSource dataSource, String password) {
        try (Connection connection = dataSource.getConnection()) {
            return JdbcUrls.redact(connection.getMetaData().getURL(), password);
        } catch (SQLException | RuntimeException e) {
            // Only a description: the migration itself reports an unreachable database.
            return dataSource.getClass().getSimpleName();
        }
    }

    private static String url(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getURL();
        } catch (SQLException e) {
            throw new IllegalStateException("retort.user is set without retort.url, so Retort connects to the "
                    + "application's database as that user, but cannot read that database's URL: "
                    + JdbcUrls.redact(e.getMessage()) + ". Set retort.url too.", e);
        }
    }

    private static String userSuffix(String user) {
        return hasText(user) ? " as " + user.strip() : "";
    }

    private static boolean hasText(String text) {
        return text != null && !text.isBlank();
    }
}
