/**
 * Cinder's services table and {@code os-services} API ({@code cinder/api/contrib/services.py}): the
 * scheduler, volume and backup services the emulator plays, their enabled state (which the backup
 * API and the emulated scheduler obey), freeze and thaw.
 */
package dev.cinderemulator.service;
