package dev.cinderemulator.web;

import java.io.IOException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.RequestPath;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Paths no route can take, answered as a router answers a path it does not know (404; on Cinder's
 * paths webob's own body, {@link RouterNotFound}) before
 * anything else looks at them: a {@code ;parameter} whose percent-encoding is broken
 * ({@code /v3/backups;%%32F}), which Spring's path parser would refuse with an exception, and a
 * spelling of a Cinder path that only decoding reveals ({@code /v%33/backups}, {@code /v3;x/}):
 * Cinder's pipeline (URL layout, auth, microversions) recognises its paths as written, so such a
 * request would otherwise reach a controller without having passed through it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class PathSpellings extends OncePerRequestFilter {

    static final String NOT_FOUND = "The resource could not be found.";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String raw = request.getRequestURI();
        if (!parsable(raw) || !CinderUrlLayout.isCinderPath(raw)
                && CinderUrlLayout.isCinderPath(RequestPaths.canonical(request))) {
            if (SurfaceErrors.isCinder(raw)) {
                RouterNotFound.write(request, response);
            } else {
                SurfaceErrors.write(request, response, 404, NOT_FOUND);
            }
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean parsable(String raw) {
        try {
            RequestPath.parse(raw, null).elements().forEach(element -> element.value());
            return true;
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
