package dev.cinderemulator.backup;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.cinderemulator.fault.RuleSubjects;

/** A backup's volume and name, for fault rules on requests that name only the backup. */
@Component
class BackupRuleSubjects implements RuleSubjects {

    private final BackupControl backups;

    BackupRuleSubjects(BackupControl backups) {
        this.backups = backups;
    }

    @Override
    public String operationPrefix() {
        return "backup.";
    }

    @Override
    public Optional<Subject> find(String id) {
        return backups.find(id).map(backup -> new Subject(backup.volumeId(), backup.name()));
    }
}
