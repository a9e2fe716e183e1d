package dev.cinderemulator.volume;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.Collections;

/**
 * A Cinder volume type ({@code cinder/volume/volume_types.py}, {@code db volume_types} with
 * {@code volume_type_extra_specs} and {@code volume_type_projects}): a name, a description,
 * public or private (then shared with chosen projects), and extra specs. {@code __DEFAULT__}
 * exists from the start, as Cinder's migration creates it, and can be changed but not deleted.
 */
class VolumeType {

    /** The id Cinder gives its {@code __DEFAULT__} volume type in a fresh deployment. */
    static final String DEFAULT_ID = "7c9cf2ef-2b5c-4f1b-9c8f-3f4d1b9e0a55";

    private String id;
    private String name;
    private String description;
    private boolean isPublic;
    private Map<String, String> extraSpecs = new LinkedHashMap<>();
    /** Project id to nothing: a set kept in a metadata-shaped column. */
    private Map<String, String> projects = new LinkedHashMap<>();
    private String qosSpecsId;
    private LocalDateTime createdAt;
    private LocalDateTime updatedAt;
    private long version;

    protected VolumeType() {
    }

    VolumeType(String id, String name, String description, boolean isPublic, Map<String, String> extraSpecs,
            LocalDateTime now) {
        this.id = id;
        this.name = name;
        this.description = description;
        this.isPublic = isPublic;
        this.extraSpecs = new LinkedHashMap<>(extraSpecs);
        this.createdAt = now;
    }

    boolean isDefault() {
        return DEFAULT_ID.equals(id);
    }

    /** {@code volume_types.update}: only what was given changes. */
    void update(String newName, String newDescription, Boolean newIsPublic, LocalDateTime now) {
        if (newName != null) {
            name = newName;
        }
        if (newDescription != null) {
            description = newDescription;
        }
        if (newIsPublic != null) {
            isPublic = newIsPublic;
        }
        updatedAt = now;
    }

    void updateExtraSpecs(Map<String, String> specs, LocalDateTime now) {
        extraSpecs.putAll(specs);
        updatedAt = now;
    }

    void deleteExtraSpec(String key, LocalDateTime now) {
        extraSpecs.remove(key);
        updatedAt = now;
    }

    /** {@code volume_type_access_add}: a project already there is Cinder's 409. */
    boolean addProject(String projectId) {
        return projects.put(projectId, "") == null;
    }

    boolean removeProject(String projectId) {
        return projects.remove(projectId) != null;
    }

    /** Who sees the type: everyone when public, else admins and the projects it is shared with. */
    boolean visibleTo(String projectId, boolean admin) {
        return isPublic || admin || projects.containsKey(projectId);
    }

    String qosSpecsId() {
        return qosSpecsId;
    }

    void associateQos(String specsId, LocalDateTime now) {
        qosSpecsId = specsId;
        updatedAt = now;
    }

    VolumeTypeRef ref() {
        return new VolumeTypeRef(id, name);
    }

    String id() {
        return id;
    }

    String name() {
        return name;
    }

    String description() {
        return description;
    }

    boolean isPublic() {
        return isPublic;
    }

    Map<String, String> extraSpecs() {
        // Extra specs may be null (extra_specs_with_null), which Map.copyOf refuses.
        return Collections.unmodifiableMap(new LinkedHashMap<>(extraSpecs));
    }

    Set<String> projects() {
        return Set.copyOf(projects.keySet());
    }

    LocalDateTime createdAt() {
        return createdAt;
    }

    LocalDateTime updatedAt() {
        return updatedAt;
    }
}
