package dev.cinderemulator.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import dev.cinderemulator.config.EmulatorProperties;
import dev.cinderemulator.control.StartupFixtures;
import dev.cinderemulator.identity.Identities;
import dev.cinderemulator.identity.Identities.UserView;

/**
 * The facts a person needs to use the emulator just started: where Cinder and Keystone answer, who
 * may log in, where the state is kept, which fixtures were loaded, and the pages beside the API.
 * The ready banner prints them, {@code /actuator/info} serves them.
 */
@Component
class ReadyFacts {

    private final EmulatorProperties properties;
    private final Identities identities;
    private final StartupFixtures fixtures;
    private final Environment environment;
    private final ApplicationContext context;

    ReadyFacts(EmulatorProperties properties, Identities identities, StartupFixtures fixtures, Environment environment,
            ApplicationContext context) {
        this.properties = properties;
        this.identities = identities;
        this.fixtures = fixtures;
        this.environment = environment;
        this.context = context;
    }

    String baseUrl() {
        String configured = properties.cloud().publicBaseUrl();
        if (configured != null && !configured.isBlank()) {
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        int port = context instanceof WebServerApplicationContext web && web.getWebServer() != null
                ? web.getWebServer().getPort()
                : environment.getProperty("local.server.port", Integer.class, 8776);
        String address = environment.getProperty("server.address");
        String host = address == null || address.isBlank() || address.equals("0.0.0.0") || address.equals("::")
                ? "localhost" : address.contains(":") ? "[" + address + "]" : address;
        return "http://" + host + ":" + port;
    }

    String authMode() {
        return properties.auth().mode().toString();
    }

    List<UserView> users() {
        return identities.users().stream().filter(user -> user.projectName() != null).toList();
    }

    /** Memory, an H2 file, or the external database's URL (without credentials). */
    String data() {
        String url = environment.getProperty("spring.datasource.url", "");
        if (url.startsWith("jdbc:h2:mem:")) {
            return "in memory (H2): a fresh cloud at every start";
        }
        if (url.startsWith("jdbc:h2:file:")) {
            return "H2 file " + url.substring("jdbc:h2:file:".length()).replaceFirst(";.*", "") + ".mv.db";
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return "PostgreSQL " + url.replaceFirst("\\?.*", "");
        }
        return url.replaceFirst(";.*", "").replaceFirst("\\?.*", "");
    }

    List<String> fixtures() {
        List<String> loaded = new ArrayList<>(fixtures.loaded());
        if (fixtures.skipped()) {
            loaded.add("not loaded again: the stored state already holds resources");
        }
        return loaded;
    }

    Map<String, String> links() {
        String base = baseUrl();
        Map<String, String> links = new LinkedHashMap<>();
        links.put("cinder", base + "/v3");
        links.put("keystone", base + "/keystone/v3");
        links.put("swagger_ui", base + "/openapi/swagger-ui.html");
        links.put("dashboard", base + "/_emulator/ui");
        links.put("control_api", base + "/_emulator");
        links.put("health", base + "/actuator/health");
        return links;
    }

    /** The environment variables the openstack CLI reads, for the demo user (or the first one). */
    Map<String, String> openrc() {
        String base = baseUrl();
        UserView user = users().stream().filter(each -> each.name().equals("demo")).findFirst()
                .orElse(users().isEmpty() ? null : users().get(0));
        Map<String, String> variables = new LinkedHashMap<>();
        if (user == null) {
            return variables;
        }
        if (identities.noauth()) {
            variables.put("OS_AUTH_TYPE", "noauth");
            variables.put("OS_USER_ID", user.name());
            variables.put("OS_PROJECT_ID", user.projectId());
            variables.put("OS_ENDPOINT", base + "/v3");
        } else {
            variables.put("OS_AUTH_URL", base + "/keystone/v3");
            variables.put("OS_IDENTITY_API_VERSION", "3");
            variables.put("OS_USERNAME", user.name());
            variables.put("OS_PASSWORD", user.password());
            variables.put("OS_PROJECT_NAME", user.projectName());
            variables.put("OS_USER_DOMAIN_NAME", "Default");
            variables.put("OS_PROJECT_DOMAIN_NAME", "Default");
        }
        variables.put("OS_VOLUME_API_VERSION", "3.64");
        return variables;
    }

    Map<String, Object> asMap(String version) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("version", version);
        facts.put("auth_mode", authMode());
        facts.putAll(links());
        facts.put("os_auth_url", base() + "/keystone/v3");
        if (identities.noauth()) {
            facts.put("token_form", "X-Auth-Token: <user>:<project>, e.g. demo:demo");
        }
        facts.put("users", users().stream().map(user -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", user.name());
            entry.put("password", identities.noauth() ? null : user.password());
            entry.put("project", user.projectName());
            entry.put("roles", user.roles());
            return entry;
        }).toList());
        facts.put("data", data());
        facts.put("fixtures", fixtures());
        facts.put("openrc", openrc());
        return facts;
    }

    private String base() {
        return baseUrl();
    }
}
