package dev.cinderemulator.extension;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /extensions} ({@code cinder/api/extensions.py ExtensionsResource}): every extension of
 * {@code cinder.api.contrib.standard_extensions} in Debian's Zed cinder-api (21.3), with its name,
 * alias, docstring and date, as read from the installed package's descriptors
 * ({@code cinder/extensions.json}), sorted by module name. The emulator lists them all, as Cinder
 * does, whether or not it serves their routes (the README's table says which it serves).
 */
@RestController
class ExtensionsController {

    private final List<Map<String, Object>> extensions;

    ExtensionsController(JsonMapper json) {
        try (InputStream in = new ClassPathResource("cinder/extensions.json").getInputStream()) {
            List<Map<String, Object>> read = json.readValue(in, new TypeReference<List<Map<String, Object>>>() {
            });
            this.extensions = read.stream().map(extension -> {
                Map<String, Object> withLinks = new LinkedHashMap<>(extension);
                withLinks.put("links", List.of());
                return (Map<String, Object>) withLinks;
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/v3/extensions")
    Map<String, Object> index() {
        return Map.of("extensions", extensions);
    }
}
