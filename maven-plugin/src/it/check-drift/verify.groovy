// check fails on drift against the database and on a shadow database; autogenerate writes
// the revision that closes it, which then compiles, applies and checks clean.
def log = new File(basedir, 'build.log').text
def lines = log.readLines()
def failures = lines.findAll { it.startsWith('[ERROR] Failed to execute goal dev.retort:retort-maven-plugin') }
assert failures.size() == 3 : failures

assert failures[0].contains(':check (default-cli) on project check-drift: New upgrade operations detected '
        + '(1 operation between the model and the database). Write them with: mvn retort:revision '
        + '-Dretort.autogenerate -Dretort.message="MESSAGE"') : failures[0]
assert failures[1].contains(':check (default-cli) on project check-drift: New upgrade operations detected '
        + '(1 operation between the model and the revisions).') : failures[1]
assert lines.count { it.startsWith('[ERROR]   op.addColumn("account", Column.of("email", Type.varchar(255)))') } == 2

// 5: includeSchemas and compareCheckConstraints compare what the default comparison leaves alone.
assert failures[2].contains(':check (default-cli) on project check-drift: New upgrade operations detected '
        + '(2 operations between the model and the database).') : failures[2]
assert lines.count { it.startsWith('[ERROR]   op.inSchema("audit").createTable("event"') } == 1
assert lines.count { it.startsWith('[ERROR]   op.createCheckConstraint("ck_account_name", "account", "name <> \'\'")') } == 1

// Every comparison (check x4, shadow check, autogenerate) warns of the sequence's increment
// without failing on it: the last check passed with the note printed.
def note = '[WARNING] NOTE: Sequence orders_seq: increment 50 in the database, 10 in the model;'
assert lines.count { it.startsWith(note) } == 5 : lines.findAll { it.contains('NOTE') }
assert lines.any { it.startsWith(note) && it.contains('op.execute("ALTER SEQUENCE orders_seq INCREMENT BY 10")') }

// The shadow check built a scratch database from the revisions and left the real one alone.
assert log.contains('Running upgrade  -> 1a2b3c4d5e6f')

// autogenerate
assert log.contains("[INFO] Detected added column 'account.email'")
def generated = lines.find { it ==~ /\[INFO\] Generating .*\.java \.\.\. done/ }
assert generated != null
def file = new File(generated.replaceAll(/\[INFO\] Generating (.*\.java) \.\.\. done/, '$1'))
assert file.isFile()
assert file.parentFile == new File(basedir, 'src/main/java/com/acme/migrations')
def source = file.text
assert source.contains('downRevision = "2b3c4d5e6f70"')
assert source.contains('message = "add account email"')
assert source.contains('op.addColumn("account", Column.of("email", Type.varchar(255)));')
assert source.contains('op.dropColumn("account", "email");')

// 4: the new revision compiled, ran, and the model matches.
assert lines.any { it ==~ /\[INFO\] Upgraded 2b3c4d5e6f70 -> \w+, add account email \(\d+ ms\)/ }
def clean = lines.findLastIndexOf { it == '[INFO] No new upgrade operations detected.' }
assert clean > lines.indexOf(failures[1]) && clean < lines.indexOf(failures[2])
return true
