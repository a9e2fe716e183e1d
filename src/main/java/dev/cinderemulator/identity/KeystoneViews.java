package dev.cinderemulator.identity;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import dev.cinderemulator.identity.IdentityDirectory.Domain;
import dev.cinderemulator.identity.IdentityDirectory.Project;
import dev.cinderemulator.identity.IdentityDirectory.Role;
import dev.cinderemulator.identity.IdentityDirectory.User;
import dev.cinderemulator.identity.TokenService.ValidToken;

/**
 * Keystone's JSON for tokens ({@code render_token.py}) and for the identity resources
 * ({@code wrap_member}/{@code wrap_collection}): records mirroring the wire format.
 */
final class KeystoneViews {

    /** {@code isotime(subsecond=True)}: microseconds and a literal Z. */
    private static final DateTimeFormatter ISO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private KeystoneViews() {
    }

    record TokenEnvelope(TokenBody token) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TokenBody(
            List<String> methods,
            TokenUser user,
            @JsonProperty("audit_ids") List<String> auditIds,
            @JsonProperty("expires_at") String expiresAt,
            @JsonProperty("issued_at") String issuedAt,
            NamedRef project,
            @JsonProperty("is_domain") Boolean isDomain,
            List<RoleRef> roles,
            List<Catalog.Service> catalog) {
    }

    record TokenUser(String id, String name, DomainRef domain,
            @JsonProperty("password_expires_at") String passwordExpiresAt) {
    }

    record NamedRef(String id, String name, DomainRef domain) {
    }

    record DomainRef(String id, String name) {
    }

    record RoleRef(String id, String name) {
    }

    record ProjectView(String id, String name, @JsonProperty("domain_id") String domainId, String description,
            boolean enabled, @JsonProperty("parent_id") String parentId, @JsonProperty("is_domain") boolean isDomain,
            List<String> tags, Map<String, Object> options, Map<String, String> links) {
    }

    record UserView(String id, String name, @JsonProperty("domain_id") String domainId, boolean enabled,
            @JsonProperty("default_project_id") @JsonInclude(JsonInclude.Include.NON_NULL) String defaultProjectId,
            @JsonProperty("password_expires_at") String passwordExpiresAt, Map<String, Object> options,
            Map<String, String> links) {
    }

    record DomainView(String id, String name, String description, boolean enabled, List<String> tags,
            Map<String, Object> options, Map<String, String> links) {
    }

    record RoleView(String id, String name, @JsonProperty("domain_id") String domainId, String description,
            Map<String, Object> options, Map<String, String> links) {
    }

    /** A collection's links: Keystone never pages these lists, so previous and next are null. */
    record CollectionLinks(String self, String previous, String next) {

        static CollectionLinks of(String self) {
            return new CollectionLinks(self, null, null);
        }
    }

    static TokenEnvelope token(ValidToken valid, List<Catalog.Service> catalog) {
        Token token = valid.token();
        User user = valid.user();
        TokenUser tokenUser = new TokenUser(user.id(), user.name(), domainRef(valid.userDomain()), null);
        NamedRef project = null;
        List<RoleRef> roles = null;
        if (valid.project() != null) {
            project = new NamedRef(valid.project().id(), valid.project().name(), domainRef(valid.projectDomain()));
            roles = valid.roles().stream().map(role -> new RoleRef(role.id(), role.name())).toList();
        }
        return new TokenEnvelope(new TokenBody(token.methods(), tokenUser, token.auditIds(),
                isoTime(token.expiresAt()), isoTime(token.issuedAt()), project, project == null ? null : false, roles,
                catalog));
    }

    static ProjectView project(Project project, String self) {
        // keystone-manage bootstrap describes the project it creates (the admin project); others have none.
        String description = project.name().equals("admin") ? "Bootstrap project for initializing the cloud." : "";
        return new ProjectView(project.id(), project.name(), project.domainId(), description, true, project.domainId(),
                false,
                List.of(), Map.of(), Map.of("self", self));
    }

    static UserView user(User user, String self) {
        return new UserView(user.id(), user.name(), user.domainId(), true, user.defaultProjectId(), null, Map.of(),
                Map.of("self", self));
    }

    static DomainView domain(Domain domain, String self) {
        return new DomainView(domain.id(), domain.name(), domain.description(), true, List.of(), Map.of(),
                Map.of("self", self));
    }

    static RoleView role(Role role, String self) {
        return new RoleView(role.id(), role.name(), null, null, Map.of(), Map.of("self", self));
    }

    static String isoTime(Instant instant) {
        return ISO_TIME.format(instant);
    }

    private static DomainRef domainRef(Domain domain) {
        return new DomainRef(domain.id(), domain.name());
    }
}
