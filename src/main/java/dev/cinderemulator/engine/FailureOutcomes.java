package dev.cinderemulator.engine;

import java.util.Optional;

/**
 * Whether a piece of emulated service work ends in Cinder's failure outcome rather than success.
 * The resource services ask as they complete a transition; the fault rules of the control API
 * answer. Without any rules, all work succeeds.
 */
public interface FailureOutcomes {

    FailureOutcomes NONE = work -> Optional.empty();

    Optional<Failure> failureOf(Work work);

    /** What a rule can match on: the resource's project, its volume and, for backups, its name. */
    record Work(TransitionAction action, String resourceId, String projectId, String volumeId, String backupName) {
    }

    /** {@code reason} null: the failure text Cinder's own service would write. */
    record Failure(String reason) {

        public String reasonOr(String cindersText) {
            return reason == null ? cindersText : reason;
        }
    }
}
