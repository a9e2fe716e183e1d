/**
 * Failures on purpose: rules that match a Cinder operation and either drive its asynchronous work
 * to Cinder's failure outcome, answer its HTTP request with a Cinder fault, or delay it.
 */
package dev.cinderemulator.fault;
