package dev.cinderemulator.volume;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cinderemulator.web.CinderRequest;

/**
 * {@code cinder/api/views/types.py} with the {@code os-volume-type-access} extension: extra specs
 * for every reader (non-admins only the user-visible ones), {@code qos_specs_id} for admins, and
 * {@code os-volume-type-access:is_public} on show, list and create (not on update). Tempest's
 * schemas for create and update refuse {@code qos_specs_id}, so only show and list carry it.
 */
final class VolumeTypeViews {

    /** {@code policies/type_extra_specs.py USER_VISIBLE_EXTRA_SPECS}. */
    private static final List<String> USER_VISIBLE_EXTRA_SPECS = List.of("RESKEY:availability_zones",
            "multiattach", "replication_enabled");

    private VolumeTypeViews() {
    }

    static Map<String, Object> type(CinderRequest request, VolumeType type, boolean withAccess) {
        return type(request, type, withAccess, true);
    }

    static Map<String, Object> type(CinderRequest request, VolumeType type, boolean withAccess, boolean withQos) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", type.id());
        view.put("name", type.name());
        view.put("is_public", type.isPublic());
        view.put("description", type.description());
        view.put("extra_specs", visibleSpecs(request, type.extraSpecs()));
        if (withQos && request.isAdmin()) {
            view.put("qos_specs_id", type.qosSpecsId());
        }
        if (withAccess) {
            view.put("os-volume-type-access:is_public", type.isPublic());
        }
        return view;
    }

    static Map<String, String> visibleSpecs(CinderRequest request, Map<String, String> specs) {
        if (request.isAdmin()) {
            return specs;
        }
        Map<String, String> visible = new LinkedHashMap<>();
        USER_VISIBLE_EXTRA_SPECS.stream().filter(specs::containsKey).forEach(key -> visible.put(key, specs.get(key)));
        return visible;
    }

    static Map<String, Object> access(VolumeType type) {
        return Map.of("volume_type_access", type.projects().stream().sorted()
                .map(project -> Map.of("volume_type_id", type.id(), "project_id", project)).toList());
    }
}
