package dev.cinderemulator.engine;

import java.time.LocalDateTime;

/**
 * A piece of work Cinder hands to its volume or backup service over RPC, kept as a row with the
 * time it is due, so that in-flight work survives a restart and settled resources cost nothing.
 * A null due time means "manual": it waits until someone completes it.
 */
public class Transition {

    private Long id;
    private TransitionAction action;
    private String resourceId;
    private LocalDateTime dueAt;
    private LocalDateTime createdAt;

    protected Transition() {
    }

    Transition(TransitionAction action, String resourceId, LocalDateTime dueAt, LocalDateTime createdAt) {
        this.action = action;
        this.resourceId = resourceId;
        this.dueAt = dueAt;
        this.createdAt = createdAt;
    }

    public Long id() {
        return id;
    }

    public TransitionAction action() {
        return action;
    }

    public String resourceId() {
        return resourceId;
    }

    public LocalDateTime dueAt() {
        return dueAt;
    }

    public LocalDateTime createdAt() {
        return createdAt;
    }
}
