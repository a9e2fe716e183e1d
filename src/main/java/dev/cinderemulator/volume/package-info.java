/**
 * The volumes and snapshots that backups read from and restore into, with the statuses Cinder's
 * volume service moves them through (including {@code backing-up} and {@code restoring-backup}).
 */
package dev.cinderemulator.volume;
