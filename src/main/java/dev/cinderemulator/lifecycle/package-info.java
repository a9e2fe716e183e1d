/**
 * Time and asynchronous work: the emulator's clock (which tests and the control API can move) and
 * the scheduled status transitions that stand in for Cinder's backup and volume services.
 */
package dev.cinderemulator.lifecycle;
