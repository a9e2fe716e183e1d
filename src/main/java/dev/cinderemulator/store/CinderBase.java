package dev.cinderemulator.store;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/**
 * The columns every resource row shares, as in Cinder's models ({@code CinderBase} and the
 * per-resource columns they all repeat): the id, owner, display name and description, size,
 * metadata and timestamps, plus the version that turns concurrent writes into conflicts. Like every
 * Cinder row, {@code updated_at} is null until the row is first updated.
 */
@MappedSuperclass
public abstract class CinderBase {

    @Id
    protected String id;
    @Column(name = "project_id", nullable = false)
    protected String projectId;
    @Column(name = "user_id", nullable = false)
    protected String userId;
    @Column(name = "display_name")
    protected String name;
    @Column(name = "display_description")
    protected String description;
    @Column(nullable = false)
    protected int size;
    @Convert(converter = MetadataConverter.class)
    @Column(nullable = false)
    protected Map<String, String> metadata = new LinkedHashMap<>();
    @Column(name = "created_at", nullable = false)
    protected LocalDateTime createdAt;
    @Column(name = "updated_at")
    protected LocalDateTime updatedAt;
    @Version
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
