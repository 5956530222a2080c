package dev.retort.test;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs a test class through the JUnit Platform, as Surefire or an IDE would, and keeps each
 * test's outcome under {@code method/database} ({@code downgradeLeavesNoTrace/H2}), or the
 * method name alone for a plain test.
 */
final class JUnitRun {

    /** How one test ended: {@code SUCCESSFUL}, {@code FAILED}, {@code ABORTED} or {@code SKIPPED}, and why. */
    record Outcome(String status, String message) {
    }

    private JUnitRun() {
    }

    static Map<String, Outcome> run(Class<?> testClass) {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        Map<String, TestIdentifier> identifiers = new LinkedHashMap<>();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build(),
                new TestExecutionListener() {
                    @Override
                    public void executionStarted(TestIdentifier id) {
                        identifiers.put(id.getUniqueId(), id);
                    }

                    @Override
                    public void executionSkipped(TestIdentifier id, String reason) {
                        outcomes.put(name(id), new Outcome("SKIPPED", reason));
                    }

                    @Override
                    public void dynamicTestRegistered(TestIdentifier id) {
                        identifiers.put(id.getUniqueId(), id);
                    }

                    @Override
                    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                        if (!id.isTest()) {
                            result.getThrowable().ifPresent(t -> outcomes.put(name(id) + " (container)",
                                    new Outcome(result.getStatus().name(), t.toString())));
                            return;
                        }
                        outcomes.put(name(id), new Outcome(result.getStatus().name(),
                                result.getThrowable().map(Throwable::getMessage).orElse("")));
                    }

                    private String name(TestIdentifier id) {
                        identifiers.put(id.getUniqueId(), id);
                        TestIdentifier parent = id.getParentId().map(identifiers::get).orElse(null);
                        if (parent != null && parent.getSource().orElse(null) instanceof MethodSource method) {
                            return method.getMethodName() + "/" + id.getDisplayName();
                        }
                        if (id.getSource().orElse(null) instanceof MethodSource method) {
                            return method.getMethodName();
                        }
                        return id.getDisplayName();
                    }
                });
        return outcomes;
    }
}
