package dev.cinderemulator.fault;

import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.cinderemulator.engine.FailureOutcomes;
import dev.cinderemulator.engine.TransitionAction;

/** The {@code outcome} rules, asked by the backup and volume services as they complete their work. */
@Component
class FaultOutcomes implements FailureOutcomes {

    private static final Map<TransitionAction, String> OPERATIONS = Map.of(TransitionAction.BACKUP_CREATE,
            "backup.create", TransitionAction.BACKUP_DELETE, "backup.delete", TransitionAction.BACKUP_RESTORE,
            "backup.restore", TransitionAction.VOLUME_CREATE, "volume.create", TransitionAction.VOLUME_DELETE,
            "volume.delete", TransitionAction.SNAPSHOT_CREATE, "snapshot.create", TransitionAction.SNAPSHOT_DELETE,
            "snapshot.delete");

    private final FaultRules rules;

    FaultOutcomes(FaultRules rules) {
        this.rules = rules;
    }

    @Override
    public Optional<Failure> failureOf(Work work) {
        String operation = OPERATIONS.get(work.action());
        if (operation == null || rules.isEmpty()) {
            return Optional.empty();
        }
        FaultRule.Subject subject = new FaultRule.Subject(work.projectId(), work.volumeId(), work.backupName());
        return rules.fire(operation, FaultRule.Action.OUTCOME, subject)
                .map(rule -> new Failure(rule.failReason));
    }
}
