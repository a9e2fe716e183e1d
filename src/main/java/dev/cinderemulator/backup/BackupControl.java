package dev.cinderemulator.backup;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.cinderemulator.config.EmulatorProperties;
import dev.cinderemulator.engine.Resettable;
import dev.cinderemulator.engine.TransitionAction;
import dev.cinderemulator.engine.TransitionScheduler;

/**
 * What the emulator's control API may do to backups beyond Cinder's own API: load them in any
 * status with chosen ids, parents and timestamps, export them, delete them wholesale and count
 * them by status. A backup loaded in {@code creating}, {@code restoring} or {@code deleting} gets
 * its pending transition, so the emulated backup service finishes it.
 */
@Component
@Transactional
@Order(10)
public class BackupControl implements Resettable {

    public static final Set<String> STATUSES = BackupStatus.NAMES;

    private final Backups backups;
    private final TransitionScheduler scheduler;
    private final EmulatorProperties properties;

    BackupControl(Backups backups, TransitionScheduler scheduler, EmulatorProperties properties) {
        this.backups = backups;
        this.scheduler = scheduler;
        this.properties = properties;
    }

    @Transactional(readOnly = true)
    public Optional<BackupFixture> find(String id) {
        return backups.findById(id).map(Backup::fixture);
    }

    @Transactional(readOnly = true)
    public boolean isEmpty() {
        return backups.count() == 0;
    }

    /**
     * Runs inside the caller's transaction, so a fixture document is loaded whole or not at all.
     * Parents may come in the same list, in any order.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void load(List<BackupFixture> fixtures) {
        List<Backup> loaded = fixtures.stream().map(fixture -> backups.save(
                Backup.loaded(fixture, properties.cloud().backupService(), BackupManager.BACKUP_HOST))).toList();
        for (Backup backup : loaded) {
            if (backup.parentId() != null && backup.hasFinished()) {
                backups.findById(backup.parentId()).ifPresent(Backup::dependentFinished);
            }
            switch (backup.status()) {
                case CREATING -> scheduler.schedule(TransitionAction.BACKUP_CREATE, backup.id());
                case RESTORING -> scheduler.schedule(TransitionAction.BACKUP_RESTORE, backup.id());
                case DELETING -> scheduler.schedule(TransitionAction.BACKUP_DELETE, backup.id());
                default -> {
                }
            }
        }
    }

    /** Oldest first; {@code projectId} null means every project. */
    @Transactional(readOnly = true)
    public List<BackupFixture> backups(String projectId) {
        return backups.findOldestFirst(projectId).stream().map(Backup::fixture).toList();
    }

    /** Deletes every backup; the caller drops the pending transitions. */
    @Transactional(propagation = Propagation.MANDATORY)
    @Override
    public Map<String, Integer> resetAll() {
        return Map.of("backups", backups.deleteAll());
    }

    /** Deletes one project's backups and their pending work. */
    @Transactional(propagation = Propagation.MANDATORY)
    @Override
    public Map<String, Integer> resetProject(String projectId) {
        backups.findOldestFirst(projectId).forEach(backup -> scheduler.cancelFor(backup.id()));
        return Map.of("backups", backups.deleteByProjectId(projectId));
    }

    @Transactional(readOnly = true)
    public Map<String, Long> countByStatus() {
        return backups.countByStatus();
    }
}
