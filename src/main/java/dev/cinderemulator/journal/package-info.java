/**
 * The request journal: a bounded record of the last Cinder and Keystone requests (tokens and
 * passwords masked) that the control API lets a test read, filter, count and clear.
 */
package dev.cinderemulator.journal;
