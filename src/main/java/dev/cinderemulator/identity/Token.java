package dev.cinderemulator.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a Keystone token stands for, as a fernet payload carries it: the user, the project it is
 * scoped to (none when unscoped), the methods that proved the identity, the audit chain
 * (own audit id first, then the id of the token it was rescoped from) and its lifetime. Roles are
 * not part of it: like Keystone, they are looked up whenever the token is validated.
 */
record Token(String userId, String projectId, List<String> methods, List<String> auditIds, Instant issuedAt,
        Instant expiresAt) {

    Token {
        methods = List.copyOf(methods);
        auditIds = List.copyOf(auditIds);
    }

    boolean isProjectScoped() {
        return projectId != null;
    }

    /** The audit id a rescoped token inherits: the chain's origin. */
    String chainAuditId() {
        return auditIds.get(auditIds.size() - 1);
    }

    /** Keystone's {@code _is_valid_token}: valid strictly before {@code expires_at} (plus a grace window). */
    boolean isExpiredAt(Instant now, Duration window) {
        return !now.isBefore(expiresAt.plus(window));
    }
}
