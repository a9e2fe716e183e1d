package dev.cinderemulator.identity;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

import dev.cinderemulator.config.EmulatorProperties;
import dev.cinderemulator.identity.IdentityDirectory.Domain;
import dev.cinderemulator.identity.IdentityDirectory.Project;
import dev.cinderemulator.identity.IdentityDirectory.Role;
import dev.cinderemulator.identity.IdentityDirectory.User;
import dev.cinderemulator.engine.EmulatorClock;
import tools.jackson.databind.JsonNode;

/**
 * Issues, validates and revokes tokens the way {@code keystone/api/_shared/authentication.py},
 * {@code keystone/auth/core.py}, the password and token plugins and the token provider do, in
 * their order: methods are checked, then the requested scope is looked up, then each method
 * authenticates, then a missing scope falls back to the user's default project, and finally the
 * user must hold a role on the project. Every identity failure is the same bare 401.
 */
@Service
class TokenService {

    /** The methods this Keystone has plugins for (its {@code [auth] methods}). */
    static final List<String> METHODS = List.of("password", "token");
    private static final List<String> SCOPE_KINDS = List.of("project", "domain", "unscoped", "system",
            "OS-TRUST:trust");

    /** A token that passed validation, with what it refers to as of now. */
    record ValidToken(Token token, User user, Domain userDomain, Project project, Domain projectDomain,
            List<Role> roles) {

        boolean hasRole(String name) {
            return roles.stream().anyMatch(role -> role.name().equals(name));
        }
    }

    record Issued(String id, ValidToken token) {
    }

    private enum ScopeKind {
        DEFAULT, UNSCOPED, PROJECT, DOMAIN, SYSTEM
    }

    private record Scope(ScopeKind kind, Project project) {
    }

    private final SecureRandom random = new SecureRandom();
    private final IdentityDirectory directory;
    private final Tokens tokens;
    private final EmulatorClock clock;
    private final Duration ttl;

    TokenService(IdentityDirectory directory, Tokens tokens, EmulatorClock clock, EmulatorProperties properties) {
        this.directory = directory;
        this.tokens = tokens;
        this.clock = clock;
        this.ttl = properties.auth().tokenTtl();
    }

    /** {@code POST /v3/auth/tokens} with the request body's {@code auth} (null when absent). */
    Issued issue(JsonNode auth) {
        TokenRequestSchema.validate(auth);
        if (auth == null || auth.isNull()) {
            throw KeystoneException.validation("auth", "request body");
        }
        JsonNode identity = auth.get("identity");
        Set<String> methods = new LinkedHashSet<>();
        identity.get("methods").forEach(method -> methods.add(method.stringValue()));
        for (String method : methods) {
            if (!identity.has(method)) {
                throw KeystoneException.validation(method, "identity");
            }
        }
        if (!METHODS.containsAll(methods)) {
            throw KeystoneException.authMethodNotSupported(METHODS);
        }
        Scope scope = requestedScope(auth);

        String userId = null;
        Instant expiresAt = null;
        String parentAuditId = null;
        List<String> methodNames = new ArrayList<>();
        for (String method : methods) {
            String authenticated;
            if (method.equals("password")) {
                authenticated = passwordUser(identity.get("password"));
                methodNames.add(0, method);
            } else {
                ValidToken previous = validate(identity.get("token").get("id").stringValue(), Duration.ZERO);
                authenticated = previous.user().id();
                // Rescoping keeps the original expiry and audit chain, so a token cannot be renewed forever.
                expiresAt = previous.token().expiresAt();
                parentAuditId = previous.token().chainAuditId();
                methodNames.add(0, method);
                methodNames.addAll(previous.token().methods());
            }
            if (userId != null && !userId.equals(authenticated)) {
                throw KeystoneException.unauthorized();
            }
            userId = authenticated;
        }
        if (userId == null) {
            throw KeystoneException.unauthorized();
        }
        User user = directory.userById(userId).orElseThrow(KeystoneException::unauthorized);
        if (scope.kind() == ScopeKind.DEFAULT) {
            scope = defaultScope(user);
        }
        if (scope.kind() == ScopeKind.DOMAIN || scope.kind() == ScopeKind.SYSTEM) {
            // Nobody here holds a role on a domain or on the system.
            throw KeystoneException.unauthorized();
        }
        String projectId = scope.project() == null ? null : scope.project().id();
        if (projectId != null && directory.effectiveRoles(userId, projectId).isEmpty()) {
            throw KeystoneException.unauthorized();
        }

        Instant now = clock.instant();
        List<String> auditIds = parentAuditId == null ? List.of(auditId()) : List.of(auditId(), parentAuditId);
        Token token = new Token(userId, projectId, List.copyOf(new LinkedHashSet<>(methodNames)), auditIds, now,
                expiresAt != null ? expiresAt : now.plus(ttl));
        String id = tokens.add(token);
        return new Issued(id, resolve(id, token));
    }

    /**
     * The token provider's {@code validate_token}, with its 404 texts: an id it cannot read, an
     * expired or revoked token, a user or project that no longer exists.
     */
    ValidToken validate(String id, Duration window) {
        if (id == null || id.isEmpty()) {
            throw KeystoneException.notFound("No token in the request");
        }
        Tokens.Entry entry = tokens.find(id)
                .orElseThrow(() -> KeystoneException.notFound("Could not recognize Fernet token"));
        if (entry.token().isExpiredAt(clock.instant(), window) || entry.revoked()) {
            throw KeystoneException.notFound("Failed to validate token");
        }
        return resolve(id, entry.token());
    }

    /** A token given as {@code X-Auth-Token}: anything wrong with it is the middleware's 401. */
    Optional<ValidToken> find(String id) {
        try {
            return Optional.of(validate(id, Duration.ZERO));
        } catch (KeystoneException invalid) {
            return Optional.empty();
        }
    }

    ValidToken requireCaller(String id) {
        return find(id).orElseThrow(KeystoneException::unauthorized);
    }

    /** {@code revoke_token}: only a token that still validates can be revoked. */
    void revoke(String id) {
        validate(id, Duration.ZERO);
        tokens.revoke(id);
    }

    private ValidToken resolve(String id, Token token) {
        User user = directory.userById(token.userId())
                .orElseThrow(() -> KeystoneException.notFound("Could not find user: " + token.userId() + "."));
        if (!token.isProjectScoped()) {
            return new ValidToken(token, user, directory.domainOf(user), null, null, List.of());
        }
        Project project = directory.projectById(token.projectId())
                .orElseThrow(() -> KeystoneException.notFound("Could not find project: " + token.projectId() + "."));
        List<Role> roles = directory.effectiveRoles(user.id(), project.id());
        if (roles.isEmpty()) {
            throw KeystoneException.unauthorized();
        }
        return new ValidToken(token, user, directory.domainOf(user), project, directory.domainOf(project), roles);
    }

    /** {@code AuthInfo._validate_and_normalize_scope_data}. */
    private Scope requestedScope(JsonNode auth) {
        if (!auth.has("scope")) {
            return new Scope(ScopeKind.DEFAULT, null);
        }
        JsonNode scope = auth.get("scope");
        // Keystone counts with Python's "in", which on the string form tests for a substring.
        long kinds = SCOPE_KINDS.stream()
                .filter(kind -> scope.isString() ? scope.stringValue().contains(kind) : scope.has(kind))
                .count();
        if (kinds != 1) {
            throw KeystoneException.validation("system, project, domain, OS-TRUST:trust or unscoped", "scope");
        }
        if (scope.isString() ? scope.stringValue().contains("system") : scope.has("system")) {
            return new Scope(ScopeKind.SYSTEM, null);
        }
        if (scope.isString() ? scope.stringValue().contains("unscoped") : scope.has("unscoped")) {
            return new Scope(ScopeKind.UNSCOPED, null);
        }
        if (scope.isString()) {
            throw KeystoneException.badRequest("string indices must be integers, not 'str'");
        }
        if (scope.has("project")) {
            return new Scope(ScopeKind.PROJECT, lookupProject(scope.get("project")));
        }
        if (scope.has("domain")) {
            lookupDomain(scope.get("domain"));
            return new Scope(ScopeKind.DOMAIN, null);
        }
        if (text(scope.get("OS-TRUST:trust"), "id").isEmpty()) {
            throw KeystoneException.validation("trust_id", "trust");
        }
        // There are no trusts here: TrustNotFound, which authenticate_for_token turns into 401.
        throw KeystoneException.unauthorized();
    }

    private Project lookupProject(JsonNode project) {
        String name = text(project, "name");
        if (!name.isEmpty()) {
            if (!project.has("domain")) {
                throw KeystoneException.validation("domain", "project");
            }
            Domain domain = lookupDomain(project.get("domain"));
            return directory.projectByName(name, domain.id()).orElseThrow(KeystoneException::unauthorized);
        }
        return directory.projectById(text(project, "id")).orElseThrow(KeystoneException::unauthorized);
    }

    private Domain lookupDomain(JsonNode domain) {
        String name = text(domain, "name");
        return (name.isEmpty() ? directory.domainById(text(domain, "id")) : directory.domainByName(name))
                .orElseThrow(KeystoneException::unauthorized);
    }

    /** The password plugin with {@code UserAuthInfo}; returns the authenticated user's id. */
    private String passwordUser(JsonNode payload) {
        if (!payload.has("user")) {
            // Keystone names the method only after this check, so its message really says "None".
            throw KeystoneException.validation("user", "None");
        }
        JsonNode user = payload.get("user");
        String id = text(user, "id");
        String name = text(user, "name");
        if (id.isEmpty() && name.isEmpty()) {
            throw KeystoneException.validation("id or name", "user");
        }
        User found;
        if (!name.isEmpty()) {
            if (!user.has("domain")) {
                throw KeystoneException.validation("domain", "user");
            }
            JsonNode domain = user.get("domain");
            if (text(domain, "id").isEmpty() && text(domain, "name").isEmpty()) {
                throw KeystoneException.validation("id or name", "domain");
            }
            found = directory.userByName(name, lookupDomain(domain).id()).orElseThrow(KeystoneException::unauthorized);
        } else {
            found = directory.userById(id).orElseThrow(KeystoneException::unauthorized);
        }
        JsonNode password = user.get("password");
        if (password == null || !password.isString() || !found.passwordMatches(password.stringValue())) {
            throw KeystoneException.unauthorized();
        }
        return found.id();
    }

    /** {@code _check_and_set_default_scoping}: the default project if the user may use it, else unscoped. */
    private Scope defaultScope(User user) {
        return directory.projectById(user.defaultProjectId())
                .filter(project -> !directory.effectiveRoles(user.id(), project.id()).isEmpty())
                .map(project -> new Scope(ScopeKind.PROJECT, project))
                .orElse(new Scope(ScopeKind.UNSCOPED, null));
    }

    /** Keystone's audit id: 16 random bytes, URL-safe base64 without padding. */
    private String auditId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** {@code dict.get(key)} of a string field, with Python's falsiness: absent, null and "" are all empty. */
    private static String text(JsonNode object, String key) {
        JsonNode value = object == null ? null : object.get(key);
        return value != null && value.isString() ? value.stringValue() : "";
    }
}
