package dev.cinderemulator.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.cinderemulator.auth.ProjectNames;
import dev.cinderemulator.config.EmulatorProperties;
import dev.cinderemulator.config.EmulatorProperties.AuthMode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The identities as the emulator's own surfaces (control API, fixtures, banner, dashboard) see
 * them: projects by name and id, users with their passwords, and a token for a named user. In
 * {@code noauth} mode a user's token is {@code user:project} with the project's name, which the
 * Cinder side reads as the configured project's id ({@link ProjectNames}); other project ids are
 * taken as they are, as Cinder's {@code NoAuthMiddleware} does.
 */
@Component
public class Identities implements ProjectNames {

    public record ProjectView(String id, String name) {
    }

    public record UserView(String name, String password, String projectName, String projectId, List<String> roles) {
    }

    public record IssuedToken(String token, String user, String projectName, String projectId, Instant expiresAt) {
    }

    private final IdentityDirectory directory;
    private final TokenService tokens;
    private final JsonMapper json;
    private final boolean noauth;

    Identities(IdentityDirectory directory, TokenService tokens, JsonMapper json, EmulatorProperties properties) {
        this.directory = directory;
        this.tokens = tokens;
        this.json = json;
        this.noauth = properties.auth().mode() == AuthMode.NOAUTH;
    }

    public boolean noauth() {
        return noauth;
    }

    public List<ProjectView> projects() {
        return directory.projects().stream().map(project -> new ProjectView(project.id(), project.name())).toList();
    }

    public List<UserView> users() {
        return directory.users().stream().map(user -> {
            IdentityDirectory.Project project = directory.projectById(user.defaultProjectId()).orElse(null);
            List<String> roles = project == null ? List.of()
                    : directory.effectiveRoles(user.id(), project.id()).stream().map(IdentityDirectory.Role::name)
                            .toList();
            return new UserView(user.name(), user.password(), project == null ? null : project.name(),
                    project == null ? null : project.id(), roles);
        }).toList();
    }

    public Optional<UserView> user(String name) {
        return users().stream().filter(user -> user.name().equals(name)).findFirst();
    }

    /** The Keystone id of the configured project of that name, in both modes. */
    public Optional<String> projectIdByName(String name) {
        return directory.projectByName(name, IdentityDirectory.DEFAULT_DOMAIN.id()).map(IdentityDirectory.Project::id);
    }

    @Override
    public Optional<String> projectId(String name) {
        return projectIdByName(name);
    }

    /** Whether resources may belong to this project id: any id in noauth mode, a configured one otherwise. */
    public boolean projectIdExists(String id) {
        return noauth ? id != null && !id.isBlank() : directory.projectById(id).isPresent();
    }

    /**
     * A token for the named user on their own project: a password login through Keystone's own
     * path in keystone mode (so it is a token like any other), {@code user:project} in noauth mode.
     */
    public Optional<IssuedToken> tokenFor(String userName) {
        Optional<UserView> found = user(userName);
        if (found.isEmpty() || found.get().projectName() == null) {
            return Optional.empty();
        }
        UserView user = found.get();
        if (!noauth && user.password() == null) {
            return Optional.empty();
        }
        if (noauth) {
            return Optional.of(new IssuedToken(user.name() + ":" + user.projectName(), user.name(),
                    user.projectName(), user.projectId(), null));
        }
        ObjectNode auth = json.createObjectNode();
        ObjectNode identity = auth.putObject("identity");
        identity.putArray("methods").add("password");
        ObjectNode login = identity.putObject("password").putObject("user");
        login.put("name", user.name()).put("password", user.password());
        login.putObject("domain").put("id", IdentityDirectory.DEFAULT_DOMAIN.id());
        auth.putObject("scope").putObject("project").put("id", user.projectId());
        TokenService.Issued issued = tokens.issue(auth);
        return Optional.of(new IssuedToken(issued.id(), user.name(), user.projectName(), user.projectId(),
                issued.token().token().expiresAt()));
    }
}
