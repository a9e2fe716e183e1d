/**
 * The domain's refusals, as Cinder's {@code cinder/exception.py} defines them, raised by the
 * status machines of the entities and turned into Cinder faults in one place of the web layer.
 */
package dev.cinderemulator.exception;
