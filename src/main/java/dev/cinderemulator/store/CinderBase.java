package dev.cinderemulator.store;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The columns every resource row shares, as in Cinder's models ({@code CinderBase} and the
 * per-resource columns they all repeat): the id, owner, display name and description, size,
 * metadata and timestamps, plus the version that turns concurrent writes into conflicts. Like every
 * Cinder row, {@code updated_at} is null until the row is first updated.
 */
public abstract class CinderBase {
    protected String id;
    protected String projectId;
    protected String userId;
    protected String name;
    protected String description;
    protected int size;
    protected Map<String, String> metadata = new LinkedHashMap<>();
    protected LocalDateTime createdAt;
    protected LocalDateTime updatedAt;
    private long version;

    public String id() {
        return id;
    }

    public String projectId() {
        return projectId;
    }

    public String userId() {
        return userId;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public int size() {
        return size;
    }

    public Map<String, String> metadata() {
        return Map.copyOf(metadata);
    }

    public LocalDateTime createdAt() {
        return createdAt;
    }

    public LocalDateTime updatedAt() {
        return updatedAt;
    }
}
