/** Cinder's {@code /extensions} API: the extensions a Zed cinder-api loads. */
package dev.cinderemulator.extension;
