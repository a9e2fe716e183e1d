package dev.cinderemulator.identity;

import java.util.List;
import java.util.stream.Stream;

import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Whatever no other {@code /keystone} route takes: a method a known route lacks is 405, anything
 * else 404, both in Keystone's error shape rather than the Cinder fault the rest of the emulator
 * would render. (Keystone proper lets Flask answer these; the emulator keeps its JSON.)
 */
@RestController
class KeystoneFallbackController {

    /** Every path the identity controllers serve, for telling 405 from 404. */
    private static final List<PathPattern> ROUTES = Stream.of("", "/", "/v3", "/v3/", "/v3/auth/tokens",
            "/v3/auth/projects", "/v3/auth/domains", "/v3/auth/system", "/v3/auth/catalog", "/v3/projects",
            "/v3/projects/{id}", "/v3/users", "/v3/users/{id}", "/v3/users/{id}/projects", "/v3/domains",
            "/v3/domains/{id}", "/v3/roles")
            .map(path -> PathPatternParser.defaultInstance.parse(KeystoneUrls.PREFIX + path))
            .toList();

    @RequestMapping(KeystoneUrls.PREFIX + "/**")
    void unknown(HttpServletRequest request) {
        PathContainer path = PathContainer.parsePath(request.getRequestURI());
        if (ROUTES.stream().anyMatch(route -> route.matches(path))) {
            throw KeystoneException.methodNotAllowed();
        }
        throw KeystoneException.notFound("The resource could not be found.");
    }
}
