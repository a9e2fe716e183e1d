package dev.cinderemulator.engine;

import java.util.Map;

/**
 * A part of the emulator's state that the control API's reset takes back to a fresh cloud's. Each
 * feature implements it for what it holds; identities (configuration) are never reset.
 *
 * <p>All parts run in one transaction, in {@code @Order}: the work in flight first, then backups,
 * then volumes, the order in which the transition worker locks rows, so a reset never deadlocks
 * with it. The counts are reported the other way round (volumes, snapshots, backups, transitions),
 * as the control API always has.
 */
public interface Resettable {

    /** Deletes all it holds; returns how many of what it deleted (empty when nothing is counted). */
    Map<String, Integer> resetAll();

    /** Deletes one project's share, with its work in flight; most parts hold nothing per project. */
    default Map<String, Integer> resetProject(String projectId) {
        return Map.of();
    }
}
