package dev.cinderemulator.quota;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.cinderemulator.config.EmulatorProperties;
import dev.cinderemulator.engine.Resettable;

/**
 * Cinder's {@code DbQuotaDriver} with {@code use_default_quota_class}: a project's limit for a
 * resource is its own {@code quotas} row, else the {@code default} quota class's row, else the
 * configured default ({@code emulator.quotas.*}, Cinder's {@code quota_*} options). The resources
 * are those of {@code VolumeTypeQuotaEngine} and {@code GROUP_QUOTAS}, in their order, with the
 * per-type resources of the one volume type the emulator has, {@code __DEFAULT__} (default -1).
 * The features that enforce quotas ask {@link #limit} at every reservation, so a change applies at once.
 */
@Service
@Transactional
public class QuotaLimits implements Resettable {

    public static final String VOLUMES = "volumes";
    public static final String SNAPSHOTS = "snapshots";
    public static final String GIGABYTES = "gigabytes";
    public static final String BACKUPS = "backups";
    public static final String BACKUP_GIGABYTES = "backup_gigabytes";
    public static final String PER_VOLUME_GIGABYTES = "per_volume_gigabytes";
    public static final String GROUPS = "groups";
    static final String DEFAULT_CLASS = "default";
    /** Cinder's default volume type, whose per-type resources ({@code volumes___DEFAULT__}) every deployment has. */
    public static final String DEFAULT_VOLUME_TYPE = "__DEFAULT__";

    private final QuotaRows rows;
    private final Map<String, Integer> configured = new LinkedHashMap<>();

    QuotaLimits(QuotaRows rows, EmulatorProperties properties) {
        this.rows = rows;
        EmulatorProperties.Quotas quotas = properties.quotas();
        configured.put(VOLUMES, quotas.volumes());
        configured.put(PER_VOLUME_GIGABYTES, quotas.perVolumeGigabytes());
        configured.put(SNAPSHOTS, quotas.snapshots());
        configured.put(GIGABYTES, quotas.gigabytes());
        configured.put(BACKUPS, quotas.backups());
        configured.put(BACKUP_GIGABYTES, quotas.backupGigabytes());
        configured.put(perType(VOLUMES, DEFAULT_VOLUME_TYPE), -1);
        configured.put(perType(GIGABYTES, DEFAULT_VOLUME_TYPE), -1);
        configured.put(perType(SNAPSHOTS, DEFAULT_VOLUME_TYPE), -1);
        configured.put(GROUPS, quotas.groups());
    }

    /** {@code volumes_<type name>}: a {@code VolumeTypeResource}. */
    public static String perType(String resource, String volumeTypeName) {
        return resource + "_" + volumeTypeName;
    }

    /** The limit in force for a project: -1 (any negative value) is unlimited. */
    @Transactional(readOnly = true)
    public int limit(String projectId, String resource) {
        Integer own = rows.project(projectId).get(resource);
        return own != null ? own : defaults().get(resource);
    }

    boolean isResource(String name) {
        return configured.containsKey(name);
    }

    /** {@code get_defaults}: the default class's rows over the configured defaults. */
    Map<String, Integer> defaults() {
        return overlay(rows.quotaClass(DEFAULT_CLASS), configured);
    }

    /** {@code get_class_quotas} with defaults: the class's rows over the defaults. */
    Map<String, Integer> classLimits(String className) {
        return overlay(rows.quotaClass(className), defaults());
    }

    /** {@code get_project_quotas}: the project's rows over the defaults. */
    Map<String, Integer> projectLimits(String projectId) {
        return overlay(rows.project(projectId), defaults());
    }

    /** The resources the project has a row for: {@code get_project_quotas(defaults=False)}. */
    Map<String, Integer> projectRows(String projectId) {
        return rows.project(projectId);
    }

    void setProject(String projectId, Map<String, Integer> limits) {
        limits.forEach((resource, limit) -> rows.setProject(projectId, resource, limit));
    }

    void setClass(String className, Map<String, Integer> limits) {
        limits.forEach((resource, limit) -> rows.setClass(className, resource, limit));
    }

    void deleteProject(String projectId) {
        rows.deleteProject(projectId);
    }

    private Map<String, Integer> overlay(Map<String, Integer> set, Map<String, Integer> base) {
        Map<String, Integer> limits = new LinkedHashMap<>();
        base.forEach((resource, limit) -> limits.put(resource, set.getOrDefault(resource, limit)));
        return limits;
    }

    /** Back to the configured quotas: every project limit and quota class set through the API goes. */
    @Override
    public Map<String, Integer> resetAll() {
        rows.deleteAll();
        return Map.of();
    }

    @Override
    public Map<String, Integer> resetProject(String projectId) {
        rows.deleteProject(projectId);
        return Map.of();
    }
}
