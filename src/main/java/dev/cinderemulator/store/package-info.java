/**
 * Persistence shared by the resource packages: metadata columns, quota usage, project locks and
 * Cinder's keyset-paged lists, given a query already read from the request. It knows no HTTP.
 */
package dev.cinderemulator.store;
