package dev.cinderemulator.service;

import java.time.LocalDateTime;

/** One row of Cinder's {@code services} table, as far as the emulator keeps it. */
record ServiceRow(int id, String host, String binary, boolean disabled, String disabledReason, boolean frozen,
        LocalDateTime createdAt, LocalDateTime modifiedAt) {
}
