package dev.cinderemulator.volume;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import dev.cinderemulator.store.CinderNameColumn;

/**
 * {@code fields.SnapshotStatus}, less {@code deleted}, which the API never shows. Stored and shown
 * as Cinder spells it; {@link #toString()} is that spelling.
 */
public enum SnapshotStatus {

    CREATING("creating"), AVAILABLE("available"), DELETING("deleting"), ERROR("error"),
    ERROR_DELETING("error_deleting"), UPDATING("updating"), UNMANAGING("unmanaging"), BACKING_UP("backing-up"),
    RESTORING("restoring");

    static final Set<String> NAMES = Arrays.stream(values()).map(SnapshotStatus::toString)
            .collect(Collectors.toUnmodifiableSet());

    private final String cinderName;

    SnapshotStatus(String cinderName) {
        this.cinderName = cinderName;
    }

    public static SnapshotStatus of(String cinderName) {
        return CinderNameColumn.byName(SnapshotStatus.class, cinderName);
    }

    @Override
    public String toString() {
        return cinderName;
    }
}
