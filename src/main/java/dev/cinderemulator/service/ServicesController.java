package dev.cinderemulator.service;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.cinderemulator.web.CinderException;
import dev.cinderemulator.web.CinderRequest;
import dev.cinderemulator.web.CinderTime;
import dev.cinderemulator.web.JsonFields;
import dev.cinderemulator.web.Microversions;
import dev.cinderemulator.web.RequestBodies;
import tools.jackson.databind.JsonNode;

/**
 * {@code os-services} ({@code cinder/api/contrib/services.py} with {@code os-extended-services}),
 * admin-only: the list, filtered by {@code host} (Cinder's {@code _filter_host}: {@code emulator}
 * also matches {@code emulator@lvm}) and {@code binary}; enable, disable, disable-log-reason,
 * freeze and thaw of the volume backend, and failover, which no service here can do (replication
 * is disabled), refused with Cinder's text. {@code set-log}/{@code get-log} (3.32) are not emulated.
 */
@RestController
@Transactional
class ServicesController {

    /** Cinder's {@code report_interval}: a service's {@code updated_at} is its last heartbeat. */
    private static final long REPORT_INTERVAL_SECONDS = 10;

    private final CinderServices services;
    private final RequestBodies bodies;

    ServicesController(CinderServices services, RequestBodies bodies) {
        this.services = services;
        this.bodies = bodies;
    }

    @GetMapping("/v3/os-services")
    Map<String, Object> index(CinderRequest request, @RequestParam(required = false) String host,
            @RequestParam(required = false) String binary) {
        if (!request.isAdmin()) {
            throw CinderException.policy("volume_extension:services:index");
        }
        LocalDateTime now = services.clock().now();
        List<Map<String, Object>> listed = new ArrayList<>();
        for (ServiceRow row : services.all()) {
            if ((host != null && !hostMatches(row.host(), host)) || (binary != null && !binary.equals(row.binary()))) {
                continue;
            }
            listed.add(view(request, row, now));
        }
        return Map.of("services", listed);
    }

    @PutMapping("/v3/os-services/{action}")
    ResponseEntity<Map<String, Object>> update(CinderRequest request, @PathVariable String action,
            @RequestBody(required = false) byte[] body) {
        if (!request.isAdmin()) {
            throw CinderException.policy("volume_extension:services:update");
        }
        return switch (action) {
            case "enable" -> ResponseEntity.ok(setDisabled(bodies.parse(body, ServiceSchemas.enableAndDisable(false)),
                    false, false));
            case "disable" -> ResponseEntity.ok(setDisabled(bodies.parse(body, ServiceSchemas.enableAndDisable(false)),
                    true, false));
            case "disable-log-reason" -> ResponseEntity.ok(setDisabled(
                    bodies.parse(body, ServiceSchemas.enableAndDisable(true)), true, true));
            case "freeze" -> freeze(request, bodies.parse(body, ServiceSchemas.freezeAndThaw()), true);
            case "thaw" -> freeze(request, bodies.parse(body, ServiceSchemas.freezeAndThaw()), false);
            case "failover_host" -> failover(request, bodies.parse(body, ServiceSchemas.failoverHost()), false);
            case "failover" -> {
                if (!request.atLeast(Microversions.REPLICATION_CLUSTER)) {
                    throw CinderException.invalidInput("Unknown action");
                }
                yield failover(request, bodies.parse(body, ServiceSchemas.failoverHost()), true);
            }
            default -> throw CinderException.invalidInput("Unknown action");
        };
    }

    private Map<String, Object> setDisabled(JsonNode body, boolean disabled, boolean withReason) {
        String host = JsonFields.text(body, "host");
        if (host == null || host.isEmpty()) {
            throw CinderException.invalidInput("Host field is missing.");
        }
        String service = JsonFields.has(body, "service") ? JsonFields.text(body, "service") : "";
        String binary = JsonFields.has(body, "binary") ? JsonFields.text(body, "binary") : "";
        String binaryKey = binary.isEmpty() ? service : binary;
        ServiceRow row = services.all().stream()
                .filter(candidate -> hostMatches(candidate.host(), host) && candidate.binary().equals(binaryKey))
                .findFirst()
                .orElseThrow(() -> CinderException.notFound("Service " + binaryKey + " could not be found on host "
                        + host + "."));
        String reason = withReason ? JsonFields.text(body, "disabled_reason") : null;
        services.setDisabled(row, disabled, reason, withReason);
        Map<String, Object> answer = new LinkedHashMap<>();
        if (withReason) {
            answer.put("disabled_reason", reason);
        }
        answer.put("disabled", disabled);
        answer.put("host", host);
        answer.put("service", service);
        answer.put("binary", binary);
        answer.put("status", disabled ? "disabled" : "enabled");
        return answer;
    }

    /**
     * {@code volume/api.py freeze_host}/{@code thaw_host}: the volume services of the host flip
     * {@code frozen} and the volume manager disables (reason {@code frozen}) or enables the service.
     */
    private ResponseEntity<Map<String, Object>> freeze(CinderRequest request, JsonNode body, boolean frozen) {
        List<ServiceRow> volumeServices = volumeServices(request, body, true);
        List<ServiceRow> changed = volumeServices.stream().filter(row -> row.frozen() != frozen).toList();
        if (changed.isEmpty()) {
            throw CinderException.invalidInput("No service could be changed: frozen in "
                    + hostList(volumeServices) + " must be " + (frozen ? "False" : "True") + " to failover.");
        }
        for (ServiceRow row : changed) {
            services.setFrozen(row, frozen);
            services.setDisabled(row, frozen, frozen ? "frozen" : "", true);
        }
        return ResponseEntity.ok().build();
    }

    /** Replication is disabled on the one backend, so no service is {@code enabled} or {@code failed-over}. */
    private ResponseEntity<Map<String, Object>> failover(CinderRequest request, JsonNode body, boolean clustered) {
        List<ServiceRow> volumeServices = volumeServices(request, body, clustered);
        throw CinderException.invalidInput("No service could be changed: replication_status in "
                + hostList(volumeServices) + " must be ['enabled', 'failed-over'] and must be up to failover.");
    }

    /** {@code common.get_cluster_host}, then the volume services on that host (no clusters here). */
    private List<ServiceRow> volumeServices(CinderRequest request, JsonNode body, boolean clusterAllowed) {
        String cluster = clusterAllowed && request.atLeast(Microversions.REPLICATION_CLUSTER)
                ? JsonFields.text(body, "cluster")
                : null;
        String host = JsonFields.text(body, "host");
        boolean hasCluster = cluster != null && !cluster.isEmpty();
        boolean hasHost = host != null && !host.isEmpty();
        if (hasCluster == hasHost) {
            throw CinderException.invalidInput(clusterAllowed && request.atLeast(Microversions.REPLICATION_CLUSTER)
                    ? "One and only one of cluster and host must be set."
                    : "Host field is missing.");
        }
        if (hasCluster) {
            throw CinderException.invalidInput("No service found with cluster=" + cluster);
        }
        List<ServiceRow> found = services.all().stream()
                .filter(row -> row.binary().equals(CinderServices.VOLUME_BINARY) && hostMatches(row.host(), host))
                .toList();
        if (found.isEmpty()) {
            throw CinderException.invalidInput("No service found with host=" + host);
        }
        return found;
    }

    private static String hostList(List<ServiceRow> rows) {
        return rows.stream().map(row -> "'" + row.host() + "'").toList().toString().replace(", ", ", ");
    }

    /**
     * {@code db/sqlalchemy/api.py _filter_host}: with a {@code #} an exact pool match; with an
     * {@code @}, the backend or its pools; otherwise the host, its backends and pools.
     */
    static boolean hostMatches(String serviceHost, String value) {
        if (serviceHost.equals(value)) {
            return true;
        }
        if (value.contains("#")) {
            return false;
        }
        if (serviceHost.startsWith(value + "#")) {
            return true;
        }
        return !value.contains("@") && serviceHost.startsWith(value + "@");
    }

    private Map<String, Object> view(CinderRequest request, ServiceRow row, LocalDateTime now) {
        LocalDateTime heartbeat = now.truncatedTo(ChronoUnit.SECONDS)
                .minusSeconds(now.toLocalTime().toSecondOfDay() % REPORT_INTERVAL_SECONDS);
        LocalDateTime updatedAt = row.modifiedAt() != null && row.modifiedAt().isAfter(heartbeat) ? row.modifiedAt()
                : heartbeat;
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("binary", row.binary());
        view.put("host", row.host());
        view.put("zone", services.zone());
        view.put("status", row.disabled() ? "disabled" : "enabled");
        view.put("state", "up");
        view.put("updated_at", CinderTime.format(updatedAt));
        boolean volume = row.binary().equals(CinderServices.VOLUME_BINARY);
        if (request.atLeast(Microversions.BACKEND_STATE_REPORT) && volume) {
            view.put("backend_state", "up");
        }
        if (request.atLeast(Microversions.CLUSTER_SUPPORT)) {
            view.put("cluster", null);
        }
        view.put("disabled_reason", row.disabledReason());
        if (volume) {
            view.put("replication_status", "disabled");
            view.put("active_backend_id", null);
            view.put("frozen", row.frozen());
        }
        return view;
    }
}
