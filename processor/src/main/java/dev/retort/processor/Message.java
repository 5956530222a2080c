package dev.retort.processor;

import java.util.Locale;

/**
 * Every diagnostic the processor reports. Each message starts with a stable tag that
 * tests, documentation and users can search for; the text says what was found and what
 * to do about it. Arguments are filled in with {@link String#format}.
 */
enum Message {

    INVALID_OPTION("RevisionInvalidOption",
            "Option -A%s has the value \"%s\", which is not one of %s. Pass one of them, or drop the option "
            + "to get the default (%s)."),

    RUNTIME_MISSING("RevisionRuntimeMissing",
            "The type %s is not on the compile classpath, so the @Revision classes of package %s cannot be "
            + "checked or registered. Add the retort-runtime dependency to the project (the processor path "
            + "alone is not enough: the generated code and your migrations use it)."),

    NOT_A_CLASS("RevisionNotAClass",
            "@Revision is on %s, which is %s. Put @Revision on a class that implements "
            + "dev.retort.runtime.Migration."),

    NOT_PUBLIC("RevisionNotPublic",
            "Revision class %s is not public%s. Make it public so the generated registry and tools can "
            + "create it."),

    ABSTRACT("RevisionAbstract",
            "Revision class %s is abstract, so the registry cannot create it. Make it concrete, or move "
            + "@Revision to a concrete subclass."),

    INNER_CLASS("RevisionInnerClass",
            "Revision class %s is %s, so it cannot be created without an enclosing instance. Make it a "
            + "top-level class or a static nested class."),

    NOT_MIGRATION("RevisionNotMigration",
            "Revision class %s does not implement dev.retort.runtime.Migration. Add "
            + "\"implements Migration\" with its upgrade and downgrade methods."),

    NO_PUBLIC_CONSTRUCTOR("RevisionNoPublicConstructor",
            "Revision class %s has no public no-argument constructor that throws no checked exception; "
            + "the registry creates it with \"new %s()\". Add \"public %s() {}\" or remove the other "
            + "constructors' parameters and checked exceptions."),

    DUPLICATE_ID("RevisionDuplicateId",
            "Revision id \"%s\" of %s is also declared by %s. Ids are unique within package %s: give one of "
            + "them a fresh id (retort revision generates one) and update the revisions that name it."),

    INVALID_ID("RevisionInvalidId",
            "Revision id \"%s\" of %s is %s. An id has 1 to 32 characters, each a letter, digit or '_' "
            + "(retort revision generates a 12-hex-digit one)."),

    UNKNOWN_DOWN_REVISION("RevisionUnknownDown",
            "downRevision \"%s\" of %s (id \"%s\") names no revision of package %s%s. Fix the id, or add "
            + "the missing revision to this package."),

    UNKNOWN_DEPENDENCY("RevisionUnknownDependsOn",
            "dependsOn \"%s\" of %s (id \"%s\") names no revision of package %s%s. Fix the id, or add the "
            + "missing revision to this package."),

    CYCLE("RevisionCycle",
            "Revision %s (id \"%s\") is part of a cycle: %s (read as history prints it: each revision is "
            + "the downRevision or dependsOn of the next). A revision cannot follow itself: remove one "
            + "downRevision or dependsOn entry of the cycle."),

    DUPLICATE_BRANCH_LABEL("RevisionDuplicateBranchLabel",
            "Branch label \"%s\" of %s (id \"%s\") is also declared by %s. A label names one branch: rename "
            + "one of them, or keep it only on the revision where the branch starts."),

    BRANCH_LABEL_IS_REVISION_ID("RevisionBranchLabelIsId",
            "Branch label \"%s\" of %s (id \"%s\") is also the id of revision %s, so targets such as \"%s\" "
            + "would be ambiguous. Rename the label."),

    MULTIPLE_HEADS("RevisionMultipleHeads",
            "Package %s has %d heads that no branch label tells apart: %s; this is %s (id \"%s\"). Two "
            + "revisions follow the same down revision (a merge conflict). Write a merge revision with "
            + "downRevision = %s (retort merge heads), or give each branch its own branchLabels if the "
            + "branches are deliberate (-Aretort.multipleHeads=warn or allow turns this off)."),

    MULTIPLE_BASES("RevisionMultipleBases",
            "Package %s has %d bases that no branch label tells apart: %s; this is %s (id \"%s\"). Only the "
            + "first revision of a graph has an empty downRevision: set downRevision of the others to the "
            + "revision they follow, or give each independent branch its own branchLabels "
            + "(-Aretort.multipleHeads=warn or allow turns this off)."),

    LATE_ROUND("RevisionLateRound",
            "Revision %s (id \"%s\") was generated in a later processing round than the other revisions of "
            + "package %s, whose GeneratedMigrations is already written. Generate all revisions of a package "
            + "in the same round, or move this one to another package."),

    WRITE_FAILED("RevisionWriteFailed",
            "Could not write %s: %s. Check that no class of that name exists in the package and that the "
            + "output directory is writable."),

    // ---- JPA entities read into GeneratedSchema (EntitySchemaProcessor): warnings, the model goes on without
    // the part named. The arguments follow dev.retort.processor.jpa.JpaProblem.

    JPA_UNSUPPORTED_TYPE("JpaUnsupportedType",
            "Attribute %2$s of entity %1$s has Java type %3$s, which has no portable column type, so "
            + "GeneratedSchema leaves the column out. Give it @Column(columnDefinition = \"...\") with the SQL "
            + "type, or mark it @Transient if it is not persistent."),

    JPA_UNSUPPORTED_MAPPING("JpaUnsupportedMapping",
            "Attribute %2$s of entity %1$s uses %3$s, which GeneratedSchema does not model, so its columns "
            + "are left out. Declare them in a hand-written revision, or map the attribute another way."),

    JPA_INHERITANCE("JpaInheritance",
            "Entity %s %s, so %s. %s"),

    JPA_NO_FOREIGN_KEY("JpaNoForeignKey",
            "Attribute %2$s of entity %1$s joins column(s) %3$s to entity %4$s, whose rows Hibernate keeps in "
            + "several tables (TABLE_PER_CLASS: %5$s), so neither Hibernate nor GeneratedSchema declares a "
            + "foreign key for them. Check the reference in code, or reference a concrete entity without "
            + "subclasses."),

    JPA_PROPERTY_ACCESS("JpaPropertyAccess",
            "Entity %s puts @Id on a method (property access); GeneratedSchema reads fields only, so the "
            + "entity is left out. Move the mapping annotations to the fields."),

    JPA_NO_ID("JpaNoId",
            "Entity %s has no @Id or @EmbeddedId field, so table %s has no primary key and no relationship "
            + "can reference it. Add an @Id field."),

    JPA_UNRESOLVED_TARGET("JpaUnresolvedTarget",
            "Attribute %2$s of entity %1$s references %3$s, but %4$s, so GeneratedSchema leaves the "
            + "reference out. Reference an @Entity by its @Id (or all columns of an @EmbeddedId)."),

    JPA_GENERATOR_NOT_MODELLED("JpaGeneratorNotModelled",
            "Attribute %2$s of entity %1$s is generated %3$s is not part of GeneratedSchema. Create it in a "
            + "revision (op.execute), or use @GeneratedValue(strategy = GenerationType.SEQUENCE) on a whole-number "
            + "key (GeneratedSchema holds its sequence) or GenerationType.IDENTITY (an auto-increment column)."),

    JPA_SEQUENCE_CONFLICT("JpaSequenceConflict",
            "Entity %1$s draws ids from sequence %2$s with initialValue %3$d and allocationSize %4$d, but %5$s "
            + "declares it with initialValue %6$d and allocationSize %7$d; GeneratedSchema keeps those of %5$s, "
            + "and Hibernate refuses a sequence whose increment differs from a generator's allocationSize. Give both "
            + "generators the same values, or different sequenceNames."),

    JPA_SCHEMA_IGNORED("JpaSchemaIgnored",
            "Entity %s places its table in schema or catalog \"%s\"; the model holds one schema, so table %s "
            + "is compared in the schema the migrator uses. Drop schema/catalog from @Table, or run that "
            + "schema's migrations separately."),

    JPA_UNKNOWN_COLUMN("JpaUnknownColumn",
            "The %2$s of entity %1$s names column %3$s, which table %4$s does not have after naming, so it is "
            + "left out. Use the column's name as the table has it, or fix the name."),

    JPA_INVALID_TABLE("JpaInvalidTable",
            "Entity %s maps table %s, which cannot be modelled: %s. GeneratedSchema leaves the table out "
            + "until the mapping is fixed."),

    JPA_QUOTED_NAME("JpaQuotedName",
            "Entity %s quotes the name of a %s, %s, which Hibernate then keeps exact; GeneratedSchema holds "
            + "every name bare, so it compares %4$s (and the names Hibernate derives from it) in the case each "
            + "database gives a bare name, %4$s on MariaDB and SQLite but lower case on PostgreSQL and H2. "
            + "Remove the quotes and choose a name that needs none (orders rather than \"Order\").");

    private final String tag;
    private final String template;

    Message(String tag, String template) {
        this.tag = tag;
        this.template = template;
    }

    /** The complete text: {@code [Tag] } and the filled-in template. */
    String format(Object... args) {
        return "[" + tag + "] " + String.format(Locale.ROOT, template, args);
    }
}
