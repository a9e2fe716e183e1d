/**
 * Cinder's backups API and the backup service behind it: the status machine, incremental chains,
 * restore, export/import records, quotas and the microversioned views.
 */
package dev.cinderemulator.backup;
