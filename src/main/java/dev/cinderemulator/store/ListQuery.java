package dev.cinderemulator.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One page request against a resource table, already translated from Cinder's query parameters:
 * equality and LIKE filters on columns, metadata items that must all be present, sort keys (with
 * {@code created_at} and {@code id} already appended as Cinder's {@code process_sort_params} does),
 * a marker, limit and offset.
 */
public record ListQuery(
        String table,
        String projectId,
        Map<String, Object> filters,
        Map<String, String> likeFilters,
        Map<String, String> metadata,
        List<Sort> sort,
        String marker,
        int limit,
        int offset) {

    public record Sort(String column, boolean ascending) {
    }

    /** Scope: a project, or null for every project (an admin's {@code all_tenants}). */
    public Optional<String> project() {
        return Optional.ofNullable(projectId);
    }

    public ListQuery {
        sort = new ArrayList<>(sort);
    }
}
