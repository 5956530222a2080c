// Neither password reaches the log, yet each reached its driver.

def log = new File(basedir, 'build.log').text
assert !log.contains('s3cr3t') : 'a password was printed'

assert log.contains('[INFO] Upgrading jdbc:h2:file:')
assert log.readLines().any { it ==~ /\[INFO\] Upgraded 1a2b3c4d5e6f -> 2b3c4d5e6f70, Create the orders table \(\d+ ms\)/ }

def error = log.readLines().find { it.startsWith('[ERROR] Failed to execute goal dev.retort:retort-maven-plugin') }
assert error != null
assert error.contains(':current (default-cli) on project secrets: Cannot connect to '
        + 'jdbc:postgresql://127.0.0.1:1/app?user=app&password=***: Connection to 127.0.0.1:1 refused.') : error
assert error.contains("Check that the database is running and that the retort-maven-plugin's url (-Dretort.url) "
        + 'names it, with the right user and password.') : error

// The database was created with the password from the environment, so only it opens it.
def credentials = new Properties()
credentials.user = 'sa'
credentials.password = 's3cr3t-from-env'
def connection = new org.h2.Driver().connect("jdbc:h2:file:${basedir}/db/secret", credentials)
try {
    def rs = connection.createStatement().executeQuery('SELECT version_num FROM retort_version')
    assert rs.next() && rs.getString(1) == '2b3c4d5e6f70'
} finally {
    connection.close()
}
return true
