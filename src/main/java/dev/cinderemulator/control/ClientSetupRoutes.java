package dev.cinderemulator.control;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.cinderemulator.config.EmulatorProperties;
import dev.cinderemulator.identity.Identities;
import dev.cinderemulator.identity.Identities.IssuedToken;
import dev.cinderemulator.identity.Identities.UserView;
import dev.cinderemulator.web.ExternalUrl;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * What a person or a script needs to point a client at the emulator, without parsing response
 * headers: the index of the control routes, the identities, a {@code clouds.yaml}, an openrc and
 * a token for a named user.
 *
 * <pre>
 * GET  /_emulator                       every control route
 * GET  /_emulator/identities            auth mode, projects (id, name) and users (with passwords)
 * GET  /_emulator/clouds.yaml[?user=]   a clouds.yaml: cloud "emulator" per user (default: every user)
 * GET  /_emulator/openrc?user=          export OS_* lines for the openstack CLI
 * POST /_emulator/tokens                {"user": "demo"}: a token for that user on their project
 * </pre>
 */
@RestController
@RequestMapping(path = "/_emulator", produces = MediaType.APPLICATION_JSON_VALUE)
class ClientSetupRoutes {

    /** The microversion the CLI and SDK sessions of the README use. */
    static final String VOLUME_API_VERSION = "3.64";

    private final Identities identities;
    private final EmulatorProperties properties;
    private final JsonMapper json;
    private final YAMLMapper yaml = YAMLMapper.builder().build();

    ClientSetupRoutes(Identities identities, EmulatorProperties properties, JsonMapper json) {
        this.identities = identities;
        this.properties = properties;
        this.json = json;
    }

    @GetMapping({ "", "/" })
    Map<String, Object> index() {
        List<Map<String, String>> routes = new ArrayList<>();
        for (ControlIndex.Route route : ControlIndex.ROUTES) {
            Map<String, String> view = new LinkedHashMap<>();
            view.put("method", route.method());
            view.put("path", route.path());
            view.put("description", route.description());
            routes.add(view);
        }
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("routes", routes);
        index.put("contract", "/openapi/emulator-control.yaml");
        index.put("dashboard", "/_emulator/ui");
        return index;
    }

    @GetMapping("/identities")
    Map<String, Object> identities() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("auth_mode", properties.auth().mode().toString());
        view.put("projects", identities.projects().stream().map(project -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", project.id());
            entry.put("name", project.name());
            return entry;
        }).toList());
        view.put("users", identities.users().stream().map(user -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", user.name());
            entry.put("password", user.password());
            entry.put("project", user.projectName());
            entry.put("project_id", user.projectId());
            entry.put("roles", user.roles());
            return entry;
        }).toList());
        return view;
    }

    /** Cloud {@code emulator} logs in as the user asked for (demo by default), {@code emulator-<user>} as each user. */
    @GetMapping(path = "/clouds.yaml", produces = MediaType.ALL_VALUE)
    ResponseEntity<String> cloudsYaml(@RequestParam Optional<String> user, HttpServletRequest request) {
        String base = baseUrl(request);
        Map<String, Object> clouds = new LinkedHashMap<>();
        if (user.isPresent()) {
            clouds.put("emulator", cloud(known(user.get()), base));
        } else {
            identities.user("demo").ifPresent(demo -> clouds.put("emulator", cloud(demo, base)));
            for (UserView each : identities.users()) {
                if (each.projectName() != null) {
                    clouds.put("emulator-" + each.name(), cloud(each, base));
                }
            }
        }
        String text = yaml.writeValueAsString(Map.of("clouds", clouds));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/yaml")).body(text);
    }

    @GetMapping(path = "/openrc", produces = MediaType.ALL_VALUE)
    ResponseEntity<String> openrc(@RequestParam Optional<String> user, HttpServletRequest request) {
        UserView chosen = known(user.orElse("demo"));
        String base = baseUrl(request);
        StringBuilder text = new StringBuilder();
        if (identities.noauth()) {
            text.append("# noauth mode: cinderclient's noauth plugin sends X-Auth-Token: ").append(chosen.name())
                    .append(':').append(chosen.projectId()).append('\n');
            line(text, "OS_AUTH_TYPE", "noauth");
            line(text, "OS_USER_ID", chosen.name());
            line(text, "OS_PROJECT_ID", chosen.projectId());
            line(text, "OS_ENDPOINT", base + "/v3");
        } else {
            line(text, "OS_AUTH_URL", base + "/keystone/v3");
            line(text, "OS_IDENTITY_API_VERSION", "3");
            line(text, "OS_USERNAME", chosen.name());
            line(text, "OS_PASSWORD", chosen.password());
            line(text, "OS_PROJECT_NAME", chosen.projectName());
            line(text, "OS_USER_DOMAIN_NAME", "Default");
            line(text, "OS_PROJECT_DOMAIN_NAME", "Default");
            line(text, "OS_REGION_NAME", properties.cloud().region());
        }
        line(text, "OS_VOLUME_API_VERSION", VOLUME_API_VERSION);
        return ResponseEntity.ok().contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                .body(text.toString());
    }

    @PostMapping(path = "/tokens", consumes = MediaType.ALL_VALUE)
    ResponseEntity<Map<String, Object>> token(@RequestBody(required = false) byte[] body) {
        JsonNode request = object(body);
        for (String field : request.propertyNames()) {
            if (!field.equals("user")) {
                throw ControlException.badRequest(field + ": unknown field (known: [user])");
            }
        }
        JsonNode user = request.get("user");
        if (user == null || !user.isString() || user.asString().isBlank()) {
            throw ControlException.badRequest("user: the name of a configured user is required, got " + user);
        }
        known(user.asString());
        IssuedToken issued = identities.tokenFor(user.asString()).orElseThrow(() -> ControlException.badRequest(
                "user: " + user.asString() + " has no project or no password, so cannot log in"));
        Map<String, Object> token = new LinkedHashMap<>();
        token.put("id", issued.token());
        token.put("user", issued.user());
        token.put("project", issued.projectName());
        token.put("project_id", issued.projectId());
        token.put("expires_at", issued.expiresAt() == null ? null : issued.expiresAt().toString());
        token.put("header", "X-Auth-Token");
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("token", token));
    }

    private UserView known(String name) {
        return identities.user(name).orElseThrow(() -> ControlException.notFound("No user " + name + " (users: "
                + identities.users().stream().map(UserView::name).toList() + ")"));
    }

    private Map<String, Object> cloud(UserView user, String base) {
        Map<String, Object> auth = new LinkedHashMap<>();
        Map<String, Object> cloud = new LinkedHashMap<>();
        if (identities.noauth()) {
            auth.put("user_id", user.name());
            auth.put("project_id", user.projectId());
            auth.put("endpoint", base + "/v3");
            cloud.put("auth_type", "noauth");
        } else {
            auth.put("auth_url", base + "/keystone/v3");
            auth.put("username", user.name());
            auth.put("password", user.password());
            auth.put("project_name", user.projectName());
            auth.put("user_domain_name", "Default");
            auth.put("project_domain_name", "Default");
            cloud.put("auth_type", "password");
        }
        cloud.put("auth", auth);
        cloud.put("region_name", properties.cloud().region());
        cloud.put("interface", "public");
        cloud.put("identity_api_version", "3");
        cloud.put("volume_api_version", VOLUME_API_VERSION);
        return cloud;
    }

    private String baseUrl(HttpServletRequest request) {
        String configured = properties.cloud().publicBaseUrl();
        String base = configured == null || configured.isBlank() ? ExternalUrl.of(request) : configured;
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private static void line(StringBuilder text, String name, String value) {
        text.append("export ").append(name).append('=').append(quoted(value)).append('\n');
    }

    /** Shell single quotes, so any password pastes as it is. */
    private static String quoted(String value) {
        String text = value == null ? "" : value;
        return text.matches("[A-Za-z0-9_./:@-]+") ? text : "'" + text.replace("'", "'\\''") + "'";
    }

    private JsonNode object(byte[] body) {
        return ControlException.jsonObject(json, body);
    }
}
