package dev.cinderemulator.volume;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import jakarta.servlet.http.HttpServletResponse;
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

import dev.cinderemulator.web.CinderException;
import dev.cinderemulator.web.CinderRequest;
import dev.cinderemulator.web.JsonFields;
import dev.cinderemulator.web.ListPages;
import dev.cinderemulator.web.ListRequest;
import dev.cinderemulator.web.ListSpec;
import dev.cinderemulator.web.Microversions;
import dev.cinderemulator.web.ParameterTypes;
import dev.cinderemulator.web.RequestBodies;
import tools.jackson.databind.JsonNode;

/**
 * {@code /v3/volumes} ({@code cinder/api/v3/volumes.py}): create, list, show, update, delete and
 * the admin {@code os-reset_status} action ({@code contrib/admin_actions.py}).
 */
@RestController
class VolumesController {

    /**
     * Sort keys and admin filters are the {@code volumes} columns (the type is {@code volume_type_id}
     * in Cinder, so {@code volume_type} is neither); non-admins get the {@code volume} entry of
     * {@code resource_filters.json}, which is also the list before 3.31.
     */
    static final ListSpec VOLUME_LIST = ListSpec.of("volumes", "Volume")
            .columns("id", "project_id", "user_id", "display_name", "display_description", "status",
                    "previous_status", "size", "availability_zone", "bootable", "multiattach", "snapshot_id",
                    "source_volid", "created_at", "updated_at")
            .legacyUserFilters("name", "status", "metadata", "bootable", "migration_status", "availability_zone",
                    "group_id", "size", "created_at", "updated_at", "consumes_quota")
            .resourceFilters("name", "status", "metadata", "bootable", "migration_status", "availability_zone",
                    "group_id", "size", "created_at", "updated_at", "consumes_quota")
            .renamedFilters(Map.of("name", "display_name"))
            .integerColumns("size")
            .booleanColumns("bootable", "multiattach")
            .allTenants(ListSpec.AllTenants.BOOL_PARAM)
            .metadataFilter()
            .filtersAddedIn(Map.of("glance_metadata", Microversions.VOLUME_LIST_GLANCE_METADATA, "group_id",
                    Microversions.VOLUME_LIST_GROUP, "created_at", Microversions.VOLUME_TIME_COMPARISON_FILTER,
                    "updated_at", Microversions.VOLUME_TIME_COMPARISON_FILTER, "use_quota", Microversions.USE_QUOTA))
            .build();

    private static final String MULTIATTACH_REMOVED = "multiattach parameter has been removed. The default behavior "
            + "is to use multiattach enabled volume types. Contact your administrator to create a multiattach "
            + "enabled volume type and use it to create multiattach volumes.";

    private final VolumeApi service;
    private final SnapshotApi snapshotApi;
    private final ListPages lists;
    private final ListPages.Listed<Volume> listed;
    private final RequestBodies bodies;

    VolumesController(VolumeApi service, SnapshotApi snapshotApi, Volumes volumes, ListPages lists,
            RequestBodies bodies) {
        this.service = service;
        this.snapshotApi = snapshotApi;
        this.lists = lists;
        this.listed = new ListPages.Listed<>("volumes", "Volume", volumes::findAllById, Volume::id);
        this.bodies = bodies;
    }

    /** The controller's part of create: lookups (each a 404) in Cinder's order, then the request. */
    @PostMapping("/v3/volumes")
    ResponseEntity<Map<String, Object>> create(CinderRequest request, @RequestBody(required = false) byte[] body) {
        JsonNode volume = bodies.parse(body, VolumeSchemas.create(request)).get("volume");
        String name = JsonFields.has(volume, "name") ? JsonFields.text(volume, "name")
                : JsonFields.text(volume, "display_name");
        String description = JsonFields.has(volume, "description") ? JsonFields.text(volume, "description")
                : JsonFields.text(volume, "display_description");
        String typeName = JsonFields.rawText(volume, "volume_type");
        VolumeTypeRef type = typeName == null || typeName.isEmpty() ? null : service.volumeType(request, typeName);
        String snapshotId = JsonFields.rawText(volume, "snapshot_id");
        Snapshot snapshot = snapshotId == null ? null : snapshotApi.snapshot(request, snapshotId);
        String sourceId = JsonFields.rawText(volume, "source_volid");
        Volume source = sourceId == null ? null : service.volume(request, sourceId);
        for (String group : List.of("consistencygroup_id", "group_id")) {
            // There are no groups here, so any group is Cinder's GroupNotFound.
            String groupId = JsonFields.rawText(volume, group);
            if (groupId != null) {
                throw CinderException.notFound("Group " + groupId + " could not be found.");
            }
        }
        String image = JsonFields.has(volume, "image_id") ? JsonFields.rawText(volume, "image_id")
                : JsonFields.rawText(volume, "imageRef");
        if (JsonFields.has(volume, "multiattach")) {
            JsonNode multiattach = volume.get("multiattach");
            // utils.get_bool_param: the schema lets null through, the parameter reader does not.
            String value = multiattach.isNull() ? "None" : multiattach.asString();
            if (!multiattach.isBoolean() && !ParameterTypes.isBooleanString(value)) {
                throw CinderException.badRequest("Value '" + value + "' for 'multiattach' is not a boolean.");
            }
            if (JsonFields.flag(volume, "multiattach")) {
                throw CinderException.badRequest(MULTIATTACH_REMOVED);
            }
        }
        VolumeRequest ask = new VolumeRequest(size(volume.get("size")), name, description,
                JsonFields.rawText(volume, "availability_zone"), JsonFields.metadata(volume, "metadata"), snapshot,
                source, image != null, type);
        Volume created = service.create(request, ask);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("volume", VolumeViews.detail(request, created)));
    }

    /** The size as Python's {@code str()} shows it, null when absent. */
    private static String size(JsonNode size) {
        if (size == null || size.isNull()) {
            return null;
        }
        return size.isString() ? size.stringValue() : size.asString();
    }

    @GetMapping("/v3/volumes")
    @Transactional(readOnly = true)
    Map<String, Object> index(CinderRequest request, @RequestParam MultiValueMap<String, String> params) {
        return list(request, params, "volumes", volume -> VolumeViews.summary(request, volume));
    }

    @GetMapping("/v3/volumes/detail")
    @Transactional(readOnly = true)
    Map<String, Object> detail(CinderRequest request, @RequestParam MultiValueMap<String, String> params) {
        return list(request, params, "volumes/detail", volume -> VolumeViews.shown(request, volume));
    }

    private Map<String, Object> list(CinderRequest request, MultiValueMap<String, String> params, String collection,
            Function<Volume, Map<String, Object>> view) {
        ListRequest list = ListRequest.parse(request, params, VOLUME_LIST);
        return lists.respond(request, list, list.emptyByFilter(), listed, collection, view);
    }

    @GetMapping("/v3/volumes/{id}")
    @Transactional(readOnly = true)
    Map<String, Object> show(CinderRequest request, @PathVariable String id) {
        return Map.of("volume", VolumeViews.shown(request, service.volume(request, id)));
    }

    @PutMapping("/v3/volumes/{id}")
    @Transactional
    Map<String, Object> update(CinderRequest request, @PathVariable String id,
            @RequestBody(required = false) byte[] body) {
        JsonNode volume = bodies.parse(body, VolumeSchemas.update(request)).get("volume");
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

    /** {@code cascade} is read at every version, {@code force} from 3.23 (admins only). */
    @DeleteMapping("/v3/volumes/{id}")
    ResponseEntity<Void> delete(CinderRequest request, @PathVariable String id,
            @RequestParam MultiValueMap<String, String> params, HttpServletResponse response) {
        boolean cascade = boolParam(params, "cascade");
        boolean force = request.atLeast(Microversions.VOLUME_DELETE_FORCE) && boolParam(params, "force");
        service.delete(request, id, cascade, force);
        return webobAccepted(response);
    }

    /**
     * {@code volumes.py} and {@code snapshots.py} {@code delete} return a bare
     * {@code webob.Response(status_int=202)}: webob's default Content-Type, and none of the
     * headers Cinder's serializer adds to a {@code ResponseObject} ({@code X-Compute-Request-Id}).
     */
    static ResponseEntity<Void> webobAccepted(HttpServletResponse response) {
        response.setHeader("X-Compute-Request-Id", null);
        return ResponseEntity.accepted().header("Content-Type", "text/html; charset=UTF-8").build();
    }

    /** {@code utils.get_bool_param}. */
    private static boolean boolParam(MultiValueMap<String, String> params, String name) {
        String value = params.getFirst(name);
        if (value == null) {
            return false;
        }
        if (!ParameterTypes.isBooleanString(value)) {
            throw CinderException.badRequest("Value '" + value + "' for '" + name + "' is not a boolean.");
        }
        return ParameterTypes.isTrue(value);
    }

    /**
     * {@code POST /volumes/{id}/action}: the actions of {@code contrib/volume_actions.py} and
     * {@code admin_actions.py} that need no compute or image service. Each body is validated
     * before the volume is looked up, as Cinder's schema decorator runs first. {@code os-set_bootable}
     * answers 200, every other action 202, all without a body.
     */
    @PostMapping("/v3/volumes/{id}/action")
    ResponseEntity<Void> action(CinderRequest request, @PathVariable String id,
            @RequestBody(required = false) byte[] body) {
        JsonNode action = bodies.parse(body);
        if (!action.isObject() || action.size() != 1) {
            throw CinderException.badRequest("Malformed request body");
        }
        String name = action.propertyNames().iterator().next();
        JsonNode fields = action.get(name);
        switch (name) {
            case "os-reset_status" -> {
                VolumeSchemas.resetStatus().validate(action);
                service.resetStatus(request, id, lower(JsonFields.rawText(fields, "status")),
                        lower(JsonFields.rawText(fields, "attach_status")));
            }
            case "os-force_delete" -> service.forceDelete(request, id);
            case "os-extend" -> {
                VolumeSchemas.extend().validate(action);
                service.extend(request, id, Integer.parseInt(fields.get("new_size").asString()));
            }
            case "os-set_bootable" -> {
                VolumeSchemas.flagAction(name, "bootable").validate(action);
                service.setBootable(request, id, flag(fields.get("bootable")));
                return ResponseEntity.ok().build();
            }
            case "os-update_readonly_flag" -> {
                VolumeSchemas.flagAction(name, "readonly").validate(action);
                service.updateReadonlyFlag(request, id, flag(fields.get("readonly")));
            }
            case "os-reserve" -> service.reserve(request, id);
            case "os-unreserve" -> service.unreserve(request, id);
            case "os-begin_detaching" -> service.beginDetaching(request, id);
            case "os-roll_detaching" -> service.rollDetaching(request, id);
            case "os-attach" -> {
                VolumeSchemas.attach().validate(action);
                String mode = JsonFields.rawText(fields, "mode");
                service.attach(request, id, new VolumeAttachmentRequest(JsonFields.rawText(fields, "instance_uuid"),
                        JsonFields.rawText(fields, "host_name"), JsonFields.rawText(fields, "mountpoint"),
                        mode == null ? "rw" : mode));
            }
            case "os-detach" -> {
                VolumeSchemas.detach().validate(action);
                service.detach(request, id, fields.isNull() ? null : JsonFields.rawText(fields, "attachment_id"));
            }
            case "os-retype" -> {
                VolumeSchemas.retype().validate(action);
                service.retype(request, id, JsonFields.rawText(fields, "new_type"),
                        JsonFields.rawText(fields, "migration_policy"));
            }
            default -> throw CinderException.badRequest("There is no such action: " + name
                    + ". Verify the request body and Content-Type header and try again.");
        }
        return ResponseEntity.accepted().build();
    }

    private static String lower(String value) {
        return value == null || value.isEmpty() ? null : value.toLowerCase(Locale.ROOT);
    }

    /** {@code strutils.bool_from_string(strict=True)} of a value the schema let through. */
    private static boolean flag(JsonNode value) {
        return value.isBoolean() ? value.booleanValue() : ParameterTypes.isTrue(value.asString());
    }
}
