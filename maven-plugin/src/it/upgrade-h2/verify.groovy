// The bound upgrade ran after compile, the goals run by hand compiled first, and the bad
// target failed with one line naming it.

def log = new File(basedir, 'build.log').text
def lines = log.readLines()

// 1: bound upgrade, default target heads, after the compiler.
def compileAt = lines.findIndexOf { it.contains('--- compiler:') && it.contains(':compile (default-compile) @ upgrade-h2') }
def upgradeAt = lines.findIndexOf { it.contains('--- retort:') && it.contains(':upgrade (default) @ upgrade-h2') }
assert compileAt >= 0 && upgradeAt > compileAt : 'the bound upgrade runs after compile'
assert log.contains('[INFO] Upgrading jdbc:h2:file:')
assert log.contains(' to heads')
assert log.contains('[INFO] Running upgrade  -> 1a2b3c4d5e6f, Create the account table')
assert lines.any { it ==~ /\[INFO\] Upgraded <base> -> 1a2b3c4d5e6f, Create the account table \(\d+ ms\)/ }
assert lines.any { it ==~ /\[INFO\] Upgraded 1a2b3c4d5e6f -> 2b3c4d5e6f70, Create the orders table \(\d+ ms\)/ }

// 2: check, history and current by hand.
assert log.contains('[INFO] No new upgrade operations detected.')
def history = lines.findAll { it.startsWith('[INFO] ') && it.contains(' -> ') && it.contains(', Create the ') && !it.contains('Upgraded') && !it.contains('Running') }
assert history == ['[INFO] 1a2b3c4d5e6f -> 2b3c4d5e6f70 (head), Create the orders table',
                   '[INFO] <base> -> 1a2b3c4d5e6f, Create the account table'] : history
assert log.contains('[INFO] 2b3c4d5e6f70 (head)')

// 3: the bad target.
def error = lines.find { it.startsWith('[ERROR] Failed to execute goal dev.retort:retort-maven-plugin') }
assert error != null
assert error.contains(':upgrade (default-cli) on project upgrade-h2: ')
assert error.endsWith(": No such revision or branch 'nosuchrev'. Run 'mvn retort:history' to list the revisions. -> [Help 1]") : error
def next = lines[lines.indexOf(error) + 1]
assert next.startsWith('[ERROR] ') && !next.contains('nosuchrev') : 'one line: ' + next

// The database the user reads: both tables, the version table at the head.
def credentials = new Properties()
credentials.user = 'sa'
def connection = new org.h2.Driver().connect("jdbc:h2:file:${basedir}/db/app", credentials)
try {
    def tables = []
    def rs = connection.metaData.getTables(null, 'PUBLIC', '%', ['TABLE'] as String[])
    while (rs.next()) { tables << rs.getString('TABLE_NAME') }
    // Retort's own tables beside the version table: the lock and the journal of a step in flight.
    assert tables.sort() == ['ACCOUNT', 'ORDERS', 'RETORT_VERSION', 'RETORT_VERSION_JOURNAL', 'RETORT_VERSION_LOCK'] : tables
    def version = connection.createStatement().executeQuery('SELECT version_num FROM retort_version')
    assert version.next() && version.getString(1) == '2b3c4d5e6f70'
    assert !version.next()
} finally {
    connection.close()
}
return true
