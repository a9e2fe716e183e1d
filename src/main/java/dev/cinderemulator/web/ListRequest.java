package dev.cinderemulator.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

import dev.cinderemulator.store.ListQuery;

/**
 * A list request's query string read the way Cinder reads it ({@code api/common.py}
 * {@code get_pagination_params} and {@code get_sort_params}, {@code db/api.py}
 * {@code process_sort_params}, the v3 filter processing): every parameter left after paging,
 * sorting and counting is a filter.
 */
public record ListRequest(ListQuery query, boolean withCount, boolean emptyByFilter, int limit,
        Map<String, List<String>> originalParams) {

    public static final int MAX_LIMIT = 1000;
    private static final long DB_MAX_INT = 0x7FFFFFFFL;

    public static ListRequest parse(CinderRequest request, Map<String, List<String>> rawParams, ListSpec spec) {
        return parse(request, rawParams, rawParams, spec);
    }

    /**
     * Reads {@code filterParams}, the query less what the caller handles itself; the next link still
     * carries {@code rawParams}, the query as sent, dropped filters included.
     */
    public static ListRequest parse(CinderRequest request, Map<String, List<String>> filterParams,
            Map<String, List<String>> rawParams, ListSpec spec) {
        Map<String, String> params = new LinkedHashMap<>();
        filterParams.forEach((key, values) -> params.put(key, values.isEmpty() ? "" : values.get(0)));
        if (!request.atLeast(Microversions.RESOURCE_FILTER)) {
            spec.filtersAddedIn().forEach((filter, minor) -> {
                if (!request.atLeast(minor)) {
                    params.remove(filter);
                }
            });
        }

        int limit = limit(params.remove("limit"));
        String marker = params.remove("marker");
        int offset = (int) validateInteger(params.remove("offset"), "offset", 0, DB_MAX_INT);
        List<String> sortKeys = new ArrayList<>();
        List<String> sortDirs = new ArrayList<>();
        sortParams(params, sortKeys, sortDirs);

        boolean withCount = false;
        if (request.atLeast(Microversions.SUPPORT_COUNT_INFO) && params.containsKey("with_count")) {
            String value = params.remove("with_count");
            if (!ParameterTypes.isBooleanString(value)) {
                throw CinderException.badRequest("Value '" + value + "' for 'with_count' is not a boolean.");
            }
            withCount = ParameterTypes.isTrue(value);
        }
        List<ListQuery.Sort> sort = sortColumns(request, spec, sortKeys, sortDirs);

        boolean likeAllowed = request.atLeast(Microversions.LIKE_FILTER);
        filterOptions(request, spec, params, likeAllowed);
        String project = allTenants(request, spec, params.remove("all_tenants")) ? null : request.projectId();

        Map<String, Object> filters = new LinkedHashMap<>();
        Map<String, String> likeFilters = new LinkedHashMap<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        boolean emptyByFilter = false;
        for (Map.Entry<String, String> filter : params.entrySet()) {
            if (spec.metadataFilter() && filter.getKey().equals("metadata")) {
                // db/api.py: the value must literal_eval to a dict, or nothing matches.
                Optional<Map<String, String>> items = PythonText.literalDict(filter.getValue());
                items.ifPresent(metadata::putAll);
                emptyByFilter |= items.isEmpty();
                continue;
            }
            boolean like = likeAllowed && filter.getKey().endsWith("~");
            String name = like ? filter.getKey().substring(0, filter.getKey().length() - 1) : filter.getKey();
            String column = spec.renamedFilters().getOrDefault(name, name);
            if (!spec.columns().contains(column)) {
                // Cinder's is_valid_model_filters: an unknown key matches nothing.
                emptyByFilter = true;
                continue;
            }
            if (like) {
                likeFilters.put(column, filter.getValue());
            } else {
                Optional<Object> value = typed(request, spec, column, filter.getValue());
                if (value.isEmpty()) {
                    emptyByFilter = true;
                } else {
                    filters.put(column, value.get());
                }
            }
        }
        ListQuery query = new ListQuery(spec.table(), project, filters, likeFilters, metadata, sort, marker, limit,
                offset);
        return new ListRequest(query, withCount, emptyByFilter, limit, rawParams);
    }

    /** Whether an admin asked for every project, read the way this collection's API reads it. */
    private static boolean allTenants(CinderRequest request, ListSpec spec, String value) {
        if (value == null) {
            return false;
        }
        if (!ParameterTypes.isBooleanString(value)) {
            switch (spec.allTenants()) {
                case STRICT -> throw CinderException.badRequest("all_tenants must be a boolean, got '" + value + "'.");
                case BOOL_PARAM -> throw CinderException.badRequest("Value '" + value
                        + "' for 'all_tenants' is not a boolean.");
                case LENIENT -> {
                    return false;
                }
            }
        }
        return request.isAdmin() && ParameterTypes.isTrue(value);
    }

    private static Optional<Object> typed(CinderRequest request, ListSpec spec, String column, String value) {
        if (column.endsWith("_at") || column.equals("data_timestamp")) {
            // MySQL coerces the text to a DATETIME; text that is no timestamp matches nothing.
            return timestamp(value.strip()).map(Object.class::cast);
        }
        if (spec.integerColumns().contains(column)) {
            try {
                return Optional.of(Integer.parseInt(value.trim()));
            } catch (NumberFormatException notNumber) {
                return Optional.empty();
            }
        }
        if (spec.booleanColumns().contains(column)) {
            return Optional.of(booleanFilter(request, column, value));
        }
        return Optional.of(value);
    }

    /**
     * {@code volume/api.py _check_boolean_filter_value}: from 3.2 only bool_from_string's words are
     * taken and anything else is refused; before, everything but False/false/FALSE (and the empty
     * string) counts as true.
     */
    private static boolean booleanFilter(CinderRequest request, String column, String value) {
        if (request.atLeast(Microversions.VOLUME_LIST_BOOTABLE)) {
            if (!ParameterTypes.isBooleanString(value)) {
                throw CinderException.invalidInput("'" + column + " = " + value + "'");
            }
            return ParameterTypes.isTrue(value);
        }
        if (value.equals("True") || value.equals("true") || value.equals("TRUE")) {
            return true;
        }
        return !value.isEmpty() && !value.equals("False") && !value.equals("false") && !value.equals("FALSE");
    }

    private static Optional<LocalDateTime> timestamp(String value) {
        try {
            if (value.length() == 10) {
                return Optional.of(LocalDate.parse(value).atStartOfDay());
            }
            return Optional.of(LocalDateTime.parse(value.replace(' ', 'T').replaceFirst("(Z|[+-]00:?00)$", "")));
        } catch (DateTimeParseException notTimestamp) {
            return Optional.empty();
        }
    }

    private static int limit(String value) {
        if (value == null) {
            return MAX_LIMIT;
        }
        long limit;
        try {
            limit = Long.parseLong(pythonInt(value));
        } catch (NumberFormatException notInteger) {
            throw CinderException.badRequest("limit param must be an integer");
        }
        if (limit < 0) {
            throw CinderException.badRequest("limit param must be positive");
        }
        return (int) Math.min(limit, MAX_LIMIT);
    }

    private static long validateInteger(String value, String name, long min, long max) {
        if (value == null) {
            return 0;
        }
        long number;
        try {
            number = Long.parseLong(pythonInt(value));
        } catch (NumberFormatException notInteger) {
            throw CinderException.badRequest(name + " must be an integer");
        }
        if (number < min) {
            throw CinderException.badRequest(name + " must be >= " + min);
        }
        if (number > max) {
            throw CinderException.badRequest(name + " must be <= " + max);
        }
        return number;
    }

    /** Python's {@code int()} takes surrounding blanks and a leading plus sign. */
    private static String pythonInt(String value) {
        String trimmed = value.strip();
        return trimmed.startsWith("+") ? trimmed.substring(1) : trimmed;
    }

    private static void sortParams(Map<String, String> params, List<String> keys, List<String> dirs) {
        String sort = params.get("sort");
        if (sort != null && !sort.isEmpty()) {
            if (params.containsKey("sort_key") || params.containsKey("sort_dir")) {
                throw CinderException.badRequest("The 'sort_key' and 'sort_dir' parameters are deprecated and "
                        + "cannot be used with the 'sort' parameter.");
            }
            params.remove("sort");
            for (String item : sort.strip().split(",", -1)) {
                int colon = item.indexOf(':');
                String key = colon < 0 ? item : item.substring(0, colon);
                String dir = colon < 0 || colon == item.length() - 1 ? "desc" : item.substring(colon + 1);
                keys.add(key.strip());
                dirs.add(dir.strip());
            }
        } else {
            String key = params.remove("sort_key");
            String dir = params.remove("sort_dir");
            keys.add(key == null ? "created_at" : key);
            dirs.add(dir == null ? "desc" : dir);
        }
    }

    private static List<ListQuery.Sort> sortColumns(CinderRequest request, ListSpec spec, List<String> keys,
            List<String> dirs) {
        for (String dir : dirs) {
            if (!dir.equals("asc") && !dir.equals("desc")) {
                throw CinderException.invalidInput("Unknown sort direction, must be 'desc' or 'asc'.");
            }
        }
        List<String> columns = new ArrayList<>();
        for (String key : keys) {
            String column = key.equals("name") && request.atLeast(spec.nameSortFromMinor()) ? "display_name" : key;
            columns.add(column);
        }
        List<String> directions = new ArrayList<>(dirs);
        String first = directions.isEmpty() ? "asc" : directions.get(0);
        for (String appended : List.of("created_at", "id")) {
            if (!columns.contains(appended)) {
                columns.add(appended);
                directions.add(first);
            }
        }
        List<ListQuery.Sort> sort = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (!spec.columns().contains(columns.get(i))) {
                throw CinderException.invalidInput("Invalid sort key");
            }
            sort.add(new ListQuery.Sort(columns.get(i), directions.get(i).equals("asc")));
        }
        return sort;
    }

    /**
     * Before 3.31 a non-admin's unknown filters are silently dropped; from 3.31 they are refused,
     * except {@code all_tenants}, which cinderclient always sends.
     */
    private static void filterOptions(CinderRequest request, ListSpec spec, Map<String, String> params,
            boolean likeAllowed) {
        for (String key : params.keySet()) {
            if (!StandardCharsets.US_ASCII.newEncoder().canEncode(key)) {
                throw CinderException.badRequest("Filter keys can only contain ASCII characters.");
            }
        }
        if (request.isAdmin()) {
            return;
        }
        if (!request.atLeast(Microversions.RESOURCE_FILTER)) {
            params.keySet().removeIf(key -> !spec.legacyUserFilters().contains(key));
            return;
        }
        List<String> invalid = new ArrayList<>();
        for (String key : params.keySet()) {
            boolean allowed = likeAllowed
                    ? spec.resourceFilters().contains(key) || spec.resourceFilters().contains(key + "~")
                    : spec.resourceFilters().contains(key);
            if (!allowed) {
                invalid.add(key);
            }
        }
        if (invalid.remove("all_tenants")) {
            params.remove("all_tenants");
        }
        if (!invalid.isEmpty()) {
            throw CinderException.badRequest("Invalid filters " + String.join(",", invalid)
                    + " are found in query options.");
        }
    }

    /**
     * {@code _get_collection_links}: a "next" link when the page is non-empty and the limit is not
     * above the item count (the total when counted, else the page size), carrying the original
     * query with the marker moved to the end.
     */
    public List<Map<String, String>> nextLinks(CinderRequest request, String collection, List<String> pageIds,
            Long total) {
        long itemCount = total != null && total != 0 ? total : pageIds.size();
        if (pageIds.isEmpty() || limit > itemCount) {
            return List.of();
        }
        StringJoiner query = new StringJoiner("&");
        originalParams.forEach((key, values) -> {
            if (!key.equals("marker")) {
                values.forEach(value -> query.add(encode(key) + "=" + encode(value)));
            }
        });
        query.add("marker=" + encode(pageIds.get(pageIds.size() - 1)));
        return List.of(Map.of("rel", "next", "href", request.collectionHref(collection) + "?" + query));
    }

    /** Python's {@code urlencode} ({@code quote_plus}). */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("*", "%2A").replace("%7E", "~");
    }
}
