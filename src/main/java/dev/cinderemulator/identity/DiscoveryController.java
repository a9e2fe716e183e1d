package dev.cinderemulator.identity;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;

import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code keystone/api/discovery.py}: the unversioned root answers 300 with the one version inside a
 * {@code values} wrapper (unlike Cinder's) and a {@code Location} header, the v3 root 200 with that
 * version alone. Neither needs a token; keystoneauth starts every session here.
 */
@RestController
class DiscoveryController {

    record Version(String id, String status, String updated, List<Link> links,
            @JsonProperty("media-types") List<MediaType> mediaTypes) {
    }

    record Link(String rel, String href) {
    }

    record MediaType(String base, String type) {
    }

    private final KeystoneUrls urls;

    DiscoveryController(KeystoneUrls urls) {
        this.urls = urls;
    }

    @GetMapping({ KeystoneUrls.PREFIX, KeystoneUrls.PREFIX + "/" })
    ResponseEntity<Map<String, Object>> versions(HttpServletRequest request) {
        String v3 = urls.v3(request, "") + "/";
        return ResponseEntity.status(HttpStatus.MULTIPLE_CHOICES)
                .header(HttpHeaders.LOCATION, v3)
                .body(Map.of("versions", Map.of("values", List.of(v3(v3)))));
    }

    @GetMapping({ KeystoneUrls.PREFIX + "/v3", KeystoneUrls.PREFIX + "/v3/" })
    Map<String, Version> version(HttpServletRequest request) {
        return Map.of("version", v3(urls.v3(request, "") + "/"));
    }

    private static Version v3(String href) {
        return new Version("v3.14", "stable", "2020-04-07T00:00:00Z", List.of(new Link("self", href)),
                List.of(new MediaType("application/json", "application/vnd.openstack.identity-v3+json")));
    }
}
