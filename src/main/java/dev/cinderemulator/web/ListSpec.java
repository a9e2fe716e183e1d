package dev.cinderemulator.web;

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

    /** A collection that filters and sorts on nothing until its columns are named. */
    public static Builder of(String table, String resourceLabel) {
        return new Builder(table, resourceLabel);
    }

    public static final class Builder {

        private final String table;
        private final String resourceLabel;
        private Set<String> columns = Set.of();
        private Set<String> legacyUserFilters = Set.of();
        private Set<String> resourceFilters = Set.of();
        private Map<String, String> renamedFilters = Map.of();
        private int nameSortFromMinor;
        private Set<String> integerColumns = Set.of();
        private Set<String> booleanColumns = Set.of();
        private AllTenants allTenants = AllTenants.STRICT;
        private boolean metadataFilter;
        private Map<String, Integer> filtersAddedIn = Map.of();

        private Builder(String table, String resourceLabel) {
            this.table = table;
            this.resourceLabel = resourceLabel;
        }

        public Builder columns(String... columns) {
            this.columns = Set.of(columns);
            return this;
        }

        /** {@code _get_*_filter_options}: what a non-admin may filter on before 3.31. */
        public Builder legacyUserFilters(String... filters) {
            this.legacyUserFilters = Set.of(filters);
            return this;
        }

        /** {@code resource_filters.json}: what a non-admin may filter on from 3.31. */
        public Builder resourceFilters(String... filters) {
            this.resourceFilters = Set.of(filters);
            return this;
        }

        public Builder renamedFilters(Map<String, String> apiNameToColumn) {
            this.renamedFilters = apiNameToColumn;
            return this;
        }

        public Builder nameSortFrom(int minor) {
            this.nameSortFromMinor = minor;
            return this;
        }

        public Builder integerColumns(String... columns) {
            this.integerColumns = Set.of(columns);
            return this;
        }

        public Builder booleanColumns(String... columns) {
            this.booleanColumns = Set.of(columns);
            return this;
        }

        public Builder allTenants(AllTenants allTenants) {
            this.allTenants = allTenants;
            return this;
        }

        public Builder metadataFilter() {
            this.metadataFilter = true;
            return this;
        }

        /** {@code _MV_ADDED_FILTERS}: filter name to the microversion that added it. */
        public Builder filtersAddedIn(Map<String, Integer> filtersAddedIn) {
            this.filtersAddedIn = filtersAddedIn;
            return this;
        }

        public ListSpec build() {
            return new ListSpec(table, resourceLabel, columns, legacyUserFilters, resourceFilters, renamedFilters,
                    nameSortFromMinor, integerColumns, booleanColumns, allTenants, metadataFilter, filtersAddedIn);
        }
    }
}
