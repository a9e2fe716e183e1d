package dev.cinderemulator.fault;

import java.util.Optional;

/**
 * What an {@code http} or {@code latency} rule may match on that only the feature owning a
 * resource knows: for a request on an existing resource (say {@code DELETE /v3/backups/{id}}), the
 * volume it concerns and, for backups, its name. A feature implements it as a bean.
 */
public interface RuleSubjects {

    /** The operation prefix it answers for, as {@link CinderOperations} names them: {@code "backup."}. */
    String operationPrefix();

    Optional<Subject> find(String id);

    record Subject(String volumeId, String backupName) {
    }
}
