// A schema of this run's own on the shared server; retort.properties points the plugin at it.
def server = System.getenv('RETORT_TEST_POSTGRES_URL') ?: 'jdbc:postgresql://127.0.0.1:5432/test?user=postgres'
def schema = 'retort_it_' + UUID.randomUUID().toString().replace('-', '').substring(0, 12)
def connection = new org.postgresql.Driver().connect(server, new Properties())
try {
    connection.createStatement().execute("CREATE SCHEMA ${schema}")
} finally {
    connection.close()
}
def url = server + (server.contains('?') ? '&' : '?') + 'currentSchema=' + schema
new File(basedir, 'retort.properties').text = """\
url=${url}
package=com.acme.migrations
"""
new File(basedir, 'schema.txt').text = schema
return true
