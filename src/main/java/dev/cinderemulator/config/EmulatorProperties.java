package dev.cinderemulator.config;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Every knob of the emulator, with defaults in {@code application.yml}. Durations of the simulated
 * backup service, Cinder's default quotas, the auth mode and the identities Keystone serves, and
 * the test-fixture side: fixture documents loaded at start-up, the seed of generated ids, the
 * request journal's bound and who may use the {@code /_emulator} control API.
 */
@ConfigurationProperties("emulator")
public record EmulatorProperties(
        String dataDir,
        @DefaultValue Auth auth,
        @DefaultValue Timing timing,
        @DefaultValue Quotas quotas,
        @DefaultValue Cloud cloud,
        @DefaultValue Identity identity,
        @DefaultValue List<String> fixtures,
        Long idSeed,
        @DefaultValue Journal journal,
        @DefaultValue Control control,
        @DefaultValue Limits limits) {

    public enum AuthMode {
        KEYSTONE, NOAUTH
    }

    /** How {@code X-Auth-Token} is checked; static tokens work in keystone mode beside issued ones. */
    public record Auth(
            @DefaultValue("keystone") AuthMode mode,
            @DefaultValue("1h") Duration tokenTtl,
            @DefaultValue List<StaticToken> staticTokens) {
    }

    public record StaticToken(String token, String user, String project) {
    }

    /**
     * How long the emulated cinder-backup and cinder-volume services take for each operation; zero
     * means the transition is due at once (the scheduler still applies it, as Cinder's RPC does).
     */
    public record Timing(
            @DefaultValue("2s") Duration backupCreate,
            @DefaultValue("2s") Duration backupRestore,
            @DefaultValue("1s") Duration backupDelete,
            @DefaultValue("1s") Duration backupImport,
            @DefaultValue("1s") Duration volumeCreate,
            @DefaultValue("1s") Duration volumeDelete,
            @DefaultValue("1s") Duration snapshotCreate,
            @DefaultValue("1s") Duration snapshotDelete,
            @DefaultValue("25ms") Duration pollInterval) {
    }

    /**
     * Cinder's default per-project quotas ({@code cinder/quota.py}), the limits of the {@code default}
     * quota class until the quota-class API changes them. A negative limit is no limit, as in
     * Cinder's {@code quota_reserve} ({@code if quotas[res] >= 0 and ...}): nothing is counted.
     * {@code per-volume-gigabytes} is Cinder's {@code per_volume_size_limit}.
     */
    public record Quotas(
            @DefaultValue("10") int volumes,
            @DefaultValue("10") int snapshots,
            @DefaultValue("1000") int gigabytes,
            @DefaultValue("10") int backups,
            @DefaultValue("1000") int backupGigabytes,
            @DefaultValue("-1") int perVolumeGigabytes,
            @DefaultValue("10") int groups) {

        /** Whether a limit is enforced at all: -1 (any negative value) means unlimited. */
        public static boolean enforced(int limit) {
            return limit >= 0;
        }
    }

    /** What the emulated deployment looks like from outside. */
    public record Cloud(
            String publicBaseUrl,
            @DefaultValue("RegionOne") String region,
            @DefaultValue("nova") String availabilityZone,
            @DefaultValue("cinder.backup.drivers.swift.SwiftBackupDriver") String backupService,
            @DefaultValue("114688") int maxRequestBodySize) {
    }

    /** Users and projects Keystone serves; the defaults are those of the emulator contract. */
    public record Identity(@DefaultValue List<User> users, @DefaultValue List<Project> projects) {
    }

    public record User(String id, String name, String password, String project, List<String> roles) {
    }

    public record Project(String id, String name) {
    }

    /** The request journal keeps the last {@code size} Cinder and Keystone requests; 0 turns it off. */
    public record Journal(@DefaultValue("1000") int size, @DefaultValue("4096") int maxBodyBytes) {
    }

    /**
     * {@code open}: anyone who reaches the port may use {@code /_emulator} without a token (for a
     * container whose port is published to the host only). Otherwise loopback callers, or callers
     * with an admin token.
     */
    public record Control(@DefaultValue("false") boolean open) {
    }

    /**
     * What one caller may hold of the emulator, on every surface (Cinder, Keystone, the control API):
     * how long a request body may take to arrive, how many bodies are read at once (the rest of the
     * worker threads stay free for everyone else), the largest fixture document, and the bounds of
     * the token and fault-rule tables. Cinder's own body limit is {@code cloud.max-request-body-size}.
     */
    public record Limits(
            @DefaultValue("10s") Duration bodyReadTimeout,
            @DefaultValue("150") int concurrentBodyReads,
            @DefaultValue("16MB") DataSize fixturesBodySize,
            @DefaultValue("10000") int tokens,
            @DefaultValue("100") int faultRules) {
    }
}
