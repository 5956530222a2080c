// The tables and the version table are in this run's schema; the schema is dropped whatever happened.
def server = System.getenv('RETORT_TEST_POSTGRES_URL') ?: 'jdbc:postgresql://127.0.0.1:5432/test?user=postgres'
def schemaFile = new File(basedir, 'schema.txt')
if (!schemaFile.isFile()) {
    return true  // the pre-build script did not get as far as creating it
}
def schema = schemaFile.text.trim()
def connection = new org.postgresql.Driver().connect(server, new Properties())
try {
    def log = new File(basedir, 'build.log').text
    assert log.contains('[INFO] Upgrading jdbc:postgresql://')
    assert log.contains("currentSchema=${schema} to heads")
    assert log.readLines().any { it ==~ /\[INFO\] Upgraded 1a2b3c4d5e6f -> 2b3c4d5e6f70, Create the orders table \(\d+ ms\)/ }

    def tables = []
    def rs = connection.createStatement().executeQuery(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = '${schema}' ORDER BY table_name")
    while (rs.next()) { tables << rs.getString(1) }
    assert tables == ['account', 'orders', 'retort_version'] : tables
    def version = connection.createStatement().executeQuery("SELECT version_num FROM ${schema}.retort_version")
    assert version.next() && version.getString(1) == '2b3c4d5e6f70'
    assert !version.next()
} finally {
    connection.createStatement().execute("DROP SCHEMA IF EXISTS ${schema} CASCADE")
    connection.close()
}
return true
