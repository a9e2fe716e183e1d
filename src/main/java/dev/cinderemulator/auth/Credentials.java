package dev.cinderemulator.auth;

import java.util.Set;

/**
 * The request context Cinder builds from a validated token: user, project and effective roles
 * (implied roles already expanded, as Keystone puts them in a token).
 */
public record Credentials(String userId, String userName, String projectId, String projectName, Set<String> roles) {

    public Credentials {
        roles = Set.copyOf(roles);
    }

    /** Cinder's {@code context_is_admin} rule is {@code role:admin}. */
    public boolean isAdmin() {
        return roles.contains("admin");
    }
}
