/** Cinder's {@code os-availability-zone} API: the one zone the emulated services run in. */
package dev.cinderemulator.zone;
