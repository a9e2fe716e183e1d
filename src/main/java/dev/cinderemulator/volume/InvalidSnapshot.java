package dev.cinderemulator.volume;

import dev.cinderemulator.exception.Invalid;

/** {@code exception.InvalidSnapshot}: "Invalid snapshot: %(reason)s". */
class InvalidSnapshot extends Invalid {

    InvalidSnapshot(String reason) {
        super("Invalid snapshot: " + reason);
    }
}
