package dev.cinderemulator.volume;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.cinderemulator.engine.EmulatorClock;
import dev.cinderemulator.engine.IdGenerator;
import dev.cinderemulator.web.CinderException;
import dev.cinderemulator.web.CinderRequest;

/**
 * {@code contrib/qos_specs_manage.py} over {@code volume/qos_specs.py}: every call is admin-only
 * ({@code policies/qos_specs.py}); specs are associated with volume types, one specs per type.
 */
@Service
@Transactional
class QosSpecsApi {

    private final QosSpecsTable specs;
    private final VolumeTypes types;
    private final EmulatorClock clock;
    private final IdGenerator ids;

    QosSpecsApi(QosSpecsTable specs, VolumeTypes types, EmulatorClock clock, IdGenerator ids) {
        this.specs = specs;
        this.types = types;
        this.clock = clock;
        this.ids = ids;
    }

    @Transactional(readOnly = true)
    List<QosSpecs> list(CinderRequest request) {
        requireAdmin(request, "get_all");
        return specs.findAll();
    }

    @Transactional(readOnly = true)
    QosSpecs show(CinderRequest request, String id) {
        requireAdmin(request, "get");
        return find(id);
    }

    QosSpecs create(CinderRequest request, String name, Map<String, String> values) {
        requireAdmin(request, "create");
        if (specs.existsByName(name)) {
            throw new CinderException(HttpStatus.CONFLICT, "QoS Specs " + name + " already exists.");
        }
        return specs.save(new QosSpecs(ids.newId(), name, values, clock.now()));
    }

    void update(CinderRequest request, String id, Map<String, String> values) {
        requireAdmin(request, "update");
        QosSpecs found = find(id);
        specs.lockForUpdate(found);
        found.update(values, clock.now());
    }

    /** {@code delete}: associated specs need {@code force}, which disassociates them first. */
    void delete(CinderRequest request, String id, boolean force) {
        requireAdmin(request, "delete");
        QosSpecs found = find(id);
        List<VolumeType> associated = types.findByQosSpecsId(id);
        if (!associated.isEmpty() && !force) {
            throw CinderException.badRequest("Qos specs still in use.");
        }
        associated.forEach(type -> type.associateQos(null, clock.now()));
        specs.delete(found);
    }

    void deleteKeys(CinderRequest request, String id, List<String> keys) {
        requireAdmin(request, "delete");
        QosSpecs found = find(id);
        specs.lockForUpdate(found);
        String missing = found.deleteKeys(keys, clock.now());
        if (missing != null) {
            throw CinderException.notFound("QoS spec " + id + " has no spec with key " + missing + ".");
        }
    }

    @Transactional(readOnly = true)
    List<VolumeType> associations(CinderRequest request, String id) {
        requireAdmin(request, "get_all");
        find(id);
        return types.findByQosSpecsId(id);
    }

    /** {@code associate_qos_with_type}: a type holds one specs; the same one again is a no-op. */
    void associate(CinderRequest request, String id, String typeId) {
        requireAdmin(request, "update");
        VolumeType type = typeFor(id, typeId);
        if (type.qosSpecsId() != null && !type.qosSpecsId().equals(id)) {
            throw CinderException.badRequest("Invalid volume type: Type " + typeId + " is already associated with "
                    + "another qos specs: " + type.qosSpecsId());
        }
        type.associateQos(id, clock.now());
    }

    void disassociate(CinderRequest request, String id, String typeId) {
        requireAdmin(request, "update");
        VolumeType type = typeFor(id, typeId);
        if (id.equals(type.qosSpecsId())) {
            type.associateQos(null, clock.now());
        }
    }

    void disassociateAll(CinderRequest request, String id) {
        requireAdmin(request, "update");
        find(id);
        types.findByQosSpecsId(id).forEach(type -> type.associateQos(null, clock.now()));
    }

    /** The {@code vol_type_id} parameter, the specs, then the type, in Cinder's order. */
    private VolumeType typeFor(String id, String typeId) {
        if (typeId == null || typeId.isEmpty()) {
            throw CinderException.badRequest("Volume Type id must not be None.");
        }
        find(id);
        VolumeType type = types.findById(typeId).orElseThrow(
                () -> CinderException.notFound("Volume type " + typeId + " could not be found."));
        types.lockForUpdate(type);
        return type;
    }

    private QosSpecs find(String id) {
        return specs.findById(id).orElseThrow(() -> CinderException.notFound("No such QoS spec " + id + "."));
    }

    private static void requireAdmin(CinderRequest request, String action) {
        if (!request.isAdmin()) {
            throw CinderException.policy("volume_extension:qos_specs_manage:" + action);
        }
    }
}
