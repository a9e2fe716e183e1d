package dev.cinderemulator.web;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Cinder's microversion handling: the requested version is read, refused when outside
 * {@link ApiVersion#MIN}..{@link ApiVersion#MAX} (406), and echoed in {@code OpenStack-API-Version}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 12)
class MicroversionFilter extends RoutedFilter {

    static final String API_VERSION_HEADER = "OpenStack-API-Version";
    private static final String ATTRIBUTE = ApiVersion.class.getName();

    static ApiVersion version(HttpServletRequest request) {
        return (ApiVersion) request.getAttribute(ATTRIBUTE);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ApiVersion version;
        try {
            version = requestedVersion(request);
            if (!version.isSupported()) {
                setVersionHeaders(response, version);
                throw new CinderException(HttpStatus.NOT_ACCEPTABLE, "Version " + version
                        + " is not supported by the API. Minimum is " + ApiVersion.MIN + " and maximum is "
                        + ApiVersion.MAX + ".");
            }
        } catch (CinderException failure) {
            Fault.of(failure).write(response);
            return;
        }
        setVersionHeaders(response, version);
        request.setAttribute(ATTRIBUTE, version);
        chain.doFilter(request, response);
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

    private static void setVersionHeaders(HttpServletResponse response, ApiVersion version) {
        if (!version.looksLegacy()) {
            response.setHeader(API_VERSION_HEADER, "volume " + version);
            response.setHeader("Vary", API_VERSION_HEADER);
        }
    }
}
