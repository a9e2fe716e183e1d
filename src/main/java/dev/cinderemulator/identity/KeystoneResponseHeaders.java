package dev.cinderemulator.identity;

import java.io.IOException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What Keystone's Flask app puts on every response: {@code Vary: X-Auth-Token} (its after-request
 * hook) and a JSON content type, bodiless answers included.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class KeystoneResponseHeaders extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !(path.equals(KeystoneUrls.PREFIX) || path.startsWith(KeystoneUrls.PREFIX + "/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader(HttpHeaders.VARY, "X-Auth-Token");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        chain.doFilter(request, response);
    }
}
