/**
 * Who is calling: turns {@code X-Auth-Token} into {@link dev.cinderemulator.auth.Credentials}, as
 * keystonemiddleware plus Cinder's keystone context (or Cinder's {@code noauth} strategy) do.
 */
package dev.cinderemulator.auth;
