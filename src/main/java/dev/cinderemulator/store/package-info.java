/** Persistence shared by the resource packages: metadata columns and Cinder's keyset-paged lists. */
package dev.cinderemulator.store;
