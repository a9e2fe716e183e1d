/**
 * Cinder's quota engine as its API shows it ({@code cinder/quota.py}, {@code api/contrib/quotas.py},
 * {@code quota_classes.py}, {@code used_limits.py}, {@code api/v3/limits.py}): per-project limits and
 * the {@code default} quota class, kept in the database, read by the features that enforce them.
 */
package dev.cinderemulator.quota;
