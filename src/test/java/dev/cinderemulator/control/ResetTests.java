package dev.cinderemulator.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

import dev.cinderemulator.engine.Resettable;

/** The reset runs the parts in their order and reports their counts the other way round, without Spring. */
class ResetTests {

    private final List<String> ran = new ArrayList<>();

    private Resettable part(String name, Map<String, Integer> counts) {
        return new Resettable() {
            @Override
            public Map<String, Integer> resetAll() {
                ran.add(name);
                return counts;
            }

            @Override
            public Map<String, Integer> resetProject(String projectId) {
                ran.add(name + ":" + projectId);
                return counts.containsKey("transitions") ? Map.of() : counts;
            }
        };
    }

    private Reset reset() {
        Map<String, Integer> volumes = new LinkedHashMap<>();
        volumes.put("volumes", 2);
        volumes.put("snapshots", 1);
        return new Reset(List.of(part("engine", Map.of("transitions", 4)), part("backups", Map.of("backups", 3)),
                part("volumes", volumes), part("faults", Map.of())), new NoTransactions());
    }

    @Test
    void workInFlightGoesFirstAndIsReportedLast() {
        Map<String, Object> answer = reset().everything();

        assertThat(ran).containsExactly("engine", "backups", "volumes", "faults");
        assertThat(answer.get("scope")).isEqualTo("all");
        @SuppressWarnings("unchecked")
        Map<String, Object> deleted = (Map<String, Object>) answer.get("deleted");
        assertThat(deleted.keySet()).containsExactly("volumes", "snapshots", "backups", "transitions");
    }

    @Test
    void oneProjectReportsItsResourcesOnly() {
        Map<String, Object> answer = reset().project("p");

        assertThat(ran).containsExactly("engine:p", "backups:p", "volumes:p", "faults:p");
        @SuppressWarnings("unchecked")
        Map<String, Object> deleted = (Map<String, Object>) answer.get("deleted");
        assertThat(deleted.keySet()).containsExactly("volumes", "snapshots", "backups");
    }

    private static final class NoTransactions extends AbstractPlatformTransactionManager {

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }
    }
}
