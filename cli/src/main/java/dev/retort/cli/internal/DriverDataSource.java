package dev.retort.cli.internal;

import dev.retort.runtime.JdbcUrls;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} over a JDBC URL whose driver may live on the project classpath.
 * {@link DriverManager} refuses drivers from a class loader its caller cannot see, so the
 * drivers are looked up with {@link ServiceLoader} on the project class loader and asked
 * directly; {@code DriverManager} is the fallback for drivers registered some other way.
 */
public final class DriverDataSource implements DataSource {

    private final String url;
    private final String user;
    private final String password;
    private final ClassLoader classLoader;
    private volatile Driver driver;

    /** Connections to {@code url} through the driver {@code classLoader} provides; user and password may be null. */
    public DriverDataSource(String url, String user, String password, ClassLoader classLoader) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.classLoader = classLoader;
    }

    /** True when a driver on the class loader, or registered with DriverManager, accepts the URL. */
    public boolean hasDriver() {
        if (driver() != null) {
            return true;
        }
        try {
            DriverManager.getDriver(url);
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        return getConnection(user, password);
    }

    @Override
    public Connection getConnection(String username, String pass) throws SQLException {
        Properties properties = new Properties();
        if (username != null) {
            properties.setProperty("user", username);
        }
        // An empty password (init's "password=${env:RETORT_DB_PASSWORD:-}") means none: passed on,
        // H2 refuses it beside a URL's own PASSWORD= as a "Duplicate property".
        if (pass != null && !pass.isEmpty()) {
            properties.setProperty("password", pass);
        }
        Driver driver = driver();
        if (driver != null) {
            Connection connection = driver.connect(url, properties);
            if (connection != null) {
                return connection;
            }
        }
        return DriverManager.getConnection(url, properties);
    }

    private Driver driver() {
        Driver found = driver;
        if (found == null) {
            found = findDriver();
            driver = found;
        }
        return found;
    }

    private Driver findDriver() {
        for (Driver candidate : ServiceLoader.load(Driver.class, classLoader)) {
            try {
                if (candidate.acceptsURL(url)) {
                    return candidate;
                }
            } catch (SQLException e) {
                // a driver that cannot judge the URL is not the one we want
            }
        }
        return null;
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("Not a wrapper of " + iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }

    /** The JDBC URL as configured, secrets included: for connecting, never for printing. */
    public String url() {
        return url;
    }

    /** The URL with its secrets hidden ({@link JdbcUrls#redact(String)}): what messages and logs may show. */
    @Override
    public String toString() {
        return JdbcUrls.redact(url);
    }
}
