package dev.cinderemulator.identity;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.cinderemulator.identity.KeystoneViews.CollectionLinks;
import dev.cinderemulator.identity.KeystoneViews.TokenEnvelope;
import dev.cinderemulator.identity.TokenService.ValidToken;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code keystone/api/auth.py}: issuing, validating, checking and revoking tokens, and the
 * {@code /v3/auth/*} lists a token holder may read about itself (projects it can scope to, its
 * catalog).
 */
@RestController
@RequestMapping(KeystoneUrls.PREFIX + "/v3/auth")
class AuthController {

    static final String AUTH_TOKEN = "X-Auth-Token";
    static final String SUBJECT_TOKEN = "X-Subject-Token";
    /** oslo's {@code bool_from_string} true values. */
    private static final Set<String> TRUE_STRINGS = Set.of("1", "t", "true", "on", "y", "yes");

    private final TokenService tokens;
    private final IdentityDirectory directory;
    private final Catalog catalog;
    private final KeystoneUrls urls;
    private final JsonMapper json;

    AuthController(TokenService tokens, IdentityDirectory directory, Catalog catalog, KeystoneUrls urls,
            JsonMapper json) {
        this.tokens = tokens;
        this.directory = directory;
        this.catalog = catalog;
        this.urls = urls;
        this.json = json;
    }

    @PostMapping("/tokens")
    ResponseEntity<TokenEnvelope> issue(@RequestBody(required = false) byte[] body,
            @RequestHeader(name = AUTH_TOKEN, required = false) String authToken, HttpServletRequest request) {
        if (authToken != null && !authToken.isEmpty()) {
            // The auth middleware rejects a bad X-Auth-Token before any handler runs.
            tokens.requireCaller(authToken);
        }
        JsonNode auth = requestBody(body, request.getContentType()).get("auth");
        TokenService.Issued issued = tokens.issue(auth);
        return ResponseEntity.status(HttpStatus.CREATED)
                .header(SUBJECT_TOKEN, issued.id())
                .body(render(issued.token(), request));
    }

    /** {@code GET} validates, {@code HEAD} (answered by the same handler, without a body) checks. */
    @GetMapping("/tokens")
    ResponseEntity<TokenEnvelope> validate(@RequestHeader(name = AUTH_TOKEN, required = false) String authToken,
            @RequestHeader(name = SUBJECT_TOKEN, required = false) String subjectToken, HttpServletRequest request) {
        ValidToken caller = tokens.requireCaller(authToken);
        boolean head = request.getMethod().equals("HEAD");
        String allowExpired = request.getParameter("allow_expired");
        Duration window = allowExpired != null && isTrue(allowExpired) ? Tokens.ALLOW_EXPIRED_WINDOW
                : Duration.ZERO;
        ValidToken subject = subjectToken == null ? null : tokens.validate(subjectToken, window);
        boolean allowed = caller.hasRole("admin") || (!head && caller.hasRole("service"))
                || (subject != null && subject.user().id().equals(caller.user().id()));
        if (!allowed) {
            throw KeystoneException.forbiddenAction(head ? "identity:check_token" : "identity:validate_token");
        }
        if (subject == null) {
            throw KeystoneException.notFound("No token in the request");
        }
        return ResponseEntity.ok().header(SUBJECT_TOKEN, subjectToken).body(render(subject, request));
    }

    @DeleteMapping("/tokens")
    ResponseEntity<Void> revoke(@RequestHeader(name = AUTH_TOKEN, required = false) String authToken,
            @RequestHeader(name = SUBJECT_TOKEN, required = false) String subjectToken,
            HttpServletResponse response) {
        ValidToken caller = tokens.requireCaller(authToken);
        ValidToken subject = subjectToken == null ? null : tokens.validate(subjectToken, Duration.ZERO);
        if (!caller.hasRole("admin") && (subject == null || !subject.user().id().equals(caller.user().id()))) {
            throw KeystoneException.forbiddenAction("identity:revoke_token");
        }
        tokens.revoke(subjectToken);
        // Keystone's 204 has no body and so no Content-Type.
        response.setContentType(null);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/projects")
    Map<String, Object> projects(@RequestHeader(name = AUTH_TOKEN, required = false) String authToken,
            HttpServletRequest request) {
        ValidToken caller = tokens.requireCaller(authToken);
        List<KeystoneViews.ProjectView> projects = directory.projectsOf(caller.user().id()).stream()
                .map(project -> KeystoneViews.project(project, urls.v3(request, "projects/" + project.id())))
                .toList();
        return Map.of("projects", projects, "links", CollectionLinks.of(urls.self(request)));
    }

    /** Nobody here holds a role on a domain. */
    @GetMapping("/domains")
    Map<String, Object> domains(@RequestHeader(name = AUTH_TOKEN, required = false) String authToken,
            HttpServletRequest request) {
        tokens.requireCaller(authToken);
        return Map.of("domains", List.of(), "links", CollectionLinks.of(urls.self(request)));
    }

    /** Nor on the system. */
    @GetMapping("/system")
    Map<String, Object> system(@RequestHeader(name = AUTH_TOKEN, required = false) String authToken,
            HttpServletRequest request) {
        tokens.requireCaller(authToken);
        return Map.of("system", List.of(), "links", Map.of("self", urls.v3(request, "auth/system")));
    }

    @GetMapping("/catalog")
    Map<String, Object> catalog(@RequestHeader(name = AUTH_TOKEN, required = false) String authToken,
            HttpServletRequest request) {
        ValidToken caller = tokens.requireCaller(authToken);
        if (caller.project() == null) {
            // "A project-scoped token is required to produce a service catalog.", hidden as Forbidden's text.
            throw KeystoneException.forbidden();
        }
        return Map.of("catalog", catalog.forProject(urls.base(request), caller.project().id()),
                "links", Map.of("self", urls.v3(request, "auth/catalog")));
    }

    private TokenEnvelope render(ValidToken token, HttpServletRequest request) {
        boolean includeCatalog = !queryHas(request, "nocatalog") && token.project() != null;
        return KeystoneViews.token(token,
                includeCatalog ? catalog.forProject(urls.base(request), token.project().id()) : null);
    }

    /**
     * {@code json_body_before_request}: a body must be JSON (by Content-Type, or none given) and an
     * object; no body at all counts as {@code {}}.
     */
    private JsonNode requestBody(byte[] body, String contentType) {
        if (body == null || body.length == 0) {
            return json.createObjectNode();
        }
        if (contentType != null && !contentType.isEmpty() && !isJson(contentType)) {
            throw KeystoneException.validation("application/json", "Content-Type header");
        }
        JsonNode parsed;
        try {
            parsed = json.readTree(body);
        } catch (JacksonException notJson) {
            throw KeystoneException.validation("valid JSON", "request body");
        }
        if (parsed == null || !parsed.isObject()) {
            throw KeystoneException.validation("valid JSON", "request body");
        }
        return parsed;
    }

    /** oslo's {@code bool_from_string}, as Keystone reads boolean query parameters. */
    static boolean isTrue(String value) {
        return TRUE_STRINGS.contains(value.toLowerCase(Locale.ROOT));
    }

    /** Flask's {@code is_json}: {@code application/json} or any {@code application/*+json}. */
    private static boolean isJson(String contentType) {
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json")
                || (mediaType.startsWith("application/") && mediaType.endsWith("+json"));
    }

    /** Whether the query string names a parameter at all, whatever its value ({@code ?nocatalog}). */
    private static boolean queryHas(HttpServletRequest request, String name) {
        String query = request.getQueryString();
        return query != null && Arrays.stream(query.split("&"))
                .anyMatch(parameter -> parameter.split("=", 2)[0].equals(name));
    }
}
