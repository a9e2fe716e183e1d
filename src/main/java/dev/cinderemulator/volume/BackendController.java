package dev.cinderemulator.volume;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.cinderemulator.config.EmulatorProperties;
import dev.cinderemulator.engine.EmulatorClock;
import dev.cinderemulator.web.CinderException;
import dev.cinderemulator.web.CinderRequest;
import dev.cinderemulator.web.CinderTime;
import dev.cinderemulator.web.Microversions;
import dev.cinderemulator.web.ParameterTypes;

/**
 * The views of the one emulated backend (an LVM driver on host {@code emulator@lvm}, pool
 * {@code lvm}): the volume summary ({@code api/v3/volumes.py summary}, 3.12), the scheduler's
 * pools ({@code contrib/scheduler_stats.py}), the hosts ({@code contrib/hosts.py}) and the
 * backend's capabilities ({@code contrib/capabilities.py}); all but the summary are admin-only.
 * The figures are the LVM driver's stats ({@code volume/drivers/lvm.py _update_volume_stats})
 * over what the emulator holds.
 */
@RestController
class BackendController {

    static final String BACKEND_HOST = "emulator@lvm";

    private final Volumes volumes;
    private final Snapshots snapshots;
    private final EmulatorClock clock;
    private final String zone;

    BackendController(Volumes volumes, Snapshots snapshots, EmulatorClock clock,
            EmulatorProperties properties) {
        this.volumes = volumes;
        this.snapshots = snapshots;
        this.clock = clock;
        this.zone = properties.cloud().availabilityZone();
    }

    /** {@code summary}: the project's volumes (everyone's for an admin with {@code all_tenants}). */
    @GetMapping("/v3/volumes/summary")
    @Transactional(readOnly = true)
    Map<String, Object> summary(CinderRequest request, @RequestParam MultiValueMap<String, String> params) {
        if (!request.atLeast(Microversions.VOLUME_SUMMARY)) {
            throw CinderException.resourceNotFound();
        }
        String allTenants = params.getFirst("all_tenants");
        boolean everyone = request.isAdmin() && allTenants != null && ParameterTypes.isTrue(allTenants);
        List<Volume> listed = volumes.findOldestFirst(everyone ? null : request.projectId());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("total_count", listed.size());
        summary.put("total_size", listed.stream().mapToLong(Volume::size).sum());
        if (request.atLeast(Microversions.VOLUME_SUMMARY_METADATA)) {
            Map<String, List<String>> metadata = new TreeMap<>();
            listed.forEach(volume -> volume.metadata().forEach((key, value) -> {
                List<String> values = metadata.computeIfAbsent(key, any -> new ArrayList<>());
                if (!values.contains(value)) {
                    values.add(value);
                }
            }));
            summary.put("metadata", metadata);
        }
        return Map.of("volume-summary", summary);
    }

    @GetMapping("/v3/scheduler-stats/get_pools")
    @Transactional(readOnly = true)
    Map<String, Object> pools(CinderRequest request, @RequestParam MultiValueMap<String, String> params) {
        requireAdmin(request, "scheduler_extension:scheduler_stats:get_pools");
        String detail = params.getFirst("detail");
        if (detail != null && !ParameterTypes.isBooleanString(detail)) {
            throw CinderException.badRequest("Value '" + detail + "' for 'detail' is not a boolean.");
        }
        Map<String, Object> pool = new LinkedHashMap<>();
        pool.put("name", VolumeViews.VOLUME_HOST);
        if (detail != null && ParameterTypes.isTrue(detail)) {
            pool.put("capabilities", poolCapabilities());
        }
        return Map.of("pools", List.of(pool));
    }

    private Map<String, Object> poolCapabilities() {
        return EmulatedBackend.poolCapabilities(volumes.findOldestFirst(null), clock.now());
    }

    /** {@code _list_hosts}: every enabled service, each reported up just now. */
    @GetMapping("/v3/os-hosts")
    @Transactional(readOnly = true)
    Map<String, Object> hosts(CinderRequest request, @RequestParam MultiValueMap<String, String> params) {
        requireAdmin(request, "volume_extension:hosts");
        String wantedZone = params.getFirst("zone");
        List<Map<String, Object>> hosts = new ArrayList<>();
        if (wantedZone == null || wantedZone.isEmpty() || wantedZone.equals(zone)) {
            for (String[] service : new String[][] { { "emulator", "cinder-scheduler" },
                    { BACKEND_HOST, "cinder-volume" }, { "emulator@backup", "cinder-backup" } }) {
                Map<String, Object> host = new LinkedHashMap<>();
                host.put("host_name", service[0]);
                host.put("service", service[1]);
                host.put("zone", zone);
                host.put("service-status", "available");
                host.put("service-state", "enabled");
                host.put("last-update", CinderTime.format(clock.now()));
                hosts.add(host);
            }
        }
        return Map.of("hosts", hosts);
    }

    /** {@code show}: the volume host's usage, in total and per project, every figure a string. */
    @GetMapping("/v3/os-hosts/{host}")
    @Transactional(readOnly = true)
    Map<String, Object> host(CinderRequest request, @PathVariable String host) {
        requireAdmin(request, "volume_extension:hosts");
        if (!host.equals(BACKEND_HOST)) {
            throw CinderException.notFound("Service " + host + " could not be found.");
        }
        Map<String, long[]> byProject = new TreeMap<>();
        volumes.findOldestFirst(null).forEach(volume -> {
            long[] usage = byProject.computeIfAbsent(volume.projectId(), any -> new long[4]);
            usage[0]++;
            usage[1] += volume.size();
        });
        snapshots.findOldestFirst(null).forEach(snapshot -> {
            long[] usage = byProject.computeIfAbsent(snapshot.projectId(), any -> new long[4]);
            usage[2]++;
            usage[3] += snapshot.size();
        });
        long[] total = new long[4];
        byProject.values().forEach(usage -> {
            for (int i = 0; i < 4; i++) {
                total[i] += usage[i];
            }
        });
        List<Map<String, Object>> resources = new ArrayList<>();
        resources.add(resource(host, "(total)", total));
        byProject.forEach((project, usage) -> resources.add(resource(host, project, usage)));
        return Map.of("host", resources);
    }

    private static Map<String, Object> resource(String host, String project, long[] usage) {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("host", host);
        resource.put("project", project);
        resource.put("volume_count", Long.toString(usage[0]));
        resource.put("total_volume_gb", Long.toString(usage[1]));
        resource.put("snapshot_count", Long.toString(usage[2]));
        resource.put("total_snapshot_gb", Long.toString(usage[3]));
        return Map.of("resource", resource);
    }

    /** {@code capabilities.py show}: the backend host or its pool; anything else is not found. */
    @GetMapping("/v3/capabilities/{host}")
    @Transactional(readOnly = true)
    Map<String, Object> capabilities(CinderRequest request, @PathVariable String host) {
        requireAdmin(request, "volume_extension:capabilities");
        if (!host.equals(BACKEND_HOST) && !host.equals(VolumeViews.VOLUME_HOST)) {
            throw CinderException.notFound("Can't find service: " + host);
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("namespace", "OS::Storage::Capabilities::" + BACKEND_HOST);
        view.put("vendor_name", "Open Source");
        view.put("volume_backend_name", EmulatedBackend.BACKEND_NAME);
        view.put("pool_name", null);
        view.put("driver_version", EmulatedBackend.DRIVER_VERSION);
        view.put("storage_protocol", "iSCSI");
        view.put("display_name", null);
        view.put("description", null);
        view.put("visibility", null);
        view.put("replication_targets", List.of());
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("thin_provisioning", property("Thin Provisioning", "Sets thin provisioning."));
        properties.put("compression", property("Compression", "Enables compression."));
        properties.put("qos", property("QoS", "Enables QoS."));
        properties.put("replication_enabled", property("Replication", "Enables replication."));
        view.put("properties", properties);
        return view;
    }

    private static Map<String, Object> property(String title, String description) {
        Map<String, Object> property = new LinkedHashMap<>();
        property.put("title", title);
        property.put("description", description);
        property.put("type", "boolean");
        return property;
    }

    private static void requireAdmin(CinderRequest request, String policy) {
        if (!request.isAdmin()) {
            throw CinderException.policy(policy);
        }
    }
}
