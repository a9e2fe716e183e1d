package dev.cinderemulator.volume;

import dev.cinderemulator.exception.Invalid;

/** {@code exception.InvalidVolume}: "Invalid volume: %(reason)s". */
class InvalidVolume extends Invalid {

    InvalidVolume(String reason) {
        super("Invalid volume: " + reason);
    }
}
