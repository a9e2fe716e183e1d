package dev.cinderemulator.engine;

import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A piece of work Cinder hands to its volume or backup service over RPC, kept as a row with the
 * time it is due, so that in-flight work survives a restart and settled resources cost nothing.
 * A null due time means "manual": it waits until someone completes it.
 */
@Entity
@Table(name = "transitions")
public class Transition {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TransitionAction action;

    @Column(name = "resource_id", nullable = false)
    private String resourceId;

    @Column(name = "due_at")
    private LocalDateTime dueAt;

    @Column(name = "created_at", nullable = false)
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

    void dueAt(LocalDateTime dueAt) {
        this.dueAt = dueAt;
    }
}
