package dev.retort.spring.boot;

import dev.retort.runtime.Migrator;
import dev.retort.runtime.RevisionInfo;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.context.ApplicationContext;

/**
 * The Actuator endpoint {@code retort} ({@code GET /actuator/retort}): for each {@link
 * Migrator} bean, the revisions the database is at, the heads of the revisions, and every
 * revision newest first with its state. Expose it with {@code
 * management.endpoints.web.exposure.include=health,retort}.
 *
 * <pre>{@code
 * {"migrators":{"retortMigrator":{"registry":"com.acme.migrations",
 *   "current":["3512b954651e"],"heads":["3512b954651e"],
 *   "revisions":[{"id":"3512b954651e","message":"add account","downRevisions":["2b1ae634e5cd"],
 *                 "branchLabels":[],"state":"applied","current":true,"head":true}, …]}}}
 * }</pre>
 */
@Endpoint(id = "retort")
public class RetortEndpoint {

    private final ApplicationContext context;

    /** Lists the {@link Migrator} beans of {@code context}. */
    public RetortEndpoint(ApplicationContext context) {
        this.context = context;
    }

    /** Reads the version table of every migrator's database: one query each. */
    @ReadOperation
    public RetortDescriptor migrators() {
        Map<String, MigratorDescriptor> migrators = new TreeMap<>();
        context.getBeansOfType(Migrator.class).forEach((name, migrator) -> migrators.put(name, describe(migrator)));
        return new RetortDescriptor(migrators);
    }

    private static MigratorDescriptor describe(Migrator migrator) {
        List<String> current = migrator.current();
        List<RevisionInfo> history = migrator.history();
        Set<String> applied = appliedRevisions(history, current);
        Set<String> currentSet = new HashSet<>(current);
        List<RevisionDescriptor> revisions = history.stream()
                .map(info -> new RevisionDescriptor(info.id(), info.message(), info.downRevisions(),
                        info.branchLabels(), applied.contains(info.id()) ? "applied" : "pending",
                        currentSet.contains(info.id()), info.head()))
                .toList();
        return new MigratorDescriptor(migrator.registry().packageName(), current, migrator.heads(), revisions);
    }

    /** The current revisions and everything they stand on: their ancestors and dependencies. */
    private static Set<String> appliedRevisions(List<RevisionInfo> history, List<String> current) {
        Map<String, RevisionInfo> byId = new HashMap<>();
        history.forEach(info -> byId.put(info.id(), info));
        Set<String> applied = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>(current);
        while (!pending.isEmpty()) {
            String id = pending.pop();
            RevisionInfo info = byId.get(id);
            if (info != null && applied.add(id)) {
                pending.addAll(info.downRevisions());
                pending.addAll(info.dependsOn());
            }
        }
        return applied;
    }

    /**
     * What {@code /actuator/retort} answers.
     *
     * @param migrators each {@link Migrator} bean by name
     */
    public record RetortDescriptor(Map<String, MigratorDescriptor> migrators) implements OperationResponseBody {

        public RetortDescriptor {
            migrators = new LinkedHashMap<>(migrators);
        }
    }

    /**
     * One migrator's database and revisions.
     *
     * @param registry  the package of the revisions
     * @param current   the revisions in the version table, sorted; empty at base
     * @param heads     the heads of the revisions, sorted
     * @param revisions every revision, newest first
     */
    public record MigratorDescriptor(String registry, List<String> current, List<String> heads,
                                     List<RevisionDescriptor> revisions) {
    }

    /**
     * One revision.
     *
     * @param id            its id
     * @param message       its one-line description
     * @param downRevisions its parents
     * @param branchLabels  its branch labels
     * @param state         {@code applied} when the database is at it or past it, else {@code pending}
     * @param current       whether the version table names it
     * @param head          whether no revision follows it
     */
    public record RevisionDescriptor(String id, String message, List<String> downRevisions, List<String> branchLabels,
                                     String state, boolean current, boolean head) {
    }
}
