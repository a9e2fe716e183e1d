package dev.cinderemulator.web;

import java.io.IOException;
import java.util.Set;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import dev.cinderemulator.auth.Credentials;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The last checks before a controller: Cinder's JSON content types only, a decodable query
 * string, and a project id in the URL that is the caller's own. Then the request becomes the
 * {@link CinderRequest} the controllers take.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 13)
class CinderRequestChecks extends RoutedFilter {

    private static final Set<String> JSON_TYPES = Set.of("application/json", "application/vnd.openstack.volume+json");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CinderUrlLayout.Routed routed = CinderUrlLayout.Routed.of(request);
        Credentials credentials = CinderAuthFilter.credentials(request);
        try {
            checkContentType(request);
            checkQueryString(request);
            if (routed.projectIdInUrl() != null && credentials != null
                    && !routed.projectIdInUrl().equals(credentials.projectId())) {
                throw CinderException.badRequest("Malformed request url");
            }
        } catch (CinderException failure) {
            Fault.of(failure).write(response);
            return;
        }
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        request.setAttribute(CinderRequest.ATTRIBUTE, new CinderRequest(credentials,
                MicroversionFilter.version(request), routed.projectIdInUrl(), routed.baseUrl()));
        chain.doFilter(request, response);
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
}
