/**
 * Not Cinder: what people look at. The ready banner and {@code /actuator/info}, the live dashboard
 * at {@code /_emulator/ui}, and the favicon of the pages the emulator serves.
 */
package dev.cinderemulator.console;
