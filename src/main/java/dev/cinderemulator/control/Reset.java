package dev.cinderemulator.control;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.cinderemulator.engine.Resettable;

/**
 * Back to a fresh cloud between two tests. Identities (configuration) stay; so do the settings a
 * reset is not about. Everything: resources, work in flight, fault rules, the journal (and its
 * bound), timings, the clock (real time again) and the id sequence (from its seed again). One
 * project: only its volumes, snapshots and backups and their work in flight. What each part
 * holds, and how it lets go, is the part's own business ({@link Resettable}).
 */
@Component
class Reset {

    private final List<Resettable> parts;
    private final TransactionTemplate transaction;

    Reset(List<Resettable> parts, PlatformTransactionManager transactions) {
        this.parts = parts;
        this.transaction = new TransactionTemplate(transactions);
    }

    Map<String, Object> everything() {
        Map<String, Object> deleted = transaction.execute(status -> counts(Resettable::resetAll));
        return Map.of("scope", "all", "deleted", deleted);
    }

    Map<String, Object> project(String projectId) {
        Map<String, Object> deleted = transaction.execute(status -> counts(part -> part.resetProject(projectId)));
        return Map.of("scope", "project", "project", projectId, "deleted", deleted);
    }

    /** Runs the parts in their order; reports their counts the other way round. */
    private Map<String, Object> counts(Function<Resettable, Map<String, Integer>> reset) {
        List<Map<String, Integer>> reported = new ArrayList<>();
        parts.forEach(part -> reported.add(reset.apply(part)));
        Collections.reverse(reported);
        Map<String, Object> counts = new LinkedHashMap<>();
        reported.forEach(counts::putAll);
        return counts;
    }
}
