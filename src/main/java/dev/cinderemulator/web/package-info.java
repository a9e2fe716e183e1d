/**
 * The Cinder v3 API's plumbing shared by every resource: URL layout (project id, {@code /cinder}
 * prefix), microversions, request ids, Cinder-shaped faults, request-body schemas and links.
 */
package dev.cinderemulator.web;
