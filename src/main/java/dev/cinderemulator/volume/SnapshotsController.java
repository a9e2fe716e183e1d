package dev.cinderemulator.volume;

import java.util.Map;
import java.util.function.Function;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.cinderemulator.web.CinderException;
import dev.cinderemulator.web.CinderRequest;
import dev.cinderemulator.web.JsonFields;
import dev.cinderemulator.web.ListPages;
import dev.cinderemulator.web.ListRequest;
import dev.cinderemulator.web.ListSpec;
import dev.cinderemulator.web.Microversions;
import dev.cinderemulator.web.RequestBodies;
import dev.cinderemulator.config.EmulatorProperties;
import tools.jackson.databind.JsonNode;

/**
 * {@code /v3/snapshots} ({@code cinder/api/v3/snapshots.py}): create, list, show, update and
 * delete. The list and the detail list carry the same fields, except that only show and the detail
 * list get the {@code os-extended-snapshot-attributes} extension.
 */
@RestController
class SnapshotsController {

    /**
     * Cinder's column is {@code volume_size}, which the API shows as {@code size}: as a filter,
     * {@code volume_size} works and {@code size} matches nothing. Sorting by name needs 3.30.
     */
    static final ListSpec SNAPSHOT_LIST = ListSpec.of("snapshots", "Snapshot")
            .columns("id", "project_id", "user_id", "volume_id", "display_name", "display_description", "status",
                    "size", "created_at", "updated_at")
            .legacyUserFilters("status", "volume_id", "name", "metadata")
            .resourceFilters("name", "status", "volume_id", "metadata", "availability_zone", "consumes_quota")
            .renamedFilters(Map.of("name", "display_name", "volume_size", "size", "size", "volume_size"))
            .nameSortFrom(Microversions.SNAPSHOT_SORT)
            .integerColumns("size")
            .allTenants(ListSpec.AllTenants.LENIENT)
            .metadataFilter()
            .filtersAddedIn(Map.of("metadata", Microversions.SNAPSHOT_LIST_METADATA_FILTER, "use_quota",
                    Microversions.USE_QUOTA))
            .build();

    static final String SNAPSHOT_IN_USE_FLAG = "Since microversion 3.66 the 'force' flag is invalid for this "
            + "request.  For backward compatability, however, when the 'force' flag is passed with a value "
            + "evaluating to True, it is silently ignored.";

    private final SnapshotApi service;
    private final VolumeApi volumeApi;
    private final ListPages lists;
    private final ListPages.Listed<Snapshot> listed;
    private final RequestBodies bodies;
    private final EmulatorProperties properties;

    SnapshotsController(SnapshotApi service, VolumeApi volumeApi, Snapshots snapshots, ListPages lists,
            RequestBodies bodies, EmulatorProperties properties) {
        this.service = service;
        this.volumeApi = volumeApi;
        this.lists = lists;
        this.listed = new ListPages.Listed<>("snapshots", "Snapshot", snapshots::findAllById, Snapshot::id);
        this.bodies = bodies;
        this.properties = properties;
    }

    @PostMapping("/v3/snapshots")
    ResponseEntity<Map<String, Object>> create(CinderRequest request, @RequestBody(required = false) byte[] body) {
        JsonNode snapshot = bodies.parse(body, VolumeSchemas.createSnapshot()).get("snapshot");
        String volumeId = JsonFields.rawText(snapshot, "volume_id");
        volumeApi.volume(request, volumeId == null ? "None" : volumeId);
        boolean force = JsonFields.flag(snapshot, "force");
        if (request.atLeast(Microversions.SNAPSHOT_IN_USE) && JsonFields.has(snapshot, "force") && !force) {
            throw CinderException.badRequest(SNAPSHOT_IN_USE_FLAG);
        }
        String name = JsonFields.has(snapshot, "name") ? JsonFields.text(snapshot, "name")
                : JsonFields.text(snapshot, "display_name");
        boolean allowInUse = force || request.atLeast(Microversions.SNAPSHOT_IN_USE);
        Snapshot created = service.createSnapshot(request, volumeId, allowInUse, name,
                JsonFields.text(snapshot, "description"), JsonFields.metadata(snapshot, "metadata"));
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(Map.of("snapshot", VolumeViews.snapshot(request, created)));
    }

    @GetMapping("/v3/snapshots")
    @Transactional(readOnly = true)
    Map<String, Object> index(CinderRequest request, @RequestParam MultiValueMap<String, String> params) {
        return list(request, params, "snapshots", VolumeViews::snapshotSummary);
    }

    @GetMapping("/v3/snapshots/detail")
    @Transactional(readOnly = true)
    Map<String, Object> detail(CinderRequest request, @RequestParam MultiValueMap<String, String> params) {
        return list(request, params, "snapshots/detail", snapshot -> VolumeViews.snapshotShown(request, snapshot));
    }

    private Map<String, Object> list(CinderRequest request, MultiValueMap<String, String> params, String collection,
            Function<Snapshot, Map<String, Object>> view) {
        MultiValueMap<String, String> filters = new LinkedMultiValueMap<>(params);
        // The zone is the snapshot's volume's, and every volume is in the one zone here; before
        // 3.31 a non-admin's zone filter is dropped, like every filter outside the legacy list.
        String zone = filters.getFirst("availability_zone");
        filters.remove("availability_zone");
        boolean otherZone = zone != null && !zone.equals(properties.cloud().availabilityZone())
                && (request.isAdmin() || request.atLeast(Microversions.RESOURCE_FILTER));
        ListRequest list = ListRequest.parse(request, filters, params, SNAPSHOT_LIST);
        return lists.respond(request, list, list.emptyByFilter() || otherZone, listed, collection, view);
    }

    @GetMapping("/v3/snapshots/{id}")
    @Transactional(readOnly = true)
    Map<String, Object> show(CinderRequest request, @PathVariable String id) {
        return Map.of("snapshot", VolumeViews.snapshotShown(request, service.snapshot(request, id)));
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

    /**
     * {@code POST /snapshots/{id}/action}: the admin {@code os-reset_status} and
     * {@code os-force_delete} ({@code contrib/admin_actions.py}) and {@code os-update_snapshot_status}
     * ({@code contrib/snapshot_actions.py}); all answer 202 without a body.
     */
    @PostMapping("/v3/snapshots/{id}/action")
    ResponseEntity<Void> action(CinderRequest request, @PathVariable String id,
            @RequestBody(required = false) byte[] body) {
        JsonNode action = bodies.parse(body);
        if (!action.isObject() || action.size() != 1) {
            throw CinderException.badRequest("Malformed request body");
        }
        String name = action.propertyNames().iterator().next();
        switch (name) {
            case "os-reset_status" -> {
                VolumeSchemas.resetSnapshotStatus().validate(action);
                service.resetStatus(request, id,
                        JsonFields.rawText(action.get(name), "status").toLowerCase(java.util.Locale.ROOT));
            }
            case "os-force_delete" -> service.forceDelete(request, id);
            case "os-update_snapshot_status" -> {
                VolumeSchemas.updateSnapshotStatus().validate(action);
                service.reportStatus(request, id, JsonFields.rawText(action.get(name), "status"),
                        JsonFields.rawText(action.get(name), "progress"));
            }
            default -> throw CinderException.badRequest("There is no such action: " + name
                    + ". Verify the request body and Content-Type header and try again.");
        }
        return ResponseEntity.accepted().build();
    }

    @DeleteMapping("/v3/snapshots/{id}")
    ResponseEntity<Void> delete(CinderRequest request, @PathVariable String id, HttpServletResponse response) {
        service.deleteSnapshot(request, id);
        return VolumesController.webobAccepted(response);
    }
}
