package dev.cinderemulator.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.cinderemulator.store.ResourceLists;

/** A list request answered as Cinder answers it, from the page of ids the store finds. */
@Component
public class ListPages {

    private final ResourceLists rows;

    ListPages(ResourceLists rows) {
        this.rows = rows;
    }

    /**
     * Cinder's list answer ({@code _list_view}): the page's items in order, {@code <key>_links}
     * only when there is a next page, {@code count} only when asked for. {@code matchesNothing}
     * is a filter known to match no row, which Cinder still answers with an empty page.
     */
    public <T> Map<String, Object> respond(CinderRequest request, ListRequest list, boolean matchesNothing,
            Listed<T> resource, String collection, Function<T, Map<String, Object>> view) {
        List<String> ids = matchesNothing ? List.of()
                : rows.page(list.query()).orElseThrow(() -> CinderException.notFound(
                        resource.label() + " " + list.query().marker() + " could not be found."));
        Map<String, T> found = new LinkedHashMap<>();
        resource.loader().apply(ids).forEach(item -> found.put(resource.idOf().apply(item), item));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(resource.key(), ids.stream().filter(found::containsKey).map(id -> view.apply(found.get(id))).toList());
        Long count = list.withCount() ? Long.valueOf(matchesNothing ? 0 : rows.count(list.query())) : null;
        List<Map<String, String>> links = list.nextLinks(request, collection, ids, count);
        if (!links.isEmpty()) {
            body.put(resource.key() + "_links", links);
        }
        if (count != null) {
            body.put("count", count);
        }
        return body;
    }

    /** A listable resource: its collection key ("backups"), its name in "X could not be found", how rows load. */
    public record Listed<T>(String key, String label, Function<List<String>, Iterable<T>> loader,
            Function<T, String> idOf) {
    }
}
