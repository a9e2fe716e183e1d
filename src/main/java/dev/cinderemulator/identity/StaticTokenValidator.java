package dev.cinderemulator.identity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.cinderemulator.auth.Credentials;
import dev.cinderemulator.auth.TokenValidator;
import dev.cinderemulator.config.EmulatorProperties;
import dev.cinderemulator.identity.IdentityDirectory.Project;
import dev.cinderemulator.identity.IdentityDirectory.Role;
import dev.cinderemulator.identity.IdentityDirectory.User;

/**
 * {@code emulator.auth.static-tokens}: fixed tokens for scripts that talk to Cinder without logging
 * in, each naming a configured user and project. They never expire and carry the roles that user
 * holds on that project; they are a Cinder-side convenience, unknown to the Keystone API. A static
 * token naming an unknown user or project, or a project the user has no role on, stops startup.
 */
@Component
class StaticTokenValidator implements TokenValidator {

    private final Map<String, Credentials> credentials = new HashMap<>();

    StaticTokenValidator(EmulatorProperties properties, IdentityDirectory directory) {
        for (EmulatorProperties.StaticToken configured : properties.auth().staticTokens()) {
            if (configured.token() == null || configured.token().isEmpty()) {
                throw new IllegalStateException("emulator.auth.static-tokens: every entry needs a token");
            }
            User user = directory.userByName(configured.user(), IdentityDirectory.DEFAULT_DOMAIN.id())
                    .orElseThrow(() -> new IllegalStateException(
                            "emulator.auth.static-tokens: no user named " + configured.user()));
            Project project = directory.projectByName(configured.project(), IdentityDirectory.DEFAULT_DOMAIN.id())
                    .orElseThrow(() -> new IllegalStateException(
                            "emulator.auth.static-tokens: no project named " + configured.project()));
            List<Role> roles = directory.effectiveRoles(user.id(), project.id());
            if (roles.isEmpty()) {
                throw new IllegalStateException("emulator.auth.static-tokens: user " + user.name()
                        + " has no role on project " + project.name());
            }
            credentials.put(configured.token(), new Credentials(user.id(), user.name(), project.id(), project.name(),
                    roles.stream().map(Role::name).collect(Collectors.toSet())));
        }
    }

    @Override
    public Optional<Credentials> validate(String token) {
        return Optional.ofNullable(credentials.get(token));
    }
}
