package dev.cinderemulator.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

import dev.cinderemulator.config.EmulatorProperties;
import dev.cinderemulator.engine.EmulatorClock;

/**
 * Issued tokens, in the database so they outlive a restart of a file-backed emulator. A token id is
 * random and opaque (shaped like a fernet token, {@code gAAAAAB...}); only its SHA-256 is stored,
 * so the database never holds a usable credential.
 */
@Repository
class Tokens {

    /** Keystone's default {@code [token] allow_expired_window}: how long an expired token stays readable. */
    static final Duration ALLOW_EXPIRED_WINDOW = Duration.ofHours(48);

    record Entry(Token token, boolean revoked) {
    }

    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final EmulatorClock clock;
    private final int maxTokens;

    Tokens(JdbcClient jdbc, EmulatorClock clock, EmulatorProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxTokens = Math.max(1, properties.limits().tokens());
    }

    /** Stores the token and returns its id, the only time the id is known. */
    String add(Token token) {
        byte[] bytes = new byte[48];
        random.nextBytes(bytes);
        String id = "gAAAAAB" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("""
                INSERT INTO identity_tokens (id_hash, user_id, project_id, methods, audit_ids, issued_at, expires_at,
                                             revoked)
                VALUES (:hash, :user, :project, :methods, :audit, :issued, :expires, FALSE)""")
                .param("hash", hash(id))
                .param("user", token.userId())
                .param("project", token.projectId())
                .param("methods", String.join(",", token.methods()))
                .param("audit", String.join(",", token.auditIds()))
                .param("issued", utc(token.issuedAt()))
                .param("expires", utc(token.expiresAt()))
                .update();
        evictBeyondBound();
        return id;
    }

    /**
     * Keystone's fernet tokens take no room on the server; here each is a row, so the table is held
     * to {@code emulator.limits.tokens}: past it, the tokens nobody can use any more (revoked or
     * expired) go first, then the oldest. A client whose token went this way gets 401 and logs in
     * again, as keystoneauth does by itself.
     */
    private void evictBeyondBound() {
        long held = jdbc.sql("SELECT COUNT(*) FROM identity_tokens").query(Long.class).single();
        if (held <= maxTokens) {
            return;
        }
        jdbc.sql("""
                DELETE FROM identity_tokens WHERE id_hash IN (
                    SELECT id_hash FROM identity_tokens
                    ORDER BY CASE WHEN revoked OR expires_at < :now THEN 0 ELSE 1 END, issued_at
                    LIMIT :excess)""")
                .param("now", utc(clock.instant()))
                .param("excess", held - maxTokens)
                .update();
    }

    Optional<Entry> find(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT user_id, project_id, methods, audit_ids, issued_at, expires_at, revoked
                FROM identity_tokens WHERE id_hash = :hash""")
                .param("hash", hash(id))
                .query(Tokens::entry)
                .optional();
    }

    void revoke(String id) {
        jdbc.sql("UPDATE identity_tokens SET revoked = TRUE WHERE id_hash = :hash").param("hash", hash(id)).update();
    }

    /** Forgets tokens nobody may read any more, not even with {@code allow_expired}. */
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT10M")
    void purgeExpired() {
        jdbc.sql("DELETE FROM identity_tokens WHERE expires_at < :horizon")
                .param("horizon", utc(clock.instant().minus(ALLOW_EXPIRED_WINDOW)))
                .update();
    }

    private static Entry entry(ResultSet row, int number) throws SQLException {
        Token token = new Token(row.getString("user_id"), row.getString("project_id"),
                split(row.getString("methods")), split(row.getString("audit_ids")),
                row.getObject("issued_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                row.getObject("expires_at", LocalDateTime.class).toInstant(ZoneOffset.UTC));
        return new Entry(token, row.getBoolean("revoked"));
    }

    private static List<String> split(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String hash(String id) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
