// Runs only when the PostgreSQL server answers; skipped with a message elsewhere, failed under CI=true.
def url = System.getenv('RETORT_TEST_POSTGRES_URL') ?: 'jdbc:postgresql://127.0.0.1:5432/test?user=postgres'
try {
    new org.postgresql.Driver().connect(url, new Properties()).close()
    return true
} catch (Exception e) {
    def message = "PostgreSQL at ${url} is unreachable (${e.message})"
    if ('true'.equalsIgnoreCase(System.getenv('CI'))) {
        throw new IllegalStateException("CI=true requires the PostgreSQL server, but ${message}")
    }
    System.err.println("SKIPPED upgrade-postgresql: ${message}")
    return false
}
