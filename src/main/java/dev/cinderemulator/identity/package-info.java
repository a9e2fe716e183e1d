/**
 * Keystone v3 under {@code /keystone}: discovery, password and token authentication, project
 * scoping, the service catalog and the read-only identity resources clients look up, with users,
 * projects and role assignments taken from configuration. Issued tokens are random opaque strings
 * kept in the database (only their SHA-256 is stored), so they survive a restart when the
 * database is file-backed, and are checked against the emulator's clock.
 */
package dev.cinderemulator.identity;
