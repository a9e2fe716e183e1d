package dev.cinderemulator.quota;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.cinderemulator.config.EmulatorProperties;
import dev.cinderemulator.engine.Resettable;

/**
 * Cinder's {@code DbQuotaDriver} with {@code use_default_quota_class}: a project's limit for a
 * resource is its own {@code quotas} row, else the {@code default} quota class's row, else the
 * configured default ({@code emulator.quotas.*}, Cinder's {@code quota_*} options). The resources
 * are those of {@code VolumeTypeQuotaEngine} and {@code GROUP_QUOTAS}, in their order, with the
 * per-type resources of every volume type ({@link VolumeTypeNames}; {@code __DEFAULT__} alone
 * when no feature names types), whose default is -1.
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
    private final EmulatorProperties.Quotas quotas;
    private final ObjectProvider<VolumeTypeNames> volumeTypes;

    QuotaLimits(QuotaRows rows, EmulatorProperties properties, ObjectProvider<VolumeTypeNames> volumeTypes) {
        this.rows = rows;
        this.quotas = properties.quotas();
        this.volumeTypes = volumeTypes;
    }

    /** Every resource with its configured default, in the order Cinder's engines list them. */
    private Map<String, Integer> configured() {
        Map<String, Integer> configured = new LinkedHashMap<>();
        configured.put(VOLUMES, quotas.volumes());
        configured.put(PER_VOLUME_GIGABYTES, quotas.perVolumeGigabytes());
        configured.put(SNAPSHOTS, quotas.snapshots());
        configured.put(GIGABYTES, quotas.gigabytes());
        configured.put(BACKUPS, quotas.backups());
        configured.put(BACKUP_GIGABYTES, quotas.backupGigabytes());
        List<String> types = volumeTypes.getIfAvailable(() -> () -> List.of(DEFAULT_VOLUME_TYPE)).names();
        for (String type : types) {
            configured.put(perType(VOLUMES, type), -1);
            configured.put(perType(GIGABYTES, type), -1);
            configured.put(perType(SNAPSHOTS, type), -1);
        }
        configured.put(GROUPS, quotas.groups());
        return configured;
    }

    /** {@code volumes_<type name>}: a {@code VolumeTypeResource}. */
    public static String perType(String resource, String volumeTypeName) {
        return resource + "_" + volumeTypeName;
    }

    /** The limit in force for a project: -1 (any negative value) is unlimited. */
    @Transactional(readOnly = true)
    public int limit(String projectId, String resource) {
        Integer own = rows.project(projectId).get(resource);
        return own != null ? own : defaults().getOrDefault(resource, -1);
    }

    boolean isResource(String name) {
        return configured().containsKey(name);
    }

    /** {@code get_defaults}: the default class's rows over the configured defaults. */
    Map<String, Integer> defaults() {
        return overlay(rows.quotaClass(DEFAULT_CLASS), configured());
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
