package dev.cinderemulator.fault;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One fault rule: which requests or work it matches, how often it fires ({@code times} left, or
 * with a {@code probability}), and what it does. Mutable only through {@link FaultRules}, which
 * holds the lock.
 */
final class FaultRule {

    enum Action {
        OUTCOME, HTTP, LATENCY
    }

    final String id;
    final String operation;
    final String project;
    final String volumeId;
    final NamePattern backupNamePattern;
    final Integer times;
    final Double probability;
    final Action action;
    final String failReason;
    final int status;
    final String message;
    final String retryAfter;
    final Duration delay;
    private int remaining;
    private int fired;

    FaultRule(String id, String operation, String project, String volumeId, NamePattern backupNamePattern, Integer times,
            Double probability, Action action, String failReason, int status, String message, String retryAfter,
            Duration delay) {
        this.id = id;
        this.operation = operation;
        this.project = project;
        this.volumeId = volumeId;
        this.backupNamePattern = backupNamePattern;
        this.times = times;
        this.probability = probability;
        this.action = action;
        this.failReason = failReason;
        this.status = status;
        this.message = message;
        this.retryAfter = retryAfter;
        this.delay = delay;
        this.remaining = times == null ? -1 : times;
    }

    /** Whether the rule applies to this operation on this subject, leaving chance and count aside. */
    boolean matches(String operationName, Action kind, Subject subject) {
        return operation.equals(operationName) && action == kind && remaining != 0
                && (project == null || project.equals(subject.projectId()))
                && (volumeId == null || volumeId.equals(subject.volumeId()))
                && (backupNamePattern == null
                        || subject.backupName() != null && backupNamePattern.matches(subject.backupName()));
    }

    boolean needsResourceDetails() {
        return volumeId != null || backupNamePattern != null;
    }

    void fire() {
        fired++;
        if (remaining > 0) {
            remaining--;
        }
    }

    Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", id);
        view.put("operation", operation);
        putIfSet(view, "project", project);
        putIfSet(view, "volume_id", volumeId);
        putIfSet(view, "backup_name_pattern", backupNamePattern == null ? null : backupNamePattern.text());
        putIfSet(view, "times", times);
        putIfSet(view, "remaining", times == null ? null : remaining);
        putIfSet(view, "probability", probability);
        view.put("action", action.name().toLowerCase());
        switch (action) {
            case OUTCOME -> putIfSet(view, "fail_reason", failReason);
            case HTTP -> {
                view.put("status", status);
                view.put("message", message);
                putIfSet(view, "retry_after", retryAfter);
            }
            case LATENCY -> view.put("delay", delay.toString());
        }
        view.put("fired", fired);
        return view;
    }

    private static void putIfSet(Map<String, Object> view, String key, Object value) {
        if (value != null) {
            view.put(key, value);
        }
    }

    /** What a rule is matched against: the caller's project, and the volume and backup concerned. */
    record Subject(String projectId, String volumeId, String backupName) {
    }
}
