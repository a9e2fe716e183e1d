package dev.cinderemulator.web;

import java.io.IOException;
import java.util.regex.Pattern;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ServletRequestPathUtils;

import dev.cinderemulator.config.EmulatorProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The first of the filters that stand for the part of Cinder's paste pipeline in front of the
 * controllers, in Cinder's order: this one (the URL layout and the request id every response
 * carries), {@link CinderAuthFilter} (authtoken or noauth), {@link MicroversionFilter} and
 * {@link CinderRequestChecks} (content type, query string, the project id in the URL). It folds the
 * URL layouts Cinder serves ({@code /v3/...}, {@code /v3/{project_id}/...}, and the PCD
 * {@code /cinder/...} prefix) into one set of controller routes.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class CinderUrlLayout extends OncePerRequestFilter {

    static final String PCD_PREFIX = "/cinder";
    /** Cinder's default {@code project_id_regex}. */
    private static final Pattern PROJECT_ID = Pattern.compile("[0-9a-f\\-]+");
    private static final String ATTRIBUTE = Routed.class.getName();

    private final EmulatorProperties properties;

    CinderUrlLayout(EmulatorProperties properties) {
        this.properties = properties;
    }

    /**
     * A Cinder request after the layout is folded away: what the later filters build on.
     * {@code hostUrl} is the emulator's own base, {@code baseUrl} the one links use (with the prefix).
     */
    record Routed(String projectIdInUrl, String hostUrl, String baseUrl, boolean versionsRoot) {

        static Routed of(HttpServletRequest request) {
            return (Routed) request.getAttribute(ATTRIBUTE);
        }
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
        response.setHeader("X-Compute-Request-Id", requestId);
        HttpServletRequest routed = new RoutedRequest(request, path);
        String hostUrl = baseUrl(request);
        routed.setAttribute(ATTRIBUTE, new Routed(projectIdInUrl, hostUrl, hostUrl + prefix, path.equals("/")));
        ServletRequestPathUtils.clearParsedRequestPath(routed);
        chain.doFilter(routed, response);
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
