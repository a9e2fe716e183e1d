package dev.cinderemulator.volume;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.cinderemulator.engine.EmulatorClock;
import dev.cinderemulator.engine.IdGenerator;
import dev.cinderemulator.web.CinderException;
import dev.cinderemulator.web.CinderRequest;
import dev.cinderemulator.web.ParameterTypes;

/**
 * Cinder's {@code volume/volume_types.py} with {@code contrib/types_manage.py},
 * {@code types_extra_specs.py} and {@code volume_type_access.py}: lookups that hide private types
 * from the projects they are not shared with, and the admin-only changes, in Cinder's order
 * (policy first, then the lookups).
 */
@Service
@Transactional
class VolumeTypeApi {

    private final VolumeTypes types;
    private final Volumes volumes;
    private final EmulatorClock clock;
    private final IdGenerator ids;

    VolumeTypeApi(VolumeTypes types, Volumes volumes, EmulatorClock clock, IdGenerator ids) {
        this.types = types;
        this.volumes = volumes;
        this.clock = clock;
        this.ids = ids;
    }

    /** {@code volume_types.get_volume_type}: another project's private type is not found. */
    @Transactional(readOnly = true)
    VolumeType type(CinderRequest request, String id) {
        return types.findById(id).filter(type -> type.visibleTo(request.projectId(), request.isAdmin()))
                .orElseThrow(() -> CinderException.notFound("Volume type " + id + " could not be found."));
    }

    /** {@code GET /types/default}: the default type is {@code __DEFAULT__}. */
    @Transactional(readOnly = true)
    VolumeType defaultType() {
        return types.findById(VolumeType.DEFAULT_ID).orElseThrow(
                () -> CinderException.notFound("Default volume type can not be found."));
    }

    /** {@code volume_types.get_by_name_or_id}: a uuid-like identity is tried as an id, then as a name. */
    @Transactional(readOnly = true)
    VolumeTypeRef byNameOrId(CinderRequest request, String identity) {
        return byNameOrId(request.projectId(), request.isAdmin(), identity);
    }

    @Transactional(readOnly = true)
    VolumeTypeRef byNameOrId(String projectId, boolean admin, String identity) {
        Optional<VolumeType> byName = types.findByName(identity).filter(type -> type.visibleTo(projectId, admin));
        if (!ParameterTypes.isUuidLike(identity)) {
            return byName.map(VolumeType::ref).orElseThrow(() -> CinderException.notFound(
                    "Volume type with name " + identity + " could not be found."));
        }
        return types.findById(identity).filter(type -> type.visibleTo(projectId, admin)).or(() -> byName).map(VolumeType::ref)
                .orElseThrow(() -> CinderException.notFound("Volume type " + identity + " could not be found."));
    }

    /**
     * {@code get_all_types} after {@code _parse_is_public}: without {@code is_public} (and always
     * for non-admins) the public types plus those shared with the project; an admin's
     * {@code is_public=false} gives the private ones, {@code is_public=None} every type.
     */
    @Transactional(readOnly = true)
    List<VolumeType> list(CinderRequest request, String isPublicParameter) {
        Boolean isPublic = true;
        if (request.isAdmin() && isPublicParameter != null) {
            if (isPublicParameter.equalsIgnoreCase("none")) {
                isPublic = null;
            } else if (ParameterTypes.isBooleanString(isPublicParameter)) {
                isPublic = ParameterTypes.isTrue(isPublicParameter);
            } else {
                throw CinderException.invalidInput("Invalid is_public filter [" + isPublicParameter + "]");
            }
        }
        Boolean wanted = isPublic;
        return types.findAll().stream().filter(type -> wanted == null || type.isPublic() == wanted
                || wanted && type.projects().contains(request.projectId())).toList();
    }

    VolumeType create(CinderRequest request, String name, String description, Map<String, String> specs,
            boolean isPublic) {
        requireAdmin(request, "volume_extension:types_manage");
        if (types.findByName(name).isPresent()) {
            throw conflict("Volume Type " + name + " already exists.");
        }
        VolumeType type = new VolumeType(ids.newId(), name, description, isPublic, specs, clock.now());
        return types.save(type);
    }

    VolumeType update(CinderRequest request, String id, String name, String description, Boolean isPublic) {
        requireAdmin(request, "volume_extension:types_manage");
        VolumeType type = type(request, id);
        if (name != null && !name.equals(type.name()) && types.findByName(name).isPresent()) {
            throw conflict("Volume Type " + name + " already exists.");
        }
        types.lockForUpdate(type);
        type.update(name, description, isPublic, clock.now());
        if (name != null) {
            volumes.renameType(type.id(), name);
        }
        return type;
    }

    /** {@code volume_types.destroy}: never the default, never while volumes have it. */
    void delete(CinderRequest request, String id) {
        requireAdmin(request, "volume_extension:types_manage");
        VolumeType type = type(request, id);
        if (type.isDefault()) {
            throw CinderException.badRequest("The volume type " + id + " is a default volume type and cannot be "
                    + "deleted.");
        }
        if (volumes.countOfType(id) > 0) {
            throw CinderException.badRequest("Target volume type is still in use.");
        }
        types.delete(type);
    }

    /** {@code types_extra_specs.py _get_extra_specs}: non-admins see the user-visible specs only. */
    @Transactional(readOnly = true)
    Map<String, String> extraSpecs(CinderRequest request, String typeId) {
        return VolumeTypeViews.visibleSpecs(request, type(request, typeId).extraSpecs());
    }

    Map<String, String> updateExtraSpecs(CinderRequest request, String typeId, Map<String, String> specs) {
        requireAdmin(request, "volume_extension:types_extra_specs:create");
        checkNotInUse(typeId);
        VolumeType type = type(request, typeId);
        if ("<is> True".equals(merged(type, specs).get("multiattach"))
                && "<is> True".equals(merged(type, specs).get("cacheable"))) {
            throw CinderException.badRequest("cacheable cannot be set with multiattach.");
        }
        types.lockForUpdate(type);
        type.updateExtraSpecs(specs, clock.now());
        return specs;
    }

    private static Map<String, String> merged(VolumeType type, Map<String, String> specs) {
        Map<String, String> merged = new LinkedHashMap<>(type.extraSpecs());
        merged.putAll(specs);
        return merged;
    }

    /** {@code types_extra_specs.py delete}: the type is checked before the policy, as Cinder does. */
    void deleteExtraSpec(CinderRequest request, String typeId, String key) {
        VolumeType type = type(request, typeId);
        requireAdmin(request, "volume_extension:types_extra_specs:delete");
        checkNotInUse(typeId);
        if (!type.extraSpecs().containsKey(key)) {
            throw CinderException.notFound("Volume Type " + typeId + " has no extra specs with key " + key + ".");
        }
        types.lockForUpdate(type);
        type.deleteExtraSpec(key, clock.now());
    }

    /** {@code _allow_update}: extra specs of a type some volume has are frozen. */
    private void checkNotInUse(String typeId) {
        if (volumes.countOfType(typeId) > 0) {
            throw CinderException.badRequest("Volume Type is currently in use.");
        }
    }

    @Transactional(readOnly = true)
    VolumeType accessList(CinderRequest request, String typeId) {
        requireAdmin(request, "volume_extension:volume_type_access:get_all_for_type");
        VolumeType type = type(request, typeId);
        if (type.isPublic()) {
            throw CinderException.notFound("Access list not available for public volume types.");
        }
        return type;
    }

    void addProjectAccess(CinderRequest request, String typeId, String projectId) {
        requireAdmin(request, "volume_extension:volume_type_access:addProjectAccess");
        VolumeType type = accessible(request, typeId);
        types.lockForUpdate(type);
        if (!type.addProject(projectId)) {
            throw conflict("Volume type access for " + typeId + " / " + projectId
                    + " combination already exists.");
        }
    }

    void removeProjectAccess(CinderRequest request, String typeId, String projectId) {
        requireAdmin(request, "volume_extension:volume_type_access:removeProjectAccess");
        VolumeType type = accessible(request, typeId);
        types.lockForUpdate(type);
        if (!type.removeProject(projectId)) {
            throw CinderException.notFound("Volume type access not found for " + typeId + " / " + projectId
                    + " combination.");
        }
    }

    /** {@code add_volume_type_access}: only private types have an access list. */
    private VolumeType accessible(CinderRequest request, String typeId) {
        VolumeType type = type(request, typeId);
        if (type.isPublic()) {
            throw CinderException.badRequest("Invalid volume type: Type access modification is not applicable to "
                    + "public volume type.");
        }
        return type;
    }

    /** {@code Duplicate}: webob's 409 with the exception's text. */
    private static CinderException conflict(String message) {
        return new CinderException(HttpStatus.CONFLICT, message);
    }

    private static void requireAdmin(CinderRequest request, String policy) {
        if (!request.isAdmin()) {
            throw CinderException.policy(policy);
        }
    }
}
