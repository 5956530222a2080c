package dev.retort.spring.boot;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code retort.*} properties of the Spring Boot starter. Each one is optional: with
 * none set, the starter upgrades the application's {@code DataSource} to {@code heads} with
 * the one registry on the class path.
 *
 * <pre>
 * retort.target=heads
 * retort.version-table=retort_version
 * retort.lock-timeout=2m
 * retort.check-on-start=true
 * </pre>
 */
@ConfigurationProperties(prefix = "retort")
public class RetortProperties {

    /** Whether to run the migrations at start-up. */
    private boolean enabled = true;

    /**
     * The revision to upgrade to at start-up, in Retort's target syntax: "heads" (every
     * branch), "head", a revision id, "label@head".
     */
    private String target = "heads";

    /** The version table's name; "alembic_version" takes over a database Alembic managed. */
    // Literals rather than Migrator's constants, so the IDE metadata shows the defaults.
    private String versionTable = "retort_version";

    /** The schema of the version table; the connection's current schema when not set. */
    private String versionTableSchema;

    /** How long start-up waits for another instance's migration lock before it fails. */
    private Duration lockTimeout = Duration.ofMinutes(5);

    /**
     * JDBC URL of a connection used for the migrations only, for instance with a user that
     * may change the schema; the application's DataSource when not set.
     */
    private String url;

    /**
     * User of the migration connection: with "retort.url", or alone to connect to the
     * application's database as another user.
     */
    private String user;

    /** Password of the migration connection's user. */
    private String password;

    /**
     * Whether to refuse to start when the database, once migrated, differs from the model:
     * the JPA entities' GeneratedSchema, a Metadata bean or "retort.metadata".
     */
    private boolean checkOnStart;

    /**
     * The model "retort.check-on-start" compares with: a static Metadata field such as
     * "com.acme.model.Schema.METADATA". When not set, a Metadata bean, else the
     * GeneratedSchema.METADATA the processor writes from JPA entities in the registry's
     * package.
     */
    private String metadata;

    // "package" is a Java keyword: the field has another name, the property keeps it.
    private String packageName;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public String getVersionTable() {
        return versionTable;
    }

    public void setVersionTable(String versionTable) {
        this.versionTable = versionTable;
    }

    public String getVersionTableSchema() {
        return versionTableSchema;
    }

    public void setVersionTableSchema(String versionTableSchema) {
        this.versionTableSchema = versionTableSchema;
    }

    public Duration getLockTimeout() {
        return lockTimeout;
    }

    public void setLockTimeout(Duration lockTimeout) {
        this.lockTimeout = lockTimeout;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public boolean isCheckOnStart() {
        return checkOnStart;
    }

    public void setCheckOnStart(boolean checkOnStart) {
        this.checkOnStart = checkOnStart;
    }

    public String getMetadata() {
        return metadata;
    }

    public void setMetadata(String metadata) {
        this.metadata = metadata;
    }

    /**
     * The Java package of the revisions to run, when the class path holds several
     * registries (each package of {@code @Revision} classes has one).
     */
    public String getPackage() {
        return packageName;
    }

    /** Sets {@link #getPackage()}. */
    public void setPackage(String packageName) {
        this.packageName = packageName;
    }
}
