package dev.cinderemulator.backup;

import java.util.Map;

/** A backup update: only what the body named changes; metadata (≥ 3.43) replaces the whole set. */
record BackupChanges(String name, boolean nameGiven, String description, boolean descriptionGiven,
        Map<String, String> metadata) {
}
