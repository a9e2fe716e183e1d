package dev.cinderemulator.volume;

import static dev.cinderemulator.web.JsonSchema.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
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
import dev.cinderemulator.web.ParameterTypes;
import dev.cinderemulator.web.RequestBodies;
import tools.jackson.databind.JsonNode;

/**
 * {@code /v3/qos-specs} ({@code contrib/qos_specs_manage.py}, views {@code views/qos_specs.py}):
 * CRUD, {@code delete_keys}, and the association calls, which are {@code GET}s in Cinder.
 */
@RestController
class QosSpecsController {

    private final QosSpecsApi service;
    private final RequestBodies bodies;

    QosSpecsController(QosSpecsApi service, RequestBodies bodies) {
        this.service = service;
        this.bodies = bodies;
    }

    @GetMapping("/v3/qos-specs")
    Map<String, Object> index(CinderRequest request) {
        return Map.of("qos_specs", service.list(request).stream().map(QosSpecsController::view).toList());
    }

    @PostMapping("/v3/qos-specs")
    Map<String, Object> create(CinderRequest request, @RequestBody(required = false) byte[] body) {
        JsonNode specs = bodies.parse(body, schema().type("object").property("qos_specs", schema().type("object")
                .property("name", schema().type("string").formatRaising(
                        name -> !name.strip().isEmpty() && name.strip().length() <= 255,
                        name -> "An invalid 'name' value was provided. " + (name.strip().isEmpty()
                                ? "The 'name' can not be empty." : "The 'name' can not be greater than 255 "
                                        + "characters.")))
                .required("name")).required("qos_specs").noAdditionalProperties()).get("qos_specs");
        Map<String, String> values = values(specs);
        String name = values.remove("name").strip();
        return detail(request, service.create(request, name, values));
    }

    @GetMapping("/v3/qos-specs/{id}")
    Map<String, Object> show(CinderRequest request, @PathVariable String id) {
        return detail(request, service.show(request, id));
    }

    /** {@code update}: the answer is the request body. */
    @PutMapping("/v3/qos-specs/{id}")
    Map<String, Object> update(CinderRequest request, @PathVariable String id,
            @RequestBody(required = false) byte[] body) {
        JsonNode parsed = bodies.parse(body, schema().type("object").property("qos_specs", schema().type("object")
                .patternProperty("^[a-zA-Z0-9-_:. /]{1,255}$", schema().type("string", "null").maxLength(255))
                .noAdditionalProperties()).required("qos_specs").noAdditionalProperties());
        Map<String, String> values = values(parsed.get("qos_specs"));
        service.update(request, id, values);
        return Map.of("qos_specs", values);
    }

    @DeleteMapping("/v3/qos-specs/{id}")
    ResponseEntity<Void> delete(CinderRequest request, @PathVariable String id,
            @RequestParam MultiValueMap<String, String> params) {
        String force = params.getFirst("force");
        if (force != null && !ParameterTypes.isBooleanString(force)) {
            throw CinderException.badRequest("Value '" + force + "' for 'force' is not a boolean.");
        }
        service.delete(request, id, force != null && ParameterTypes.isTrue(force));
        return ResponseEntity.accepted().build();
    }

    @PutMapping("/v3/qos-specs/{id}/delete_keys")
    ResponseEntity<Void> deleteKeys(CinderRequest request, @PathVariable String id,
            @RequestBody(required = false) byte[] body) {
        JsonNode parsed = bodies.parse(body, schema().type("object").property("keys", schema().type("array")
                .items(schema().type("string").minLength(1).maxLength(255))).required("keys")
                .noAdditionalProperties());
        List<String> keys = new ArrayList<>();
        parsed.get("keys").forEach(key -> keys.add(key.asString()));
        service.deleteKeys(request, id, keys);
        return ResponseEntity.accepted().build();
    }

    @GetMapping("/v3/qos-specs/{id}/associations")
    Map<String, Object> associations(CinderRequest request, @PathVariable String id) {
        return Map.of("qos_associations", service.associations(request, id).stream()
                .map(type -> Map.of("association_type", "volume_type", "name", type.name(), "id", type.id()))
                .toList());
    }

    @GetMapping("/v3/qos-specs/{id}/associate")
    ResponseEntity<Void> associate(CinderRequest request, @PathVariable String id,
            @RequestParam MultiValueMap<String, String> params) {
        service.associate(request, id, params.getFirst("vol_type_id"));
        return ResponseEntity.accepted().build();
    }

    @GetMapping("/v3/qos-specs/{id}/disassociate")
    ResponseEntity<Void> disassociate(CinderRequest request, @PathVariable String id,
            @RequestParam MultiValueMap<String, String> params) {
        service.disassociate(request, id, params.getFirst("vol_type_id"));
        return ResponseEntity.accepted().build();
    }

    @GetMapping("/v3/qos-specs/{id}/disassociate_all")
    ResponseEntity<Void> disassociateAll(CinderRequest request, @PathVariable String id) {
        service.disassociateAll(request, id);
        return ResponseEntity.accepted().build();
    }

    private static Map<String, Object> detail(CinderRequest request, QosSpecs specs) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("qos_specs", view(specs));
        view.put("links", VolumeViews.links(request, "qos-specs", specs.id()));
        return view;
    }

    private static Map<String, Object> view(QosSpecs specs) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", specs.id());
        view.put("name", specs.name());
        view.put("consumer", specs.consumer());
        view.put("specs", specs.specs());
        return view;
    }

    /** The specs as strings, the way they are stored ({@code null} kept). */
    private static Map<String, String> values(JsonNode object) {
        Map<String, String> values = new LinkedHashMap<>();
        object.propertyNames().forEach(key -> {
            JsonNode value = object.get(key);
            values.put(key, value.isNull() ? null : value.isString() ? value.stringValue() : value.toString());
        });
        return values;
    }
}
