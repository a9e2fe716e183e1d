package dev.cinderemulator.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.cinderemulator.config.EmulatorProperties;

/**
 * Keystone's identity, resource and assignment backends, read-only and built from
 * {@code emulator.identity}: one domain ({@code Default}), the configured projects and users, and
 * each user's roles on their project (which is also their default project). Roles are those
 * {@code keystone-manage bootstrap} creates, with its implications admin ⇒ manager ⇒ member ⇒
 * reader, plus any other role named in the configuration.
 *
 * <p>Ids a configuration leaves out are derived from the name, so they are 32 lower-case hex
 * characters like Keystone's and stay the same across restarts.
 */
@Component
class IdentityDirectory {

    static final Domain DEFAULT_DOMAIN = new Domain("default", "Default", "The default domain");

    /** {@code keystone-manage bootstrap}'s roles and the role each one implies. */
    private static final Map<String, String> BOOTSTRAP_ROLES = bootstrapRoles();

    record Domain(String id, String name, String description) {
    }

    record Project(String id, String name, String domainId) {
    }

    record User(String id, String name, String domainId, String defaultProjectId, String password) {

        boolean passwordMatches(String candidate) {
            return password != null && candidate != null && MessageDigest.isEqual(
                    password.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return "User[id=" + id + ", name=" + name + "]";
        }
    }

    record Role(String id, String name) {
    }

    private final Map<String, Project> projectsById = new LinkedHashMap<>();
    private final Map<String, User> usersById = new LinkedHashMap<>();
    private final Map<String, Role> rolesByName = new LinkedHashMap<>();
    /** user id → project id → directly assigned role names. */
    private final Map<String, Map<String, List<String>>> assignments = new LinkedHashMap<>();

    IdentityDirectory(EmulatorProperties properties) {
        BOOTSTRAP_ROLES.keySet().forEach(this::role);
        EmulatorProperties.Identity identity = properties.identity();
        for (EmulatorProperties.Project configured : identity.projects()) {
            addProject(configured.id(), configured.name());
        }
        for (EmulatorProperties.User configured : identity.users()) {
            addUser(configured);
        }
    }

    private void addProject(String id, String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalStateException("emulator.identity.projects: every project needs a name");
        }
        if (projectByName(name, DEFAULT_DOMAIN.id()).isPresent()) {
            throw new IllegalStateException("emulator.identity.projects: project " + name + " is listed twice");
        }
        Project project = new Project(id == null || id.isBlank() ? stableId("project", name) : id, name,
                DEFAULT_DOMAIN.id());
        if (projectsById.putIfAbsent(project.id(), project) != null) {
            throw new IllegalStateException("emulator.identity.projects: id " + project.id() + " is used twice");
        }
    }

    private void addUser(EmulatorProperties.User configured) {
        String name = configured.name();
        if (name == null || name.isBlank()) {
            throw new IllegalStateException("emulator.identity.users: every user needs a name");
        }
        if (userByName(name, DEFAULT_DOMAIN.id()).isPresent()) {
            throw new IllegalStateException("emulator.identity.users: user " + name + " is listed twice");
        }
        String projectId = null;
        if (configured.project() != null && !configured.project().isBlank()) {
            if (projectByName(configured.project(), DEFAULT_DOMAIN.id()).isEmpty()) {
                addProject(null, configured.project());
            }
            projectId = projectByName(configured.project(), DEFAULT_DOMAIN.id()).orElseThrow().id();
        }
        String id = configured.id() == null || configured.id().isBlank() ? stableId("user", name) : configured.id();
        User user = new User(id, name, DEFAULT_DOMAIN.id(), projectId, configured.password());
        if (usersById.putIfAbsent(id, user) != null) {
            throw new IllegalStateException("emulator.identity.users: id " + id + " is used twice");
        }
        if (projectId != null) {
            List<String> roles = configured.roles() == null || configured.roles().isEmpty() ? List.of("member")
                    : configured.roles();
            roles.forEach(this::role);
            assignments.computeIfAbsent(id, key -> new LinkedHashMap<>()).put(projectId, List.copyOf(roles));
        }
    }

    private Role role(String name) {
        return rolesByName.computeIfAbsent(name, roleName -> new Role(stableId("role", roleName), roleName));
    }

    Optional<Domain> domainById(String id) {
        return DEFAULT_DOMAIN.id().equals(id) ? Optional.of(DEFAULT_DOMAIN) : Optional.empty();
    }

    Optional<Domain> domainByName(String name) {
        return DEFAULT_DOMAIN.name().equals(name) ? Optional.of(DEFAULT_DOMAIN) : Optional.empty();
    }

    Domain domainOf(Project project) {
        return domainById(project.domainId()).orElseThrow();
    }

    Domain domainOf(User user) {
        return domainById(user.domainId()).orElseThrow();
    }

    Optional<Project> projectById(String id) {
        return Optional.ofNullable(id).map(projectsById::get);
    }

    Optional<Project> projectByName(String name, String domainId) {
        return projectsById.values().stream()
                .filter(project -> project.name().equals(name) && project.domainId().equals(domainId))
                .findFirst();
    }

    Collection<Project> projects() {
        return projectsById.values();
    }

    Optional<User> userById(String id) {
        return Optional.ofNullable(id).map(usersById::get);
    }

    Optional<User> userByName(String name, String domainId) {
        return usersById.values().stream()
                .filter(user -> user.name().equals(name) && user.domainId().equals(domainId))
                .findFirst();
    }

    Collection<User> users() {
        return usersById.values();
    }

    Collection<Role> roles() {
        return rolesByName.values();
    }

    /** Projects where the user has at least one role ({@code list_projects_for_user}). */
    List<Project> projectsOf(String userId) {
        return assignments.getOrDefault(userId, Map.of()).keySet().stream()
                .map(projectsById::get)
                .toList();
    }

    /**
     * The user's effective roles on a project, as a token carries them: the assigned roles first,
     * then what they imply; empty means no access to the project.
     */
    List<Role> effectiveRoles(String userId, String projectId) {
        List<String> assigned = assignments.getOrDefault(userId, Map.of()).getOrDefault(projectId, List.of());
        Set<String> names = new LinkedHashSet<>(assigned);
        List<String> pending = new ArrayList<>(assigned);
        while (!pending.isEmpty()) {
            String implied = BOOTSTRAP_ROLES.get(pending.remove(0));
            if (implied != null && names.add(implied)) {
                pending.add(implied);
            }
        }
        return names.stream().map(rolesByName::get).toList();
    }

    /** The first 32 hex characters of a SHA-256 over a fixed namespace, the kind and the name. */
    static String stableId(String kind, String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("cinder-emulator:identity:" + kind + ":" + name).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static Map<String, String> bootstrapRoles() {
        Map<String, String> roles = new LinkedHashMap<>();
        roles.put("admin", "manager");
        roles.put("manager", "member");
        roles.put("member", "reader");
        roles.put("reader", null);
        roles.put("service", null);
        return roles;
    }
}
