package dev.cinderemulator.volume;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.cinderemulator.api.CinderException;
import dev.cinderemulator.api.CinderRequest;
import dev.cinderemulator.api.JsonFields;
import dev.cinderemulator.api.ListRequest;
import dev.cinderemulator.api.ListSpec;
import dev.cinderemulator.api.RequestBodies;
import dev.cinderemulator.store.ResourceLists;
import tools.jackson.databind.JsonNode;

/** {@code /v3/snapshots}: create, list, show, update and delete. Summary and detail views are the same in Cinder. */
@RestController
class SnapshotsController {

    static final ListSpec SNAPSHOT_LIST = new ListSpec("snapshots", "Snapshot",
            Set.of("id", "project_id", "user_id", "volume_id", "display_name", "display_description", "status", "size",
                    "created_at", "updated_at"),
            Set.of("name", "status", "volume_id", "project_id"),
            Set.of("name", "status", "volume_id", "metadata", "availability_zone"),
            Map.of("name", "display_name"), 0, Set.of("size"), Set.of());

    private final VolumeService service;
    private final Snapshots snapshots;
    private final ResourceLists lists;
    private final RequestBodies bodies;

    SnapshotsController(VolumeService service, Snapshots snapshots, ResourceLists lists, RequestBodies bodies) {
        this.service = service;
        this.snapshots = snapshots;
        this.lists = lists;
        this.bodies = bodies;
    }

    @PostMapping("/v3/snapshots")
    ResponseEntity<Map<String, Object>> create(CinderRequest request, @RequestBody(required = false) byte[] body) {
        JsonNode snapshot = bodies.parse(body, VolumeSchemas.createSnapshot()).get("snapshot");
        String volumeId = JsonFields.rawText(snapshot, "volume_id");
        if (volumeId == null) {
            throw CinderException.notFound("Volume None could not be found.");
        }
        String name = JsonFields.has(snapshot, "name") ? JsonFields.text(snapshot, "name")
                : JsonFields.text(snapshot, "display_name");
        Snapshot created = service.createSnapshot(request, volumeId, JsonFields.flag(snapshot, "force"), name,
                JsonFields.text(snapshot, "description"), JsonFields.metadata(snapshot, "metadata"));
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(Map.of("snapshot", VolumeViews.snapshot(request, created)));
    }

    @GetMapping({ "/v3/snapshots", "/v3/snapshots/detail" })
    @Transactional(readOnly = true)
    Map<String, Object> list(CinderRequest request, @RequestParam MultiValueMap<String, String> params,
            jakarta.servlet.http.HttpServletRequest http) {
        String collection = http.getRequestURI().endsWith("/detail") ? "snapshots/detail" : "snapshots";
        ListRequest list = ListRequest.parse(request, params, SNAPSHOT_LIST);
        List<String> ids = list.emptyByFilter() ? List.of()
                : lists.page(list.query()).orElseThrow(
                        () -> CinderException.notFound("Snapshot " + list.query().marker() + " could not be found."));
        Map<String, Snapshot> found = new LinkedHashMap<>();
        snapshots.findAllById(ids).forEach(snapshot -> found.put(snapshot.id(), snapshot));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("snapshots", ids.stream().filter(found::containsKey)
                .map(id -> VolumeViews.snapshot(request, found.get(id))).toList());
        Long count = null;
        if (list.withCount()) {
            count = list.emptyByFilter() ? 0 : lists.count(list.query());
        }
        List<Map<String, String>> links = list.nextLinks(request, collection, ids, count);
        if (!links.isEmpty()) {
            body.put("snapshots_links", links);
        }
        if (count != null) {
            body.put("count", count);
        }
        return body;
    }

    @GetMapping("/v3/snapshots/{id}")
    @Transactional(readOnly = true)
    Map<String, Object> show(CinderRequest request, @PathVariable String id) {
        return Map.of("snapshot", VolumeViews.snapshot(request, service.snapshot(request, id)));
    }

    @PutMapping("/v3/snapshots/{id}")
    @Transactional
    Map<String, Object> update(CinderRequest request, @PathVariable String id,
            @RequestBody(required = false) byte[] body) {
        JsonNode snapshot = bodies.parse(body, VolumeSchemas.updateSnapshot()).get("snapshot");
        boolean nameGiven = JsonFields.has(snapshot, "name") || JsonFields.has(snapshot, "display_name");
        boolean descriptionGiven = JsonFields.has(snapshot, "description")
                || JsonFields.has(snapshot, "display_description");
        String name = JsonFields.has(snapshot, "name") ? JsonFields.text(snapshot, "name")
                : JsonFields.text(snapshot, "display_name");
        String description = JsonFields.has(snapshot, "description") ? JsonFields.text(snapshot, "description")
                : JsonFields.text(snapshot, "display_description");
        Snapshot updated = service.updateSnapshot(request, id, name, description, nameGiven, descriptionGiven);
        return Map.of("snapshot", VolumeViews.snapshot(request, updated));
    }

    @DeleteMapping("/v3/snapshots/{id}")
    ResponseEntity<Void> delete(CinderRequest request, @PathVariable String id) {
        service.deleteSnapshot(request, id);
        return ResponseEntity.accepted().build();
    }
}
