package dev.cinderemulator.backup;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import dev.cinderemulator.store.CinderNameColumn;

/**
 * {@code fields.BackupStatus}, less {@code deleted}, which the API never shows. Stored and shown
 * as Cinder spells it; {@link #toString()} is that spelling, so refusal texts read as Cinder's.
 */
public enum BackupStatus {

    CREATING("creating"), AVAILABLE("available"), DELETING("deleting"), ERROR("error"),
    ERROR_DELETING("error_deleting"), RESTORING("restoring");

    /** Every status by its Cinder spelling, for validating fixtures and labelling metrics. */
    public static final Set<String> NAMES = Arrays.stream(values()).map(BackupStatus::toString)
            .collect(Collectors.toUnmodifiableSet());

    private final String cinderName;

    BackupStatus(String cinderName) {
        this.cinderName = cinderName;
    }

    public static BackupStatus of(String cinderName) {
        return CinderNameColumn.byName(BackupStatus.class, cinderName);
    }

    /** Past {@code creating}, and not failed there: the driver has written objects to a container. */
    public boolean isSettled() {
        return this != CREATING && this != ERROR;
    }

    @Override
    public String toString() {
        return cinderName;
    }
}
