package dev.cinderemulator.api;

import java.util.Map;
import java.util.Set;

/**
 * What one Cinder collection allows in its list query: its table and columns (any column is a
 * valid sort key and, for admins, a filter), the filters a non-admin may use before 3.31
 * ({@code _get_*_filter_options}) and from 3.31 ({@code resource_filters.json}), API names that map
 * to columns, and from which microversion {@code name} is a sort key.
 */
public record ListSpec(
        String table,
        String resourceLabel,
        Set<String> columns,
        Set<String> legacyUserFilters,
        Set<String> resourceFilters,
        Map<String, String> renamedFilters,
        int nameSortFromMinor,
        Set<String> integerColumns,
        Set<String> booleanColumns) {
}
