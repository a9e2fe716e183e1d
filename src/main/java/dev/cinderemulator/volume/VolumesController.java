package dev.cinderemulator.volume;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

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
import dev.cinderemulator.config.EmulatorProperties;
import dev.cinderemulator.store.ResourceLists;
import tools.jackson.databind.JsonNode;

/** {@code /v3/volumes}: create, list, show, update, delete and the admin {@code os-reset_status} action. */
@RestController
class VolumesController {

    static final ListSpec VOLUME_LIST = new ListSpec("volumes", "Volume",
            Set.of("id", "project_id", "user_id", "display_name", "display_description", "status", "size",
                    "availability_zone", "volume_type", "bootable", "multiattach", "snapshot_id", "source_volid",
                    "created_at", "updated_at"),
            Set.of("name", "status", "metadata", "availability_zone", "bootable", "group_id"),
            Set.of("name", "status", "metadata", "bootable", "migration_status", "availability_zone", "group_id",
                    "size", "created_at", "updated_at"),
            Map.of("name", "display_name"), 0, Set.of("size"), Set.of("bootable", "multiattach"));

    /** {@code fields.VolumeStatus}: what an admin may reset a volume to. */
    static final Set<String> VOLUME_STATUSES = Set.of("creating", "available", "deleting", "error",
            "error_deleting", "error_managing", "managing", "attaching", "in-use", "detaching", "maintenance",
            "restoring-backup", "error_restoring", "reserved", "awaiting-transfer", "backing-up", "error_backing-up",
            "error_extending", "downloading", "uploading", "retyping", "extending");

    private final VolumeService service;
    private final Volumes volumes;
    private final ResourceLists lists;
    private final RequestBodies bodies;
    private final EmulatorProperties properties;

    VolumesController(VolumeService service, Volumes volumes, ResourceLists lists, RequestBodies bodies,
            EmulatorProperties properties) {
        this.service = service;
        this.volumes = volumes;
        this.lists = lists;
        this.bodies = bodies;
        this.properties = properties;
    }

    @PostMapping("/v3/volumes")
    ResponseEntity<Map<String, Object>> create(CinderRequest request, @RequestBody(required = false) byte[] body) {
        JsonNode volume = bodies.parse(body, VolumeSchemas.create(request.atLeast(53))).get("volume");
        Snapshot snapshot = null;
        Volume source = null;
        String snapshotId = JsonFields.rawText(volume, "snapshot_id");
        if (snapshotId != null) {
            snapshot = service.snapshot(request, snapshotId);
        }
        String sourceId = JsonFields.rawText(volume, "source_volid");
        if (sourceId != null) {
            source = service.volume(request, sourceId);
        }
        int size = size(volume, snapshot, source);
        String zone = JsonFields.rawText(volume, "availability_zone");
        if (zone != null && !zone.equals(properties.cloud().availabilityZone())) {
            throw CinderException.badRequest("Availability zone '" + zone + "' is invalid.");
        }
        String type = JsonFields.rawText(volume, "volume_type");
        if (type != null && !type.isEmpty() && !type.equals(VolumeService.DEFAULT_VOLUME_TYPE)
                && !type.equals(VolumeViews.DEFAULT_VOLUME_TYPE_ID)) {
            throw CinderException.notFound("Volume type with name " + type + " could not be found.");
        }
        String name = JsonFields.has(volume, "name") ? JsonFields.text(volume, "name")
                : JsonFields.text(volume, "display_name");
        String description = JsonFields.has(volume, "description") ? JsonFields.text(volume, "description")
                : JsonFields.text(volume, "display_description");
        boolean fromImage = JsonFields.rawText(volume, "imageRef") != null
                || JsonFields.rawText(volume, "image_id") != null;
        boolean bootable = fromImage || (source != null && source.bootable());
        VolumeDraft draft = new VolumeDraft(size, name, description, properties.cloud().availabilityZone(),
                JsonFields.metadata(volume, "metadata"), snapshotId, sourceId, bootable,
                JsonFields.flag(volume, "multiattach"));
        Volume created = service.create(request, draft);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("volume", VolumeViews.detail(request, created)));
    }

    private static int size(JsonNode volume, Snapshot snapshot, Volume source) {
        JsonNode size = volume.get("size");
        if (size == null || size.isNull()) {
            if (snapshot != null) {
                return snapshot.size();
            }
            if (source != null) {
                return source.size();
            }
            throw CinderException.invalidInput("Invalid volume size provided for create request: None (size argument "
                    + "must be an integer (or string representation of an integer) and greater than zero).");
        }
        long value;
        try {
            value = size.isNumber() ? size.longValue() : Long.parseLong(size.stringValue());
        } catch (NumberFormatException tooLarge) {
            value = -1;
        }
        if (value <= 0 || value > Integer.MAX_VALUE) {
            throw CinderException.invalidInput("Invalid volume size provided for create request: " + size.asString()
                    + " (size argument must be an integer (or string representation of an integer) and greater than "
                    + "zero).");
        }
        return (int) value;
    }

    @GetMapping("/v3/volumes")
    @Transactional(readOnly = true)
    Map<String, Object> index(CinderRequest request, @RequestParam MultiValueMap<String, String> params) {
        return list(request, params, "volumes", volume -> VolumeViews.summary(request, volume));
    }

    @GetMapping("/v3/volumes/detail")
    @Transactional(readOnly = true)
    Map<String, Object> detail(CinderRequest request, @RequestParam MultiValueMap<String, String> params) {
        return list(request, params, "volumes/detail", volume -> VolumeViews.detail(request, volume));
    }

    private Map<String, Object> list(CinderRequest request, MultiValueMap<String, String> params, String collection,
            Function<Volume, Map<String, Object>> view) {
        ListRequest list = ListRequest.parse(request, params, VOLUME_LIST);
        List<String> ids = list.emptyByFilter() ? List.of()
                : lists.page(list.query()).orElseThrow(
                        () -> CinderException.notFound("Volume " + list.query().marker() + " could not be found."));
        Map<String, Volume> found = new LinkedHashMap<>();
        volumes.findAllById(ids).forEach(volume -> found.put(volume.id(), volume));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("volumes", ids.stream().filter(found::containsKey).map(id -> view.apply(found.get(id))).toList());
        Long count = null;
        if (list.withCount()) {
            count = list.emptyByFilter() ? 0 : lists.count(list.query());
        }
        List<Map<String, String>> links = list.nextLinks(request, collection, ids, count);
        if (!links.isEmpty()) {
            body.put("volumes_links", links);
        }
        if (count != null) {
            body.put("count", count);
        }
        return body;
    }

    @GetMapping("/v3/volumes/{id}")
    @Transactional(readOnly = true)
    Map<String, Object> show(CinderRequest request, @PathVariable String id) {
        return Map.of("volume", VolumeViews.detail(request, service.volume(request, id)));
    }

    @PutMapping("/v3/volumes/{id}")
    @Transactional
    Map<String, Object> update(CinderRequest request, @PathVariable String id,
            @RequestBody(required = false) byte[] body) {
        JsonNode volume = bodies.parse(body, VolumeSchemas.update()).get("volume");
        boolean nameGiven = JsonFields.has(volume, "name") || JsonFields.has(volume, "display_name");
        boolean descriptionGiven = JsonFields.has(volume, "description")
                || JsonFields.has(volume, "display_description");
        String name = JsonFields.has(volume, "name") ? JsonFields.text(volume, "name")
                : JsonFields.text(volume, "display_name");
        String description = JsonFields.has(volume, "description") ? JsonFields.text(volume, "description")
                : JsonFields.text(volume, "display_description");
        Map<String, String> metadata = JsonFields.has(volume, "metadata") ? JsonFields.metadata(volume, "metadata")
                : null;
        Volume updated = service.update(request, id, name, description, metadata, nameGiven, descriptionGiven);
        return Map.of("volume", VolumeViews.detail(request, updated));
    }

    @DeleteMapping("/v3/volumes/{id}")
    ResponseEntity<Void> delete(CinderRequest request, @PathVariable String id) {
        service.delete(request, id);
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/v3/volumes/{id}/action")
    ResponseEntity<Void> action(CinderRequest request, @PathVariable String id,
            @RequestBody(required = false) byte[] body) {
        JsonNode action = bodies.parse(body);
        if (!action.isObject() || action.size() != 1) {
            throw CinderException.badRequest("Malformed request body");
        }
        String name = action.propertyNames().iterator().next();
        if (!name.equals("os-reset_status")) {
            throw CinderException.badRequest("There is no such action: " + name
                    + ". Verify the request body and Content-Type header and try again.");
        }
        VolumeSchemas.resetStatus().validate(action);
        String status = JsonFields.rawText(action.get("os-reset_status"), "status");
        if (status == null) {
            service.volume(request, id);
            return ResponseEntity.accepted().build();
        }
        status = status.toLowerCase(java.util.Locale.ROOT);
        if (!VOLUME_STATUSES.contains(status)) {
            throw CinderException.badRequest("Volume status: " + status + " is invalid, valid statuses are: "
                    + VOLUME_STATUSES.stream().sorted().toList() + ".");
        }
        service.resetStatus(request, id, status);
        return ResponseEntity.accepted().build();
    }
}
