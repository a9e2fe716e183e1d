package dev.cinderemulator.quota;

import java.util.Map;

/**
 * What a feature reports of a project's usage, by quota resource name ({@code volumes},
 * {@code backup_gigabytes}, ...): Cinder's {@code quota_usages.in_use}. The backup and volume
 * features implement it, so this package never reads their tables.
 */
public interface QuotaUsages {

    Map<String, Long> inUse(String projectId);
}
