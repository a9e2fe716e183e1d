package dev.cinderemulator.volume;

import java.util.Arrays;
import java.util.List;

import dev.cinderemulator.store.CinderNameColumn;

/**
 * {@code fields.VolumeStatus.ALL}, in its order (Cinder prints the tuple in refusals). Stored and
 * shown as Cinder spells it; {@link #toString()} is that spelling.
 */
public enum VolumeStatus {

    CREATING("creating"), AVAILABLE("available"), DELETING("deleting"), ERROR("error"),
    ERROR_DELETING("error_deleting"), ERROR_MANAGING("error_managing"), MANAGING("managing"),
    ATTACHING("attaching"), IN_USE("in-use"), DETACHING("detaching"), MAINTENANCE("maintenance"),
    RESTORING_BACKUP("restoring-backup"), ERROR_RESTORING("error_restoring"), RESERVED("reserved"),
    AWAITING_TRANSFER("awaiting-transfer"), BACKING_UP("backing-up"), ERROR_BACKING_UP("error_backing-up"),
    ERROR_EXTENDING("error_extending"), DOWNLOADING("downloading"), UPLOADING("uploading"),
    RETYPING("retyping"), EXTENDING("extending");

    /** Every status by its Cinder spelling, in Cinder's order. */
    static final List<String> NAMES = Arrays.stream(values()).map(VolumeStatus::toString).toList();

    private final String cinderName;

    VolumeStatus(String cinderName) {
        this.cinderName = cinderName;
    }

    public static VolumeStatus of(String cinderName) {
        return CinderNameColumn.byName(VolumeStatus.class, cinderName);
    }

    @Override
    public String toString() {
        return cinderName;
    }
}
