package dev.cinderemulator.store;

/**
 * What a project holds of one kind of resource: how many, and their gigabytes. Read in one query
 * under the project's quota lock, as Cinder reads a project's {@code quota_usages} rows.
 */
public record QuotaUsage(long resources, long gigabytes) {
}
