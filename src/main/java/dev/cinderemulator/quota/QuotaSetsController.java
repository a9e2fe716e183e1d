package dev.cinderemulator.quota;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
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
 * {@code os-quota-sets} ({@code cinder/api/contrib/quotas.py}): show (with {@code ?usage=true}),
 * defaults, update and delete. Show and defaults are for the project's own members or an admin
 * ({@code volume_extension:quotas:show}); update and delete are admin-only. Any project id is
 * accepted, as in Cinder, which does not ask Keystone whether the project exists.
 */
@RestController
@Transactional
class QuotaSetsController {

    private final QuotaLimits limits;
    private final List<QuotaUsages> usages;
    private final RequestBodies bodies;

    QuotaSetsController(QuotaLimits limits, List<QuotaUsages> usages, RequestBodies bodies) {
        this.limits = limits;
        this.usages = usages;
        this.bodies = bodies;
    }

    @GetMapping("/v3/os-quota-sets/{id}")
    Map<String, Object> show(CinderRequest request, @PathVariable String id,
            @RequestParam(required = false) String usage) {
        authorizeShow(request, id);
        boolean withUsage = false;
        if (usage != null) {
            if (!ParameterTypes.isBooleanString(usage)) {
                throw CinderException.badRequest("Value '" + usage + "' for 'usage' is not a boolean.");
            }
            withUsage = ParameterTypes.isTrue(usage);
        }
        Map<String, Object> set = new LinkedHashMap<>();
        if (withUsage) {
            Map<String, Long> inUse = inUse(id);
            limits.projectLimits(id).forEach((resource, limit) -> set.put(resource,
                    usageView(limit, inUse.getOrDefault(resource, 0L))));
        } else {
            set.putAll(limits.projectLimits(id));
        }
        set.put("id", id);
        return Map.of("quota_set", set);
    }

    @GetMapping("/v3/os-quota-sets/{id}/defaults")
    Map<String, Object> defaults(CinderRequest request, @PathVariable String id) {
        authorizeShow(request, id);
        Map<String, Object> set = new LinkedHashMap<>(limits.defaults());
        set.put("id", id);
        return Map.of("quota_set", set);
    }

    /**
     * Checks every key first, then writes them all. A new limit below what the project holds is
     * refused only for resources the project already has its own row for: Cinder reads the usage
     * with {@code defaults=False}, so a first limit set on a resource is never compared (kept as is).
     */
    @PutMapping("/v3/os-quota-sets/{id}")
    Map<String, Object> update(CinderRequest request, @PathVariable String id,
            @RequestBody(required = false) byte[] body) {
        if (!request.isAdmin()) {
            throw CinderException.policy("volume_extension:quotas:update");
        }
        JsonNode quotaSet = bodies.parse(body, QuotaSchemas.updateQuotaSet(limits::isResource)).get("quota_set");
        Map<String, Integer> own = limits.projectRows(id);
        Map<String, Long> inUse = own.isEmpty() ? Map.of() : inUse(id);
        Map<String, Integer> valid = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> item : quotaSet.properties()) {
            String key = item.getKey();
            if (QuotaSchemas.NON_QUOTA_KEYS.contains(key)) {
                continue;
            }
            int value = QuotaSchemas.limitOf(item.getValue());
            if (!key.equals(QuotaLimits.PER_VOLUME_GIGABYTES) && value != -1 && own.containsKey(key)) {
                long used = inUse.getOrDefault(key, 0L);
                if (value < used) {
                    throw CinderException.badRequest("Quota " + key + " limit must be equal or greater than "
                            + "existing resources. Current usage is " + used + " and the requested limit is "
                            + value + ".");
                }
            }
            valid.put(key, value);
        }
        limits.setProject(id, valid);
        return Map.of("quota_set", limits.projectLimits(id));
    }

    /** Back to the defaults: the project's rows go. Cinder answers 200 with no body. */
    @DeleteMapping("/v3/os-quota-sets/{id}")
    ResponseEntity<Void> delete(CinderRequest request, @PathVariable String id) {
        if (!request.isAdmin()) {
            throw CinderException.policy("volume_extension:quotas:delete");
        }
        limits.deleteProject(id);
        return ResponseEntity.ok().build();
    }

    private static void authorizeShow(CinderRequest request, String projectId) {
        if (!request.isAdmin() && !projectId.equals(request.projectId())) {
            throw CinderException.policy("volume_extension:quotas:show");
        }
    }

    private Map<String, Long> inUse(String projectId) {
        Map<String, Long> inUse = new LinkedHashMap<>();
        usages.forEach(feature -> inUse.putAll(feature.inUse(projectId)));
        return inUse;
    }

    private static Map<String, Object> usageView(int limit, long inUse) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("limit", limit);
        view.put("in_use", inUse);
        view.put("reserved", 0);
        return view;
    }
}
