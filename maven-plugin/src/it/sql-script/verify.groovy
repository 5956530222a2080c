// Offline SQL written to files: PostgreSQL's dialect from the URL, no connection made.
def log = new File(basedir, 'build.log').text

def upgrade = new File(basedir, 'target/retort/upgrade.sql')
assert upgrade.isFile()
def up = upgrade.text
assert up.contains('CREATE TABLE IF NOT EXISTS retort_version')
assert up.contains('BEGIN;')
assert up.contains('CREATE TABLE account')
assert up.contains('CREATE TABLE orders')
assert up.indexOf('CREATE TABLE account') < up.indexOf('CREATE TABLE orders')
assert up.contains("INSERT INTO retort_version (version_num) VALUES ('1a2b3c4d5e6f');")
assert up.contains("UPDATE retort_version SET version_num='2b3c4d5e6f70' WHERE version_num='1a2b3c4d5e6f';")
assert log.contains('upgrade.sql: 2 migrations, <base> -> 2b3c4d5e6f70')

def ranged = new File(basedir, 'target/scripts/from-account.sql').text
assert !ranged.contains('CREATE TABLE account')
assert !ranged.contains('CREATE TABLE IF NOT EXISTS retort_version')
assert ranged.contains('CREATE TABLE orders')
assert log.contains('from-account.sql: 1 migration, 1a2b3c4d5e6f -> 2b3c4d5e6f70')

def down = new File(basedir, 'target/retort/downgrade.sql').text
assert down.indexOf('DROP TABLE orders') >= 0
assert down.indexOf('DROP TABLE orders') < down.indexOf('DROP TABLE account')
assert log.contains('downgrade.sql: 2 migrations, 2b3c4d5e6f70 -> <base>')

assert !log.contains('Connection refused') && !log.contains('BUILD FAILURE')
return true
