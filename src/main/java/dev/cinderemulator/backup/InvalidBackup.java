package dev.cinderemulator.backup;

import dev.cinderemulator.exception.Invalid;

/** {@code exception.InvalidBackup}: "Invalid backup: %(reason)s". */
class InvalidBackup extends Invalid {

    InvalidBackup(String reason) {
        super("Invalid backup: " + reason);
    }
}
