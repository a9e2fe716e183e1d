package dev.cinderemulator.control;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.cinderemulator.backup.BackupControl;
import dev.cinderemulator.fault.FaultRules;
import dev.cinderemulator.journal.RequestJournal;
import dev.cinderemulator.engine.EmulatorClock;
import dev.cinderemulator.engine.IdGenerator;
import dev.cinderemulator.engine.Timings;
import dev.cinderemulator.engine.TransitionScheduler;
import dev.cinderemulator.volume.VolumeControl;

/**
 * Back to a fresh cloud between two tests. Identities (configuration) stay; so do the settings a
 * reset is not about. Everything: resources, work in flight, fault rules, the journal (and its
 * bound), timings, the clock (real time again) and the id sequence (from its seed again). One
 * project: only its volumes, snapshots and backups and their work in flight.
 */
@Component
class Reset {

    private final VolumeControl volumes;
    private final BackupControl backups;
    private final TransitionScheduler scheduler;
    private final FaultRules faults;
    private final RequestJournal journal;
    private final EmulatorClock clock;
    private final Timings timings;
    private final IdGenerator ids;
    private final TransactionTemplate transaction;

    Reset(VolumeControl volumes, BackupControl backups, TransitionScheduler scheduler, FaultRules faults,
            RequestJournal journal, EmulatorClock clock, Timings timings, IdGenerator ids,
            PlatformTransactionManager transactions) {
        this.volumes = volumes;
        this.backups = backups;
        this.scheduler = scheduler;
        this.faults = faults;
        this.journal = journal;
        this.clock = clock;
        this.timings = timings;
        this.ids = ids;
        this.transaction = new TransactionTemplate(transactions);
    }

    Map<String, Object> everything() {
        Map<String, Object> deleted = transaction.execute(status -> {
            int transitions = scheduler.cancelAll();
            int backupCount = backups.deleteAll();
            VolumeControl.Deleted gone = volumes.deleteAll();
            return counts(gone, backupCount, transitions);
        });
        faults.reset();
        journal.reset();
        timings.reset();
        clock.reset();
        ids.reseed();
        return Map.of("scope", "all", "deleted", deleted);
    }

    Map<String, Object> project(String projectId) {
        Map<String, Object> deleted = transaction.execute(status -> {
            int backupCount = backups.deleteProject(projectId);
            VolumeControl.Deleted gone = volumes.deleteProject(projectId);
            return counts(gone, backupCount, null);
        });
        return Map.of("scope", "project", "project", projectId, "deleted", deleted);
    }

    private static Map<String, Object> counts(VolumeControl.Deleted gone, int backupCount, Integer transitions) {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("volumes", gone.volumes());
        counts.put("snapshots", gone.snapshots());
        counts.put("backups", backupCount);
        if (transitions != null) {
            counts.put("transitions", transitions);
        }
        return counts;
    }
}
