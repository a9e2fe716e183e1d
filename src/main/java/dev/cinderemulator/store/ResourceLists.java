package dev.cinderemulator.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;


/**
 * Cinder's {@code paginate_query}: rows after the marker in the requested order, found with a
 * keyset condition over the sort keys (equality on the earlier keys, a comparison on the next),
 * then offset and limit. With the (project, created_at, id) indexes a page costs the same at a
 * million rows as at ten: the first key's bound is also given on its own, so the index scan
 * starts at the marker, and the project is named as the leading sort key (a constant, so the
 * order is the same), so H2 reads the index in order, backwards for descending keys, instead of
 * sorting the whole project. Nulls sort first, as on Cinder's MySQL; the columns that are never
 * null get no NULLS clause, which lets PostgreSQL walk its index backwards too.
 */
@Component
public class ResourceLists {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_]+");
    private static final Set<String> NEVER_NULL = Set.of("id", "project_id", "created_at");

    private final JdbcClient jdbc;

    ResourceLists(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The ids on the page in order; empty when the marker does not exist in scope. */
    public Optional<List<String>> page(ListQuery query) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = where(query, params);
        if (query.marker() != null) {
            Optional<Map<String, Object>> marker = markerValues(query);
            if (marker.isEmpty()) {
                return Optional.empty();
            }
            ListQuery.Sort first = query.sort().get(0);
            Object bound = valueOf(marker.get(), first.column());
            if (bound != null) {
                // Implied by the keyset condition below; said on its own it bounds the index scan.
                where.append(" AND ").append(column(first.column())).append(first.ascending() ? " >= ?" : " <= ?");
                params.add(bound);
            }
            where.append(" AND (").append(keyset(query.sort(), marker.get(), params)).append(')');
        }
        StringJoiner order = new StringJoiner(", ");
        if (query.projectId() != null) {
            order.add(orderBy(new ListQuery.Sort("project_id", query.sort().get(0).ascending())));
        }
        for (ListQuery.Sort sort : query.sort()) {
            order.add(orderBy(sort));
        }
        String sql = "SELECT id FROM " + column(query.table()) + where + " ORDER BY " + order + " LIMIT "
                + query.limit() + " OFFSET " + query.offset();
        return Optional.of(jdbc.sql(sql).params(params).query(String.class).list());
    }

    public long count(ListQuery query) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = where(query, params);
        return jdbc.sql("SELECT COUNT(*) FROM " + column(query.table()) + where).params(params).query(Long.class)
                .single();
    }

    private static String orderBy(ListQuery.Sort sort) {
        String direction = sort.ascending() ? " ASC" : " DESC";
        return column(sort.column()) + direction
                + (NEVER_NULL.contains(sort.column()) ? "" : sort.ascending() ? " NULLS FIRST" : " NULLS LAST");
    }

    private Optional<Map<String, Object>> markerValues(ListQuery query) {
        StringJoiner columns = new StringJoiner(", ");
        query.sort().forEach(sort -> columns.add(column(sort.column())));
        List<Object> params = new ArrayList<>();
        params.add(query.marker());
        String scope = "";
        if (query.projectId() != null) {
            scope = " AND project_id = ?";
            params.add(query.projectId());
        }
        List<Map<String, Object>> rows = jdbc.sql("SELECT " + columns + " FROM " + column(query.table())
                + " WHERE id = ?" + scope).params(params).query().listOfRows();
        return rows.stream().findFirst();
    }

    private static StringBuilder where(ListQuery query, List<Object> params) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        query.project().ifPresent(project -> {
            where.append(" AND project_id = ?");
            params.add(project);
        });
        query.filters().forEach((name, value) -> {
            if (value == null) {
                where.append(" AND ").append(column(name)).append(" IS NULL");
            } else {
                where.append(" AND ").append(column(name)).append(" = ?");
                params.add(value);
            }
        });
        query.likeFilters().forEach((name, value) -> {
            // As text whatever the column's type (MySQL casts implicitly; PostgreSQL needs it said).
            where.append(" AND CAST(").append(column(name)).append(" AS VARCHAR(1000)) LIKE ?");
            params.add("%" + value + "%");
        });
        // Each item must be one of the row's key/value pairs, as the JSON column spells it.
        query.metadata().forEach((key, value) -> {
            where.append(" AND metadata LIKE ? ESCAPE '\\'");
            params.add("%" + MetadataConverter.jsonPair(key, value).replaceAll("([\\\\%_])", "\\\\$1") + "%");
        });
        return where;
    }

    /** {@code (k1 > m1) OR (k1 = m1 AND k2 > m2) OR ...}, flipped for descending keys. */
    private static String keyset(List<ListQuery.Sort> sort, Map<String, Object> marker, List<Object> params) {
        StringJoiner any = new StringJoiner(" OR ");
        for (int i = 0; i < sort.size(); i++) {
            Object value = valueOf(marker, sort.get(i).column());
            if (value == null) {
                continue;
            }
            StringJoiner all = new StringJoiner(" AND ", "(", ")");
            for (int j = 0; j < i; j++) {
                Object earlier = valueOf(marker, sort.get(j).column());
                if (earlier == null) {
                    all.add(column(sort.get(j).column()) + " IS NULL");
                } else {
                    all.add(column(sort.get(j).column()) + " = ?");
                    params.add(earlier);
                }
            }
            all.add(column(sort.get(i).column()) + (sort.get(i).ascending() ? " > ?" : " < ?"));
            params.add(value);
            any.add(all.toString());
        }
        return any.length() == 0 ? "1 = 0" : any.toString();
    }

    private static Object valueOf(Map<String, Object> row, String column) {
        return row.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(column))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    private static String column(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a column: " + name);
        }
        return name;
    }
}
