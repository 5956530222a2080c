package dev.retort.test;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The built-in checks as JUnit tests: implement it in a class annotated with {@link
 * RetortMigrationTest}. Checks on a database are one test per database of {@link
 * RetortMigrationTest#databases()}, on a fresh one each. To turn one off, name it in {@link
 * RetortMigrationTest#skip()}, or override it without {@code @Test} / with {@code @Disabled}:
 *
 * <pre>{@code
 * @Override
 * @Disabled("the 2019 revisions drop columns they never added")
 * @TestFactory
 * public Stream<DynamicTest> downgradeLeavesNoTrace(RetortTestContext context) {
 *     return RetortChecks.super.downgradeLeavesNoTrace(context);
 * }
 * }</pre>
 */
public interface RetortChecks {

    /** One head, or one per branch label; else the merge command to run. */
    @Test
    default void singleHead(RetortTestContext context) {
        context.run(Check.SINGLE_HEAD);
    }

    /** Base to every head on an empty database succeeds. */
    @TestFactory
    default Stream<DynamicTest> upgradeFromBase(RetortTestContext context) {
        return context.onEachDatabase(Check.UPGRADE_FROM_BASE);
    }

    /** At the heads, comparing with the model finds nothing; each difference is listed as the operation that fixes it. */
    @TestFactory
    default Stream<DynamicTest> modelMatchesDatabase(RetortTestContext context) {
        return context.onEachDatabase(Check.MODEL_MATCHES_DATABASE);
    }

    /** The stairway: each revision upgraded, downgraded and upgraded again. */
    @TestFactory
    default Stream<DynamicTest> upDownConsistency(RetortTestContext context) {
        return context.onEachDatabase(Check.UP_DOWN_CONSISTENCY);
    }

    /** Each revision's downgrade gives back the schema before it. */
    @TestFactory
    default Stream<DynamicTest> downgradeLeavesNoTrace(RetortTestContext context) {
        return context.onEachDatabase(Check.DOWNGRADE_LEAVES_NO_TRACE);
    }

    /** The offline script gives the online schema (opt-in: {@link RetortMigrationTest#offlineMatchesOnline()}). */
    @TestFactory
    default Stream<DynamicTest> offlineMatchesOnline(RetortTestContext context) {
        return context.onEachDatabase(Check.OFFLINE_MATCHES_ONLINE);
    }

    /** Committed schema snapshots still match their revisions (with {@link RetortMigrationTest#snapshots()}). */
    @TestFactory
    default Stream<DynamicTest> snapshotsMatch(RetortTestContext context) {
        return context.onEachDatabase(Check.SNAPSHOTS_MATCH);
    }
}
