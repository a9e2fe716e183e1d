package dev.cinderemulator.volume;

import static dev.cinderemulator.web.JsonSchema.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
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
import dev.cinderemulator.web.JsonSchema;
import dev.cinderemulator.web.ParameterTypes;
import dev.cinderemulator.web.PythonText;
import dev.cinderemulator.web.RequestBodies;
import tools.jackson.databind.JsonNode;

/**
 * {@code /v3/types} ({@code api/v3/types.py}, {@code contrib/types_manage.py},
 * {@code types_extra_specs.py}, {@code volume_type_access.py}): every reader lists and shows the
 * types it may see; only admins create, change, delete them, their extra specs and their access.
 */
@RestController
class VolumeTypesController {

    private static final JsonSchema EXTRA_SPEC_VALUE = schema().type("string", "null").minLength(0).maxLength(255);
    private static final String EXTRA_SPEC_KEY = "^[a-zA-Z0-9-_:.]{1,255}$";

    private final VolumeTypeApi service;
    private final RequestBodies bodies;

    VolumeTypesController(VolumeTypeApi service, RequestBodies bodies) {
        this.service = service;
        this.bodies = bodies;
    }

    @GetMapping("/v3/types")
    @Transactional(readOnly = true)
    Map<String, Object> index(CinderRequest request, @RequestParam Map<String, String> params) {
        List<Map<String, Object>> types = service.list(request, params.get("is_public")).stream()
                .map(type -> VolumeTypeViews.type(request, type, true)).toList();
        return Map.of("volume_types", types);
    }

    @GetMapping("/v3/types/{id}")
    @Transactional(readOnly = true)
    Map<String, Object> show(CinderRequest request, @PathVariable String id) {
        VolumeType type = id.equals("default") ? service.defaultType() : service.type(request, id);
        return Map.of("volume_type", VolumeTypeViews.type(request, type, true));
    }

    @PostMapping("/v3/types")
    Map<String, Object> create(CinderRequest request, @RequestBody(required = false) byte[] body) {
        JsonNode type = bodies.parse(body, schema().type("object").property("volume_type", schema().type("object")
                .property("name", schema().type("string").minLength(1).maxLength(255).formatRaising(
                        name -> !name.strip().isEmpty(),
                        name -> "An invalid 'name' value was provided. The 'name' can not be empty."))
                .property("description", ParameterTypes.description())
                .property("extra_specs", schema().type("object").patternProperty("^[a-zA-Z0-9-_:. /]{1,255}$",
                        schema().type("string", "null").maxLength(255)).noAdditionalProperties())
                .property("os-volume-type-access:is_public", ParameterTypes.booleanString())
                .required("name").noAdditionalProperties()).required("volume_type").noAdditionalProperties())
                .get("volume_type");
        boolean isPublic = !JsonFields.has(type, "os-volume-type-access:is_public")
                || booleanValue(type.get("os-volume-type-access:is_public"));
        VolumeType created = service.create(request, JsonFields.rawText(type, "name"),
                JsonFields.rawText(type, "description"), specs(type.get("extra_specs")), isPublic);
        return Map.of("volume_type", VolumeTypeViews.type(request, created, true, false));
    }

    @PutMapping("/v3/types/{id}")
    Map<String, Object> update(CinderRequest request, @PathVariable String id,
            @RequestBody(required = false) byte[] body) {
        JsonNode type = bodies.parse(body, schema().type("object").property("volume_type", schema().type("object")
                .property("name", schema().type("string", "null").minLength(1).maxLength(255))
                .property("description", ParameterTypes.description())
                .property("is_public", ParameterTypes.booleanString())
                .noAdditionalProperties()).required("volume_type").noAdditionalProperties()).get("volume_type");
        String name = JsonFields.rawText(type, "name");
        String description = JsonFields.rawText(type, "description");
        Boolean isPublic = JsonFields.has(type, "is_public") ? booleanValue(type.get("is_public")) : null;
        if (name != null && name.strip().isEmpty()) {
            throw CinderException.badRequest("Volume type name can not be empty.");
        }
        if (name == null && description == null && isPublic == null) {
            throw CinderException.badRequest("Specify volume type name, description, is_public or a combination "
                    + "thereof.");
        }
        VolumeType updated = service.update(request, id, name, description, isPublic);
        return Map.of("volume_type", VolumeTypeViews.type(request, updated, false, false));
    }

    @DeleteMapping("/v3/types/{id}")
    ResponseEntity<Void> delete(CinderRequest request, @PathVariable String id) {
        service.delete(request, id);
        return ResponseEntity.accepted().build();
    }

    @GetMapping("/v3/types/{id}/extra_specs")
    @Transactional(readOnly = true)
    Map<String, Object> extraSpecs(CinderRequest request, @PathVariable String id) {
        return Map.of("extra_specs", service.extraSpecs(request, id));
    }

    @PostMapping("/v3/types/{id}/extra_specs")
    Map<String, Object> createExtraSpecs(CinderRequest request, @PathVariable String id,
            @RequestBody(required = false) byte[] body) {
        JsonNode specs = bodies.parse(body, schema().type("object").property("extra_specs", schema().type("object")
                .patternProperty(EXTRA_SPEC_KEY, EXTRA_SPEC_VALUE).noAdditionalProperties())
                .required("extra_specs").noAdditionalProperties()).get("extra_specs");
        return Map.of("extra_specs", service.updateExtraSpecs(request, id, specs(specs)));
    }

    @GetMapping("/v3/types/{id}/extra_specs/{key}")
    @Transactional(readOnly = true)
    Map<String, Object> extraSpec(CinderRequest request, @PathVariable String id, @PathVariable String key) {
        Map<String, String> specs = service.extraSpecs(request, id);
        if (!specs.containsKey(key)) {
            throw CinderException.notFound("Volume Type " + id + " has no extra specs with key " + key + ".");
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put(key, specs.get(key));
        return view;
    }

    /** {@code types_extra_specs.py update}: one pair, whose key is the URL's. */
    @PutMapping("/v3/types/{id}/extra_specs/{key}")
    Map<String, Object> updateExtraSpec(CinderRequest request, @PathVariable String id, @PathVariable String key,
            @RequestBody(required = false) byte[] body) {
        JsonNode spec = bodies.parse(body, schema().type("object").patternProperty(EXTRA_SPEC_KEY, EXTRA_SPEC_VALUE)
                .noAdditionalProperties());
        // The schema's minProperties and maxProperties, checked last as jsonschema does.
        if (spec.isEmpty()) {
            throw CinderException.badRequest("{} does not have enough properties");
        }
        if (spec.size() > 1) {
            throw CinderException.badRequest(PythonText.str(spec) + " has too many properties");
        }
        if (!spec.has(key)) {
            throw CinderException.badRequest("Request body and URI mismatch");
        }
        Map<String, String> specs = specs(spec);
        service.updateExtraSpecs(request, id, specs);
        Map<String, Object> view = new LinkedHashMap<>(specs);
        return view;
    }

    @DeleteMapping("/v3/types/{id}/extra_specs/{key}")
    ResponseEntity<Void> deleteExtraSpec(CinderRequest request, @PathVariable String id, @PathVariable String key) {
        service.deleteExtraSpec(request, id, key);
        return ResponseEntity.accepted().build();
    }

    @GetMapping("/v3/types/{id}/os-volume-type-access")
    @Transactional(readOnly = true)
    Map<String, Object> access(CinderRequest request, @PathVariable String id) {
        return VolumeTypeViews.access(service.accessList(request, id));
    }

    /** {@code addProjectAccess} and {@code removeProjectAccess}, the two actions on a type. */
    @PostMapping("/v3/types/{id}/action")
    ResponseEntity<Void> action(CinderRequest request, @PathVariable String id,
            @RequestBody(required = false) byte[] body) {
        JsonNode action = bodies.parse(body);
        if (!action.isObject() || action.size() != 1) {
            throw CinderException.badRequest("Malformed request body");
        }
        String name = action.propertyNames().iterator().next();
        if (!name.equals("addProjectAccess") && !name.equals("removeProjectAccess")) {
            throw CinderException.badRequest("There is no such action: " + name
                    + ". Verify the request body and Content-Type header and try again.");
        }
        schema().type("object").property(name, schema().type("object")
                .property("project", ParameterTypes.uuid())
                .required("project").noAdditionalProperties()).required(name).noAdditionalProperties()
                .validate(action);
        String project = JsonFields.rawText(action.get(name), "project");
        if (name.equals("addProjectAccess")) {
            service.addProjectAccess(request, id, project);
        } else {
            service.removeProjectAccess(request, id, project);
        }
        return ResponseEntity.accepted().build();
    }

    private static boolean booleanValue(JsonNode value) {
        return value.isBoolean() ? value.booleanValue() : ParameterTypes.isTrue(value.asString());
    }

    private static Map<String, String> specs(JsonNode specs) {
        Map<String, String> values = new LinkedHashMap<>();
        if (specs != null && specs.isObject()) {
            specs.propertyNames().forEach(key -> values.put(key,
                    specs.get(key).isNull() ? null : specs.get(key).asString()));
        }
        return values;
    }
}
