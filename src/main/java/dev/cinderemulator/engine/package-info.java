/**
 * Time and asynchronous work: the emulator's clock (which tests and the control API can move) and
 * the scheduled status transitions that stand in for Cinder's backup and volume services, ids,
 * timings and the failure outcomes fault rules can impose. It knows no feature: features register
 * {@link dev.cinderemulator.engine.TransitionHandler}s.
 */
package dev.cinderemulator.engine;
