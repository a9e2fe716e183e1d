package dev.cinderemulator.quota;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.cinderemulator.web.CinderException;
import dev.cinderemulator.web.CinderRequest;
import dev.cinderemulator.web.RequestBodies;
import tools.jackson.databind.JsonNode;

/**
 * {@code os-quota-class-sets} ({@code cinder/api/contrib/quota_classes.py}), admin-only. The
 * {@code default} class holds the defaults every project without its own limit gets; any other
 * class name shows the defaults until set (and, as in Cinder, nothing in the emulator uses it).
 * The update answer carries no {@code id}, unlike show: Cinder's {@code update} does not add it.
 */
@RestController
@Transactional
class QuotaClassSetsController {

    private final QuotaLimits limits;
    private final RequestBodies bodies;

    QuotaClassSetsController(QuotaLimits limits, RequestBodies bodies) {
        this.limits = limits;
        this.bodies = bodies;
    }

    @GetMapping("/v3/os-quota-class-sets/{className}")
    Map<String, Object> show(CinderRequest request, @PathVariable String className) {
        if (!request.isAdmin()) {
            throw CinderException.policy("volume_extension:quota_classes:get");
        }
        Map<String, Object> set = new LinkedHashMap<>(limits.classLimits(className));
        set.put("id", className);
        return Map.of("quota_class_set", set);
    }

    @PutMapping("/v3/os-quota-class-sets/{className}")
    Map<String, Object> update(CinderRequest request, @PathVariable String className,
            @RequestBody(required = false) byte[] body) {
        if (!request.isAdmin()) {
            throw CinderException.policy("volume_extension:quota_classes:update");
        }
        if (className.length() > 255) {
            throw CinderException.invalidInput("quota_class_name has more than 255 characters.");
        }
        JsonNode classSet = bodies.parse(body, QuotaSchemas.updateQuotaClassSet(limits::isResource))
                .get("quota_class_set");
        Map<String, Integer> values = new LinkedHashMap<>();
        classSet.properties().forEach(item -> values.put(item.getKey(), QuotaSchemas.limitOf(item.getValue())));
        limits.setClass(className, values);
        return Map.of("quota_class_set", limits.classLimits(className));
    }
}
