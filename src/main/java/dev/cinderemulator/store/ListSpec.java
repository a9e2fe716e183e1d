package dev.cinderemulator.store;

import java.util.Map;
import java.util.Set;

/**
 * What one Cinder collection allows in its list query: its table and columns (any column is a
 * valid sort key and, for admins, a filter), the filters a non-admin may use before 3.31
 * ({@code _get_*_filter_options}) and from 3.31 ({@code resource_filters.json}), API names that map
 * to columns, and from which microversion {@code name} is a sort key. Volumes and snapshots also
 * filter on {@code metadata}, each collection reads {@code all_tenants} its own way, and
 * {@code filtersAddedIn} ({@code _MV_ADDED_FILTERS}) names filters that, below 3.31, are dropped
 * for everyone when the request is older than the microversion that added them.
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
        Set<String> booleanColumns,
        AllTenants allTenants,
        boolean metadataFilter,
        Map<String, Integer> filtersAddedIn) {

    /** How a collection's API reads an admin's {@code all_tenants}. */
    public enum AllTenants {
        /** Backups: a bad value is {@code all_tenants must be a boolean, got '<v>'.} */
        STRICT,
        /** Volumes ({@code utils.get_bool_param}): {@code Value '<v>' for 'all_tenants' is not a boolean.} */
        BOOL_PARAM,
        /** Snapshots ({@code bool_from_string}, not strict): a bad value just means "no". */
        LENIENT
    }

    public ListSpec(String table, String resourceLabel, Set<String> columns, Set<String> legacyUserFilters,
            Set<String> resourceFilters, Map<String, String> renamedFilters, int nameSortFromMinor,
            Set<String> integerColumns, Set<String> booleanColumns) {
        this(table, resourceLabel, columns, legacyUserFilters, resourceFilters, renamedFilters, nameSortFromMinor,
                integerColumns, booleanColumns, AllTenants.STRICT, false, Map.of());
    }
}
