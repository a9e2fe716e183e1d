package dev.cinderemulator.store;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The table of one kind of Cinder resource (volumes, snapshots, backups): what every feature asks
 * of its rows, over the columns {@link CinderBase} shares. A feature's repository extends it with
 * the queries only it needs.
 */
public abstract class ResourceTable<T extends CinderBase> {

    protected final EntityTable<T> table;
    private final String name;

    /** {@code renamed}: the resource's own fields whose column is not their snake_case. */
    protected ResourceTable(EntityTables tables, Class<T> type, String name, Map<String, String> renamed) {
        Map<String, String> columns = new HashMap<>(renamed);
        columns.put("name", "display_name");
        columns.put("description", "display_description");
        this.table = tables.of(type, name, columns);
        this.name = name;
    }

    public Optional<T> findById(String id) {
        return table.findById(id);
    }

    /** For a non-admin request: another project's resource is simply not there. */
    public Optional<T> findByIdAndProjectId(String id, String projectId) {
        return table.findById(id).filter(resource -> resource.projectId().equals(projectId));
    }

    public List<T> findAllById(Collection<String> ids) {
        return table.findAllById(ids);
    }

    public boolean existsById(String id) {
        return table.findById(id).isPresent();
    }

    /** How many the project has and their gigabytes, in one query, as Cinder reads {@code quota_usages}. */
    public QuotaUsage usageOf(String projectId) {
        return table.sql("SELECT COUNT(*), COALESCE(SUM(size), 0) FROM " + name + " WHERE project_id = ?")
                .param(projectId).query((rs, row) -> new QuotaUsage(rs.getLong(1), rs.getLong(2))).single();
    }

    /** Oldest first; {@code projectId} null means every project. */
    public List<T> findOldestFirst(String projectId) {
        return projectId == null ? table.findWhere(null, "created_at, id")
                : table.findWhere("project_id = ?", "created_at, id", projectId);
    }

    public long count() {
        return table.count(null);
    }

    public T save(T resource) {
        return table.insert(resource);
    }

    public void delete(T resource) {
        table.delete(resource);
    }

    public int deleteAll() {
        return table.deleteWhere(null);
    }

    public int deleteByProjectId(String projectId) {
        return table.deleteWhere("project_id = ?", projectId);
    }

    /** Concurrent updates of one resource queue on its row instead of failing each other's version check. */
    public void lockForUpdate(T resource) {
        table.lockForUpdate(resource);
    }
}
