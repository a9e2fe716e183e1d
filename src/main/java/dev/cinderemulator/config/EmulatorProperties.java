package dev.cinderemulator.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Every knob of the emulator, with defaults in {@code application.yml}. Durations of the simulated
 * backup service, Cinder's default quotas, the auth mode and the identities Keystone serves, and
 * the test-fixture side: fixture documents loaded at start-up, the seed of generated ids, the
 * request journal's bound and who may use the {@code /_emulator} control API.
 *
 * <p>The constraints are checked, with unknown keys, before the start ({@code ConfigurationChecks}):
 * a message names what is accepted, the property's name is put in front of it.
 */
@ConfigurationProperties("emulator")
public record EmulatorProperties(
        String dataDir,
        @Valid @DefaultValue Auth auth,
        @Valid @DefaultValue Timing timing,
        @Valid @DefaultValue Quotas quotas,
        @Valid @DefaultValue Cloud cloud,
        @Valid @DefaultValue Identity identity,
        @DefaultValue List<String> fixtures,
        Long idSeed,
        @Valid @DefaultValue Journal journal,
        @DefaultValue Control control,
        @Valid @DefaultValue Limits limits) {

    static final String NOT_BLANK = "must not be empty";
    static final String NOT_NEGATIVE = "must be a duration of 0 or more, such as 2s, 500ms or PT1M";
    static final String QUOTA = "must be -1 (unlimited) or a limit of 0 or more";

    /** Written in lower case, as the documentation does; any case is accepted. */
    public enum AuthMode {
        KEYSTONE, NOAUTH;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How {@code X-Auth-Token} is checked; static tokens work in keystone mode beside issued ones. */
    public record Auth(
            @NotNull(message = "must be keystone or noauth") @DefaultValue("keystone") AuthMode mode,
            @DurationMin(seconds = 1, message = "must be at least 1s") @DefaultValue("1h") Duration tokenTtl,
            @DefaultValue List<@Valid StaticToken> staticTokens) {
    }

    public record StaticToken(@NotBlank(message = NOT_BLANK) String token, @NotBlank(message = NOT_BLANK) String user,
            @NotBlank(message = NOT_BLANK) String project) {
    }

    /**
     * How long the emulated cinder-backup and cinder-volume services take for each operation; zero
     * means the transition is due at once (the scheduler still applies it, as Cinder's RPC does).
     */
    public record Timing(
            @DurationMin(nanos = 0, message = NOT_NEGATIVE) @DefaultValue("2s") Duration backupCreate,
            @DurationMin(nanos = 0, message = NOT_NEGATIVE) @DefaultValue("2s") Duration backupRestore,
            @DurationMin(nanos = 0, message = NOT_NEGATIVE) @DefaultValue("1s") Duration backupDelete,
            @DurationMin(nanos = 0, message = NOT_NEGATIVE) @DefaultValue("1s") Duration backupImport,
            @DurationMin(nanos = 0, message = NOT_NEGATIVE) @DefaultValue("1s") Duration volumeCreate,
            @DurationMin(nanos = 0, message = NOT_NEGATIVE) @DefaultValue("1s") Duration volumeDelete,
            @DurationMin(nanos = 0, message = NOT_NEGATIVE) @DefaultValue("1s") Duration snapshotCreate,
            @DurationMin(nanos = 0, message = NOT_NEGATIVE) @DefaultValue("1s") Duration snapshotDelete,
            @DurationMin(millis = 1, message = "must be a duration of at least 1ms, such as 25ms")
            @DefaultValue("25ms") Duration pollInterval) {
    }

    /**
     * Cinder's default per-project quotas ({@code cinder/quota.py}), the limits of the {@code default}
     * quota class until the quota-class API changes them. A negative limit is no limit, as in
     * Cinder's {@code quota_reserve} ({@code if quotas[res] >= 0 and ...}): nothing is counted.
     * {@code per-volume-gigabytes} is Cinder's {@code per_volume_size_limit}.
     */
    public record Quotas(
            @Min(value = -1, message = QUOTA) @DefaultValue("10") int volumes,
            @Min(value = -1, message = QUOTA) @DefaultValue("10") int snapshots,
            @Min(value = -1, message = QUOTA) @DefaultValue("1000") int gigabytes,
            @Min(value = -1, message = QUOTA) @DefaultValue("10") int backups,
            @Min(value = -1, message = QUOTA) @DefaultValue("1000") int backupGigabytes,
            @Min(value = -1, message = QUOTA) @DefaultValue("-1") int perVolumeGigabytes,
            @Min(value = -1, message = QUOTA) @DefaultValue("10") int groups) {

        /** Whether a limit is enforced at all: -1 (any negative value) means unlimited. */
        public static boolean enforced(int limit) {
            return limit >= 0;
        }
    }

    /** What the emulated deployment looks like from outside. */
    public record Cloud(
            @Pattern(regexp = "https?://[^\\s]+", message = "must be an http:// or https:// URL") String publicBaseUrl,
            @NotBlank(message = NOT_BLANK) @DefaultValue("RegionOne") String region,
            @NotBlank(message = NOT_BLANK) @DefaultValue("nova") String availabilityZone,
            @NotBlank(message = NOT_BLANK) @DefaultValue("cinder.backup.drivers.swift.SwiftBackupDriver") String backupService,
            @Min(value = 1, message = "must be a number of bytes, 1 or more") @DefaultValue("114688") int maxRequestBodySize) {
    }

    /** Users and projects Keystone serves; the defaults are those of the emulator contract. */
    public record Identity(@DefaultValue List<@Valid User> users, @DefaultValue List<@Valid Project> projects) {
    }

    public record User(String id, @NotBlank(message = NOT_BLANK) String name, String password, String project,
            List<String> roles) {
    }

    public record Project(String id, @NotBlank(message = NOT_BLANK) String name) {
    }

    /** The request journal keeps the last {@code size} Cinder and Keystone requests; 0 turns it off. */
    public record Journal(
            @Min(value = 0, message = "must be between 0 (off) and 100000") @Max(value = 100_000,
                    message = "must be between 0 (off) and 100000") @DefaultValue("1000") int size,
            @Min(value = 0, message = "must be a number of bytes, 0 or more") @DefaultValue("4096") int maxBodyBytes) {
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
            @DurationMin(millis = 1, message = "must be a duration of at least 1ms, such as 10s")
            @DefaultValue("10s") Duration bodyReadTimeout,
            @Min(value = 1, message = "must be at least 1") @DefaultValue("150") int concurrentBodyReads,
            @NotNull(message = "must be a size such as 16MB") @DefaultValue("16MB") DataSize fixturesBodySize,
            @Min(value = 1, message = "must be at least 1") @DefaultValue("10000") int tokens,
            @Min(value = 1, message = "must be at least 1") @DefaultValue("100") int faultRules) {
    }
}
