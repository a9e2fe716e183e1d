package dev.cinderemulator.quota;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.cinderemulator.web.CinderRequest;
import dev.cinderemulator.web.Microversions;

/**
 * {@code /limits} ({@code cinder/api/v3/limits.py} with the {@code os-used-limits} extension of
 * {@code api/contrib/used_limits.py}, rendered by {@code api/views/limits.py}): the project's
 * limits as {@code maxTotal*} and its usage as {@code total*Used}; {@code rate} is always empty
 * (Cinder has no rate-limit middleware in its default pipeline). From 3.39 an admin may ask for
 * another project with {@code project_id} (or the older {@code tenant_id}).
 */
@RestController
@Transactional(readOnly = true)
class LimitsController {

    private static final Map<String, String> MAX_NAMES = names("gigabytes", "maxTotalVolumeGigabytes",
            "backup_gigabytes", "maxTotalBackupGigabytes", "volumes", "maxTotalVolumes", "snapshots",
            "maxTotalSnapshots", "backups", "maxTotalBackups");
    private static final Map<String, String> USED_NAMES = names("totalVolumesUsed", "volumes",
            "totalGigabytesUsed", "gigabytes", "totalSnapshotsUsed", "snapshots", "totalBackupsUsed", "backups",
            "totalBackupGigabytesUsed", "backup_gigabytes");

    private final QuotaLimits limits;
    private final List<QuotaUsages> usages;

    LimitsController(QuotaLimits limits, List<QuotaUsages> usages) {
        this.limits = limits;
        this.usages = usages;
    }

    @GetMapping("/v3/limits")
    Map<String, Object> index(CinderRequest request, @RequestParam(name = "project_id", required = false) String projectId,
            @RequestParam(name = "tenant_id", required = false) String tenantId) {
        String project = request.projectId();
        if (request.isAdmin() && request.atLeast(Microversions.LIMITS_ADMIN_FILTER)) {
            project = projectId != null ? projectId : tenantId != null ? tenantId : project;
        }
        Map<String, Integer> projectLimits = limits.projectLimits(project);
        Map<String, Object> absolute = new LinkedHashMap<>();
        MAX_NAMES.forEach((resource, name) -> absolute.put(name, projectLimits.get(resource)));
        Map<String, Long> inUse = new LinkedHashMap<>();
        for (QuotaUsages feature : usages) {
            inUse.putAll(feature.inUse(project));
        }
        USED_NAMES.forEach((name, resource) -> absolute.put(name, inUse.getOrDefault(resource, 0L)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("rate", List.of());
        body.put("absolute", absolute);
        return Map.of("limits", body);
    }

    private static Map<String, String> names(String... pairs) {
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            names.put(pairs[i], pairs[i + 1]);
        }
        return names;
    }
}
