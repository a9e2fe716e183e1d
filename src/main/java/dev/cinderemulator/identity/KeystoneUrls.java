package dev.cinderemulator.identity;

import org.springframework.stereotype.Component;

import dev.cinderemulator.web.ExternalUrl;
import dev.cinderemulator.config.EmulatorProperties;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Keystone's {@code base_url()}: {@code public_endpoint} if configured (here
 * {@code emulator.cloud.public-base-url}), else the URL the client used; the identity service
 * lives under {@code /keystone} of it.
 */
@Component
class KeystoneUrls {

    static final String PREFIX = "/keystone";

    private final EmulatorProperties properties;

    KeystoneUrls(EmulatorProperties properties) {
        this.properties = properties;
    }

    /** Where the whole emulator is reached: {@code scheme://host[:port]} plus any configured path. */
    String base(HttpServletRequest request) {
        String configured = properties.cloud().publicBaseUrl();
        if (configured != null && !configured.isBlank()) {
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        return ExternalUrl.of(request);
    }

    /** The identity endpoint as the catalog lists it, unversioned. */
    String identity(HttpServletRequest request) {
        return base(request) + PREFIX;
    }

    /** {@code base_url(path)}: the v3 root, or a resource below it. */
    String v3(HttpServletRequest request, String path) {
        return identity(request) + "/v3" + (path.isEmpty() ? "" : "/" + path);
    }

    /** {@code full_url()}: the request's own v3 URL with its query string, a collection's self link. */
    String self(HttpServletRequest request) {
        String path = request.getRequestURI().substring((PREFIX + "/v3").length());
        String query = request.getQueryString();
        return identity(request) + "/v3" + (path.endsWith("/") ? path.substring(0, path.length() - 1) : path)
                + (query == null ? "" : "?" + query);
    }
}
