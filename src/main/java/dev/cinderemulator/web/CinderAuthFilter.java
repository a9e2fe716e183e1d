package dev.cinderemulator.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import dev.cinderemulator.auth.Credentials;
import dev.cinderemulator.auth.ProjectNames;
import dev.cinderemulator.auth.TokenValidator;
import dev.cinderemulator.config.EmulatorProperties;
import dev.cinderemulator.config.EmulatorProperties.AuthMode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * keystonemiddleware's {@code authtoken} in front of Cinder (or Cinder's {@code noauth}): who is
 * calling. The version document at the root needs no token.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 11)
class CinderAuthFilter extends RoutedFilter {

    private static final String ATTRIBUTE = Credentials.class.getName();

    private final List<TokenValidator> tokenValidators;
    private final List<ProjectNames> projectNames;
    private final EmulatorProperties properties;
    private final JsonMapper json;

    CinderAuthFilter(List<TokenValidator> tokenValidators, List<ProjectNames> projectNames,
            EmulatorProperties properties, JsonMapper json) {
        this.tokenValidators = tokenValidators;
        this.projectNames = projectNames;
        this.properties = properties;
        this.json = json;
    }

    /** The caller, or null at the version document. */
    static Credentials credentials(HttpServletRequest request) {
        return (Credentials) request.getAttribute(ATTRIBUTE);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return super.shouldNotFilter(request) || CinderUrlLayout.Routed.of(request).versionsRoot();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Credentials> caller = authenticate(request, response,
                CinderUrlLayout.Routed.of(request).projectIdInUrl());
        if (caller.isEmpty()) {
            return;
        }
        request.setAttribute(ATTRIBUTE, caller.get());
        chain.doFilter(request, response);
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
            response.setHeader("WWW-Authenticate",
                    "Keystone uri=\"" + CinderUrlLayout.Routed.of(request).hostUrl() + "/keystone\"");
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
            // The middleware answers before the API, whose wrapping adds X-Compute-Request-Id.
            response.setHeader("X-Compute-Request-Id", null);
            return Optional.empty();
        }
        int colon = token.indexOf(':');
        String user = colon < 0 ? token : token.substring(0, colon);
        String named = colon < 0 || colon == token.length() - 1 ? user : token.substring(colon + 1);
        // Not Cinder: its NoAuthMiddleware takes the project as given. The name of a configured project
        // stands for its id, so demo:demo sees what fixtures put in project demo (see ProjectNames).
        String project = projectNames.stream().map(names -> names.projectId(named)).flatMap(Optional::stream)
                .findFirst().orElse(named);
        return Optional.of(new Credentials(user, user, project, project, Set.of("admin", "member", "reader")));
    }
}
