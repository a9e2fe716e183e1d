package dev.cinderemulator.image;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.cinderemulator.web.ExternalUrl;
import dev.cinderemulator.config.EmulatorProperties;
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code glance/api/versions.py} as a default Glance answers it (no image cache, no multiple
 * stores), under {@code /image} where devstack mounts Glance: the root is 300 Multiple Choices,
 * {@code /versions} the same list as 200, no token needed. Everything else under {@code /image} is
 * 404: the emulator keeps no images.
 */
@RestController
@RequestMapping(ImageVersionsController.PREFIX)
class ImageVersionsController {

    static final String PREFIX = "/image";

    /** The order Glance lists them in with {@code image_cache_dir} and {@code enabled_backends} unset. */
    private static final List<String[]> VERSIONS = List.of(new String[] { "2.15", "SUPPORTED" },
            new String[] { "2.9", "SUPPORTED" }, new String[] { "2.17", "CURRENT" },
            new String[] { "2.7", "SUPPORTED" }, new String[] { "2.6", "SUPPORTED" },
            new String[] { "2.5", "SUPPORTED" }, new String[] { "2.4", "SUPPORTED" },
            new String[] { "2.3", "SUPPORTED" }, new String[] { "2.2", "SUPPORTED" },
            new String[] { "2.1", "SUPPORTED" }, new String[] { "2.0", "SUPPORTED" });

    private final EmulatorProperties properties;

    ImageVersionsController(EmulatorProperties properties) {
        this.properties = properties;
    }

    @GetMapping({ "", "/" })
    ResponseEntity<Map<String, Object>> root(HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.MULTIPLE_CHOICES).contentType(MediaType.APPLICATION_JSON)
                .body(versions(request));
    }

    @GetMapping({ "/versions", "/versions/" })
    ResponseEntity<Map<String, Object>> explicit(HttpServletRequest request) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(versions(request));
    }

    @RequestMapping("/**")
    ResponseEntity<String> notFound() {
        // webob's plain 404, which is what Glance's router gives for an unknown path.
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
                .body("404 Not Found\n\nThe resource could not be found.\n\n   ");
    }

    private Map<String, Object> versions(HttpServletRequest request) {
        String href = base(request) + PREFIX + "/v2/";
        List<Map<String, Object>> values = new ArrayList<>();
        for (String[] version : VERSIONS) {
            values.add(Map.of("id", "v" + version[0], "status", version[1],
                    "links", List.of(Map.of("rel", "self", "href", href))));
        }
        return Map.of("versions", values);
    }

    /** Glance's {@code public_endpoint} (here the emulator's public base URL), else the request's own URL. */
    private String base(HttpServletRequest request) {
        String configured = properties.cloud().publicBaseUrl();
        if (configured != null && !configured.isBlank()) {
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        return ExternalUrl.of(request);
    }
}
