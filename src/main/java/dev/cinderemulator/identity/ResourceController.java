package dev.cinderemulator.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.cinderemulator.identity.IdentityDirectory.Project;
import dev.cinderemulator.identity.IdentityDirectory.User;
import dev.cinderemulator.identity.KeystoneViews.CollectionLinks;
import dev.cinderemulator.identity.TokenService.ValidToken;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The read side of Keystone's projects, users, domains and roles, which clients consult while
 * resolving names (OSC's {@code project show demo} tries the id, then lists by name). Policies are
 * Keystone's defaults as they play out for project-scoped tokens: the {@code admin} role sees
 * everything, anyone else only their own user, project and domain, and a resource another user may
 * not see is 403 whether it exists or not.
 */
@RestController
@RequestMapping(KeystoneUrls.PREFIX + "/v3")
class ResourceController {

    private final TokenService tokens;
    private final IdentityDirectory directory;
    private final KeystoneUrls urls;

    ResourceController(TokenService tokens, IdentityDirectory directory, KeystoneUrls urls) {
        this.tokens = tokens;
        this.directory = directory;
        this.urls = urls;
    }

    @GetMapping("/projects")
    Map<String, Object> projects(@RequestHeader(name = AuthController.AUTH_TOKEN, required = false) String authToken,
            @RequestParam(required = false) String name,
            @RequestParam(name = "domain_id", required = false) String domainId,
            @RequestParam(required = false) String enabled, HttpServletRequest request) {
        requireAdmin(authToken, "identity:list_projects");
        List<KeystoneViews.ProjectView> projects = directory.projects().stream()
                .filter(project -> name == null || project.name().equals(name))
                .filter(project -> domainId == null || project.domainId().equals(domainId))
                .filter(project -> enabled == null || AuthController.isTrue(enabled))
                .map(project -> projectView(project, request))
                .toList();
        return Map.of("projects", projects, "links", CollectionLinks.of(urls.self(request)));
    }

    @GetMapping("/projects/{projectId}")
    Map<String, Object> project(@RequestHeader(name = AuthController.AUTH_TOKEN, required = false) String authToken,
            @PathVariable String projectId, HttpServletRequest request) {
        ValidToken caller = tokens.requireCaller(authToken);
        Optional<Project> project = directory.projectById(projectId);
        boolean own = caller.project() != null && caller.project().id().equals(projectId);
        enforce(caller, project.isPresent() && own, "identity:get_project");
        return Map.of("project", projectView(project.orElseThrow(
                () -> KeystoneException.notFound("Could not find project: " + projectId + ".")), request));
    }

    @GetMapping("/users")
    Map<String, Object> users(@RequestHeader(name = AuthController.AUTH_TOKEN, required = false) String authToken,
            @RequestParam(required = false) String name,
            @RequestParam(name = "domain_id", required = false) String domainId, HttpServletRequest request) {
        requireAdmin(authToken, "identity:list_users");
        List<KeystoneViews.UserView> users = directory.users().stream()
                .filter(user -> name == null || user.name().equals(name))
                .filter(user -> domainId == null || user.domainId().equals(domainId))
                .map(user -> KeystoneViews.user(user, urls.v3(request, "users/" + user.id())))
                .toList();
        return Map.of("users", users, "links", CollectionLinks.of(urls.self(request)));
    }

    @GetMapping("/users/{userId}")
    Map<String, Object> user(@RequestHeader(name = AuthController.AUTH_TOKEN, required = false) String authToken,
            @PathVariable String userId, HttpServletRequest request) {
        ValidToken caller = tokens.requireCaller(authToken);
        Optional<User> user = directory.userById(userId);
        enforce(caller, user.isPresent() && caller.user().id().equals(userId), "identity:get_user");
        User found = user.orElseThrow(() -> KeystoneException.notFound("Could not find user: " + userId + "."));
        return Map.of("user", KeystoneViews.user(found, urls.v3(request, "users/" + found.id())));
    }

    @GetMapping("/users/{userId}/projects")
    Map<String, Object> userProjects(
            @RequestHeader(name = AuthController.AUTH_TOKEN, required = false) String authToken,
            @PathVariable String userId, @RequestParam(required = false) String name, HttpServletRequest request) {
        ValidToken caller = tokens.requireCaller(authToken);
        boolean self = directory.userById(userId).isPresent() && caller.user().id().equals(userId);
        enforce(caller, self, "identity:list_user_projects");
        List<KeystoneViews.ProjectView> projects = directory.projectsOf(userId).stream()
                .filter(project -> name == null || project.name().equals(name))
                .map(project -> projectView(project, request))
                .toList();
        return Map.of("projects", projects, "links", CollectionLinks.of(urls.self(request)));
    }

    @GetMapping("/domains")
    Map<String, Object> domains(@RequestHeader(name = AuthController.AUTH_TOKEN, required = false) String authToken,
            @RequestParam(required = false) String name, HttpServletRequest request) {
        requireAdmin(authToken, "identity:list_domains");
        return Map.of("domains", list(List.of(IdentityDirectory.DEFAULT_DOMAIN), domain -> name == null
                || domain.name().equals(name), domain -> KeystoneViews.domain(domain,
                        urls.v3(request, "domains/" + domain.id()))),
                "links", CollectionLinks.of(urls.self(request)));
    }

    @GetMapping("/domains/{domainId}")
    Map<String, Object> domain(@RequestHeader(name = AuthController.AUTH_TOKEN, required = false) String authToken,
            @PathVariable String domainId, HttpServletRequest request) {
        ValidToken caller = tokens.requireCaller(authToken);
        Optional<IdentityDirectory.Domain> domain = directory.domainById(domainId);
        boolean own = caller.projectDomain() != null && caller.projectDomain().id().equals(domainId);
        enforce(caller, domain.isPresent() && own, "identity:get_domain");
        IdentityDirectory.Domain found = domain
                .orElseThrow(() -> KeystoneException.notFound("Could not find domain: " + domainId + "."));
        return Map.of("domain", KeystoneViews.domain(found, urls.v3(request, "domains/" + found.id())));
    }

    @GetMapping("/roles")
    Map<String, Object> roles(@RequestHeader(name = AuthController.AUTH_TOKEN, required = false) String authToken,
            @RequestParam(required = false) String name, HttpServletRequest request) {
        requireAdmin(authToken, "identity:list_roles");
        return Map.of("roles", list(directory.roles(), role -> name == null || role.name().equals(name),
                role -> KeystoneViews.role(role, urls.v3(request, "roles/" + role.id()))),
                "links", CollectionLinks.of(urls.self(request)));
    }

    private void requireAdmin(String authToken, String action) {
        enforce(tokens.requireCaller(authToken), false, action);
    }

    /** The admin role passes every check; anyone else needs the rule's own condition. */
    private static void enforce(ValidToken caller, boolean allowed, String action) {
        if (!allowed && !caller.hasRole("admin")) {
            throw KeystoneException.forbiddenAction(action);
        }
    }

    private KeystoneViews.ProjectView projectView(Project project, HttpServletRequest request) {
        return KeystoneViews.project(project, urls.v3(request, "projects/" + project.id()));
    }

    private static <T, V> List<V> list(Collection<T> items, Predicate<T> filter,
            Function<T, V> view) {
        return items.stream().filter(filter).map(view).toList();
    }
}
