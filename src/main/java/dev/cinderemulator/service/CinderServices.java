package dev.cinderemulator.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.cinderemulator.config.EmulatorProperties;
import dev.cinderemulator.engine.EmulatorClock;
import dev.cinderemulator.engine.Resettable;

/**
 * The services of the emulated deployment, as Cinder's {@code services} table lists them: the
 * scheduler on {@code emulator}, the volume service on backend {@code emulator@lvm} (volumes show
 * host {@code emulator@lvm#lvm}, its one pool) and the backup service on {@code emulator@backup}
 * (the host backups show), all in the configured availability zone and always up (the rows are
 * written by the V300 migration). What the
 * emulator's API and services ask: whether cinder-backup is enabled ({@code _list_backup_services}
 * lists only services with {@code disabled=False}).
 */
@Service
@Transactional
public class CinderServices implements Resettable {

    public static final String SCHEDULER_BINARY = "cinder-scheduler";
    public static final String VOLUME_BINARY = "cinder-volume";
    public static final String BACKUP_BINARY = "cinder-backup";
    public static final String SCHEDULER_HOST = "emulator";
    public static final String VOLUME_HOST = "emulator@lvm";
    public static final String BACKUP_HOST = "emulator@backup";

    private final ServiceRows rows;
    private final EmulatorClock clock;
    private final EmulatorProperties properties;

    CinderServices(ServiceRows rows, EmulatorClock clock, EmulatorProperties properties) {
        this.rows = rows;
        this.clock = clock;
        this.properties = properties;
    }

    /** Whether a backup create, restore or delete finds a backup service: cinder-backup is enabled. */
    public boolean backupServiceAvailable() {
        return all().stream().anyMatch(row -> row.binary().equals(BACKUP_BINARY) && !row.disabled());
    }

    /**
     * The control API's switch (not Cinder): disables or enables a service by binary, as
     * {@code os-services/disable-log-reason} and {@code enable} would. Empty when no such service.
     */
    public Optional<Map<String, Object>> setDisabled(String binary, boolean disabled, String reason) {
        Optional<ServiceRow> row = all().stream().filter(candidate -> candidate.binary().equals(binary)).findFirst();
        row.ifPresent(found -> rows.setDisabled(found.id(), disabled, disabled ? reason : null, true, clock.now()));
        return row.map(found -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("binary", found.binary());
            view.put("host", found.host());
            view.put("disabled", disabled);
            view.put("disabled_reason", disabled ? reason : null);
            return view;
        });
    }

    String zone() {
        return properties.cloud().availabilityZone();
    }

    EmulatorClock clock() {
        return clock;
    }

    List<ServiceRow> all() {
        return rows.all();
    }

    Optional<ServiceRow> find(String host, String binary) {
        return all().stream().filter(row -> row.host().equals(host) && row.binary().equals(binary)).findFirst();
    }

    void setDisabled(ServiceRow row, boolean disabled, String reason, boolean changeReason) {
        rows.setDisabled(row.id(), disabled, reason, changeReason, clock.now());
    }

    void setFrozen(ServiceRow row, boolean frozen) {
        rows.setFrozen(row.id(), frozen, clock.now());
    }

    /** A reset brings every service back enabled and thawed. */
    @Override
    public Map<String, Integer> resetAll() {
        rows.enableAll();
        return Map.of();
    }
}
