package dev.cinderemulator.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Cinder's version documents ({@code cinder/api/versions.py}): {@code GET /} is 300 Multiple
 * Choices without auth, {@code GET /v3/} is 200 with the same list behind auth. cinderclient and
 * gophercloud read {@code version} and {@code min_version} from here to pick a microversion.
 */
@RestController
class VersionsController {

    /** {@code UPDATED} in {@code api_version_request.py} from 2024.1 on. */
    private static final String UPDATED = "2023-08-31T00:00:00Z";

    @GetMapping("/")
    @ResponseStatus(HttpStatus.MULTIPLE_CHOICES)
    Map<String, Object> all(HttpServletRequest request) {
        return versions(request);
    }

    @GetMapping({ "/v3", "/v3/" })
    Map<String, Object> v3(HttpServletRequest request) {
        return versions(request);
    }

    private static Map<String, Object> versions(HttpServletRequest request) {
        String base = CinderRequest.of(request).baseUrl();
        Map<String, Object> v3 = Map.of(
                "id", "v3.0",
                "status", "CURRENT",
                "version", ApiVersion.MAX.toString(),
                "min_version", ApiVersion.MIN.toString(),
                "updated", UPDATED,
                "links", List.of(
                        Map.of("rel", "describedby", "type", "text/html", "href", "https://docs.openstack.org/"),
                        Map.of("rel", "self", "href", base + "/v3/")),
                "media-types", List.of(Map.of("base", "application/json",
                        "type", "application/vnd.openstack.volume+json;version=3")));
        return Map.of("versions", List.of(v3));
    }
}
