package dev.cinderemulator.control;

import java.time.Duration;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.cinderemulator.backup.BackupControl;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code emulator_backups{status=...}} on {@code /actuator/prometheus}: how many backups are in
 * each status. One grouped count per scrape at most (cached for a second), not one per status.
 * Requests by route and status come from Spring's own {@code http_server_requests}, whose
 * {@code uri} tag is the routed Cinder template (the project segment and {@code /cinder} prefix
 * are folded away before routing).
 */
@Component
class BackupMetrics implements MeterBinder {

    private static final long CACHE_NANOS = Duration.ofSeconds(1).toNanos();

    private final BackupControl backups;
    private Map<String, Long> counts = Map.of();
    private long countedAt;

    BackupMetrics(BackupControl backups) {
        this.backups = backups;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String status : BackupControl.STATUSES) {
            Gauge.builder("emulator.backups", () -> count(status)).tag("status", status)
                    .description("Backups in each status").register(registry);
        }
    }

    private synchronized long count(String status) {
        long now = System.nanoTime();
        if (countedAt == 0 || now - countedAt > CACHE_NANOS) {
            counts = backups.countByStatus();
            countedAt = now;
        }
        return counts.getOrDefault(status, 0L);
    }
}
