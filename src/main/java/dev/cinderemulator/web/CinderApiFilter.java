package dev.cinderemulator.web;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ServletRequestPathUtils;

import dev.cinderemulator.auth.Credentials;
import dev.cinderemulator.auth.TokenValidator;
import dev.cinderemulator.config.EmulatorProperties;
import dev.cinderemulator.config.EmulatorProperties.AuthMode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The part of Cinder's paste pipeline in front of the controllers, in Cinder's order: authtoken
 * (or noauth), microversion parsing, the project id in the URL, and the headers every response
 * carries. It also folds the URL layouts Cinder serves ({@code /v3/...}, {@code /v3/{project_id}/...},
 * and the PCD {@code /cinder/...} prefix) into one set of controller routes.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class CinderApiFilter extends OncePerRequestFilter {

    static final String PCD_PREFIX = "/cinder";
    /** Cinder's default {@code project_id_regex}. */
    private static final Pattern PROJECT_ID = Pattern.compile("[0-9a-f\\-]+");
    private static final String API_VERSION_HEADER = "OpenStack-API-Version";
    private static final Set<String> JSON_TYPES = Set.of("application/json", "application/vnd.openstack.volume+json");

    private final List<TokenValidator> tokenValidators;
    private final EmulatorProperties properties;
    private final JsonMapper json;

    CinderApiFilter(List<TokenValidator> tokenValidators, EmulatorProperties properties, JsonMapper json) {
        this.tokenValidators = tokenValidators;
        this.properties = properties;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !isCinderPath(request.getRequestURI());
    }

    static boolean isCinderPath(String path) {
        return path.equals("/") || path.equals(PCD_PREFIX) || path.startsWith(PCD_PREFIX + "/") || path.equals("/v3")
                || path.startsWith("/v3/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = RequestIds.current(request);
        String path = request.getRequestURI();
        String prefix = "";
        if (path.equals(PCD_PREFIX) || path.startsWith(PCD_PREFIX + "/")) {
            prefix = PCD_PREFIX;
            path = path.length() == PCD_PREFIX.length() ? "/" : path.substring(PCD_PREFIX.length());
        }
        String projectIdInUrl = null;
        if (path.startsWith("/v3/")) {
            String rest = path.substring("/v3/".length());
            int slash = rest.indexOf('/');
            if (slash > 0 && PROJECT_ID.matcher(rest.substring(0, slash)).matches()) {
                projectIdInUrl = rest.substring(0, slash);
                path = "/v3" + rest.substring(slash);
            }
        }
        boolean versionsRoot = path.equals("/");
        String baseUrl = baseUrl(request) + prefix;

        response.setHeader("X-Compute-Request-Id", requestId);
        Credentials credentials = null;
        if (!versionsRoot) {
            Optional<Credentials> caller = authenticate(request, response, projectIdInUrl);
            if (caller.isEmpty()) {
                return;
            }
            credentials = caller.get();
        }
        ApiVersion version;
        try {
            version = requestedVersion(request);
            if (!version.isSupported()) {
                setVersionHeaders(response, version);
                throw new CinderException(HttpStatus.NOT_ACCEPTABLE, "Version " + version
                        + " is not supported by the API. Minimum is " + ApiVersion.MIN + " and maximum is "
                        + ApiVersion.MAX + ".");
            }
            setVersionHeaders(response, version);
            checkContentType(request);
            checkQueryString(request);
            if (projectIdInUrl != null && credentials != null && !projectIdInUrl.equals(credentials.projectId())) {
                throw CinderException.badRequest("Malformed request url");
            }
        } catch (CinderException failure) {
            Fault.of(failure).write(response);
            return;
        }
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        HttpServletRequest routed = new RoutedRequest(request, path);
        routed.setAttribute(CinderRequest.ATTRIBUTE, new CinderRequest(credentials, version, projectIdInUrl, baseUrl));
        ServletRequestPathUtils.clearParsedRequestPath(routed);
        chain.doFilter(routed, response);
    }

    private Optional<Credentials> authenticate(HttpServletRequest request, HttpServletResponse response,
            String projectIdInUrl) throws IOException {
        String token = request.getHeader("X-Auth-Token");
        if (properties.auth().mode() == AuthMode.NOAUTH) {
            return noauth(request, response, token, projectIdInUrl);
        }
        Optional<Credentials> credentials = token == null ? Optional.empty()
                : tokenValidators.stream().map(validator -> validator.validate(token)).flatMap(Optional::stream)
                        .findFirst();
        if (credentials.isEmpty()) {
            // keystonemiddleware's answer, not a Cinder fault.
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            response.setHeader("WWW-Authenticate", "Keystone uri=\"" + baseUrl(request) + "/keystone\"");
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            json.writeValue(response.getOutputStream(), Map.of("error", Map.of("code", 401, "title",
                    "Unauthorized", "message", "The request you have made requires authentication.")));
        }
        return credentials;
    }

    /**
     * Cinder's {@code NoAuthMiddleware}: the token is {@code user:project} (the project defaults to
     * the user) and the context is admin; without a token the request never reaches the API and
     * gets a 204 that hands out such a token.
     */
    private Optional<Credentials> noauth(HttpServletRequest request, HttpServletResponse response, String token,
            String projectIdInUrl) {
        if (token == null) {
            String user = Optional.ofNullable(request.getHeader("X-Auth-User")).orElse("admin");
            String project = Optional.ofNullable(request.getHeader("X-Auth-Project-Id")).orElse("admin");
            response.setStatus(HttpStatus.NO_CONTENT.value());
            response.setHeader("X-Auth-Token", user + ":" + project);
            response.setHeader("X-Server-Management-Url", request.getRequestURL().toString());
            response.setContentType("text/plain; charset=UTF-8");
            return Optional.empty();
        }
        int colon = token.indexOf(':');
        String user = colon < 0 ? token : token.substring(0, colon);
        String project = colon < 0 || colon == token.length() - 1 ? user : token.substring(colon + 1);
        return Optional.of(new Credentials(user, user, project, project, Set.of("admin", "member", "reader")));
    }

    /**
     * {@code Request.set_api_version_request}: only {@code OpenStack-API-Version} is read, its first
     * comma-separated entry that mentions "volume" counts, and no header means 3.0.
     */
    private static ApiVersion requestedVersion(HttpServletRequest request) {
        Enumeration<String> headers = request.getHeaders(API_VERSION_HEADER);
        if (headers == null || !headers.hasMoreElements()) {
            return ApiVersion.MIN;
        }
        String value = String.join(",", Collections.list(headers));
        for (String entry : value.split(",")) {
            if (entry.contains("volume")) {
                String[] parts = entry.trim().split("\\s+");
                if (parts.length != 2) {
                    throw CinderException.badRequest("API Version String " + entry.trim()
                            + " is of invalid format. Must be of format MajorNum.MinorNum.");
                }
                return ApiVersion.parse(parts[1]);
            }
        }
        throw CinderException.badRequest(
                "The server could not comply with the request since it is either malformed or otherwise incorrect.");
    }

    /** {@code Request.get_content_type}: a Content-Type other than Cinder's JSON types is refused. */
    private static void checkContentType(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType == null) {
            return;
        }
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase();
        if (!JSON_TYPES.contains(mediaType)) {
            throw new CinderException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported Content-Type");
        }
    }

    /**
     * The query string is decoded here, once: Tomcat refuses parameters that are not valid UTF-8
     * (say {@code %FF}) by throwing from whichever code first asks for them, a 500 if a controller
     * did. webob can't decode them either, and the request is a malformed one.
     */
    private static void checkQueryString(HttpServletRequest request) {
        try {
            request.getParameterMap();
        } catch (IllegalStateException undecodable) {
            throw CinderException.badRequest("Malformed request url");
        }
    }

    private static void setVersionHeaders(HttpServletResponse response, ApiVersion version) {
        if (!version.looksLegacy()) {
            response.setHeader(API_VERSION_HEADER, "volume " + version);
            response.setHeader("Vary", API_VERSION_HEADER);
        }
    }

    /**
     * Where links point: Cinder's {@code public_endpoint} if configured, else the request's own
     * scheme and host, honouring {@code X-Forwarded-Proto} and the last {@code X-Forwarded-Host}.
     */
    String baseUrl(HttpServletRequest request) {
        String configured = properties.cloud().publicBaseUrl();
        if (configured != null && !configured.isBlank()) {
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        return ExternalUrl.of(request);
    }

    /** The request as the controllers see it: the project segment and PCD prefix folded away. */
    private static final class RoutedRequest extends HttpServletRequestWrapper {

        private final String path;

        RoutedRequest(HttpServletRequest request, String path) {
            super(request);
            this.path = path;
        }

        @Override
        public String getRequestURI() {
            return path;
        }

        @Override
        public String getServletPath() {
            return path;
        }

        @Override
        public String getPathInfo() {
            return null;
        }

        @Override
        public String getContextPath() {
            return "";
        }
    }
}
