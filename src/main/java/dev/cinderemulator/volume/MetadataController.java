package dev.cinderemulator.volume;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import dev.cinderemulator.web.CinderException;
import dev.cinderemulator.web.CinderRequest;
import dev.cinderemulator.web.JsonFields;
import dev.cinderemulator.web.Microversions;
import dev.cinderemulator.web.PythonText;
import dev.cinderemulator.web.RequestBodies;
import tools.jackson.databind.JsonNode;

/**
 * The metadata sub-resources ({@code api/v3/volume_metadata.py}, {@code snapshot_metadata.py}):
 * list, add ({@code POST}, merged), replace ({@code PUT}), show, set and delete one key. Volume
 * metadata is validated by schema; snapshot metadata by {@code assert_valid_body} and
 * {@code check_metadata_properties}. From 3.15 the volume list carries an {@code Etag} and the
 * two {@code PUT}s honour {@code If-Match}.
 */
@RestController
class MetadataController {

    private final VolumeApi volumes;
    private final SnapshotApi snapshots;
    private final RequestBodies bodies;

    MetadataController(VolumeApi volumes, SnapshotApi snapshots, RequestBodies bodies) {
        this.volumes = volumes;
        this.snapshots = snapshots;
        this.bodies = bodies;
    }

    @GetMapping("/v3/volumes/{id}/metadata")
    @Transactional(readOnly = true)
    Map<String, Object> volumeMetadata(CinderRequest request, @PathVariable String id, HttpServletResponse response) {
        Map<String, String> metadata = volumes.metadata(request, id);
        if (request.atLeast(Microversions.ETAGS)) {
            // Set on the servlet response: Spring would quote an entity's ETag, webob's stays bare.
            response.setHeader("Etag", etag(metadata));
        }
        return Map.of("metadata", metadata);
    }

    @PostMapping("/v3/volumes/{id}/metadata")
    @Transactional
    Map<String, Object> addVolumeMetadata(CinderRequest request, @PathVariable String id,
            @RequestBody(required = false) byte[] body) {
        Map<String, String> metadata = JsonFields.metadata(
                bodies.parse(body, VolumeSchemas.metadataBody("metadata")), "metadata");
        return Map.of("metadata", volumes.updateMetadata(request, id, metadata, false));
    }

    @PutMapping("/v3/volumes/{id}/metadata")
    @Transactional
    ResponseEntity<Map<String, Object>> replaceVolumeMetadata(CinderRequest request, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody(required = false) byte[] body) {
        Map<String, String> metadata = JsonFields.metadata(
                bodies.parse(body, VolumeSchemas.metadataBody("metadata")), "metadata");
        if (!etagMatches(request, id, ifMatch)) {
            return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED).build();
        }
        return ResponseEntity.ok(Map.of("metadata", volumes.updateMetadata(request, id, metadata, true)));
    }

    @GetMapping("/v3/volumes/{id}/metadata/{key}")
    @Transactional(readOnly = true)
    Map<String, Object> volumeMetadataItem(CinderRequest request, @PathVariable String id, @PathVariable String key) {
        Map<String, String> metadata = volumes.metadata(request, id);
        if (!metadata.containsKey(key)) {
            throw CinderException.notFound("Volume " + id + " has no metadata with key " + key + ".");
        }
        return Map.of("meta", Map.of(key, metadata.get(key)));
    }

    @PutMapping("/v3/volumes/{id}/metadata/{key}")
    @Transactional
    ResponseEntity<Map<String, Object>> setVolumeMetadataItem(CinderRequest request, @PathVariable String id,
            @PathVariable String key, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody(required = false) byte[] body) {
        JsonNode parsed = bodies.parse(body, VolumeSchemas.metadataBody("meta"));
        Map<String, String> item = JsonFields.metadata(parsed, "meta");
        // metadata_restricted_properties: minProperties and maxProperties come last in the schema.
        if (item.isEmpty()) {
            throw CinderException.badRequest("Invalid input for field/attribute meta. Value: {}. {} does not have "
                    + "enough properties");
        }
        if (item.size() > 1) {
            String shown = PythonText.str(parsed.get("meta"));
            throw CinderException.badRequest("Invalid input for field/attribute meta. Value: " + shown + ". "
                    + shown + " has too many properties");
        }
        if (!etagMatches(request, id, ifMatch)) {
            return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED).build();
        }
        checkItem(item, key);
        volumes.updateMetadata(request, id, item, false);
        return ResponseEntity.ok(Map.of("meta", item));
    }

    /** {@code delete}: 200 with an empty body, as {@code webob.Response(status_int=200)} gives. */
    @DeleteMapping("/v3/volumes/{id}/metadata/{key}")
    @Transactional
    ResponseEntity<Void> deleteVolumeMetadataItem(CinderRequest request, @PathVariable String id,
            @PathVariable String key) {
        volumes.deleteMetadata(request, id, key);
        return ResponseEntity.ok().build();
    }

    @GetMapping("/v3/snapshots/{id}/metadata")
    @Transactional(readOnly = true)
    Map<String, Object> snapshotMetadata(CinderRequest request, @PathVariable String id) {
        return Map.of("metadata", snapshots.snapshot(request, id).metadata());
    }

    @PostMapping("/v3/snapshots/{id}/metadata")
    @Transactional
    Map<String, Object> addSnapshotMetadata(CinderRequest request, @PathVariable String id,
            @RequestBody(required = false) byte[] body) {
        Map<String, String> metadata = snapshotBody(body, "metadata");
        return Map.of("metadata", snapshots.updateMetadata(request, id, metadata, false));
    }

    @PutMapping("/v3/snapshots/{id}/metadata")
    @Transactional
    Map<String, Object> replaceSnapshotMetadata(CinderRequest request, @PathVariable String id,
            @RequestBody(required = false) byte[] body) {
        Map<String, String> metadata = snapshotBody(body, "metadata");
        return Map.of("metadata", snapshots.updateMetadata(request, id, metadata, true));
    }

    @GetMapping("/v3/snapshots/{id}/metadata/{key}")
    @Transactional(readOnly = true)
    Map<String, Object> snapshotMetadataItem(CinderRequest request, @PathVariable String id,
            @PathVariable String key) {
        Map<String, String> metadata = snapshots.snapshot(request, id).metadata();
        if (!metadata.containsKey(key)) {
            throw CinderException.notFound("Snapshot " + id + " has no metadata with key " + key + ".");
        }
        return Map.of("meta", Map.of(key, metadata.get(key)));
    }

    @PutMapping("/v3/snapshots/{id}/metadata/{key}")
    @Transactional
    Map<String, Object> setSnapshotMetadataItem(CinderRequest request, @PathVariable String id,
            @PathVariable String key, @RequestBody(required = false) byte[] body) {
        Map<String, String> item = snapshotBody(body, "meta");
        checkItem(item, key);
        snapshots.updateMetadata(request, id, item, false);
        return Map.of("meta", item);
    }

    @DeleteMapping("/v3/snapshots/{id}/metadata/{key}")
    @Transactional
    ResponseEntity<Void> deleteSnapshotMetadataItem(CinderRequest request, @PathVariable String id,
            @PathVariable String key) {
        snapshots.deleteMetadata(request, id, key);
        return ResponseEntity.ok().build();
    }

    /** {@code update}: the URL's key must be the body's one key. */
    private static void checkItem(Map<String, String> item, String key) {
        if (!item.containsKey(key)) {
            throw CinderException.badRequest("Request body and URI mismatch");
        }
        if (item.size() > 1) {
            throw CinderException.badRequest("Request body contains too many items");
        }
    }

    /**
     * {@code assert_valid_body}, then {@code utils.check_metadata_properties}: keys and values
     * must be strings, keys non-empty, both at most 255 characters (413 beyond).
     */
    private Map<String, String> snapshotBody(byte[] body, String entity) {
        JsonNode parsed = bodies.parse(body);
        JsonNode metadata = parsed.isObject() ? parsed.get(entity) : null;
        if (metadata == null || !metadata.isObject()) {
            throw CinderException.badRequest("Missing required element '" + entity + "' in request body.");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : metadata.propertyNames()) {
            JsonNode value = metadata.get(key);
            if (key.isEmpty()) {
                throw CinderException.badRequest("Invalid metadata: Invalid input received: Metadata key:  has 0 "
                        + "characters, less than 1.");
            }
            if (!value.isString()) {
                throw CinderException.badRequest("Invalid metadata: Invalid input received: Value for metadata key: "
                        + key + " is not a string or unicode");
            }
            if (key.length() > 255) {
                throw CinderException.overLimit("Invalid metadata size: Metadata property key " + key
                        + " greater than 255 characters.");
            }
            if (value.stringValue().length() > 255) {
                throw CinderException.overLimit("Invalid metadata size: Metadata property key " + key
                        + " value greater than 255 characters.");
            }
            values.put(key, value.stringValue());
        }
        return values;
    }

    /** {@code _validate_etag}: without {@code If-Match} (or below 3.15) any update goes. */
    private boolean etagMatches(CinderRequest request, String id, String ifMatch) {
        if (!request.atLeast(Microversions.ETAGS) || ifMatch == null) {
            return true;
        }
        String etag = etag(volumes.metadata(request, id));
        return ifMatch.trim().equals("*") || java.util.Arrays.stream(ifMatch.split(","))
                .map(tag -> tag.trim().replaceAll("^(W/)?\"|\"$", "")).anyMatch(etag::equals);
    }

    /** The md5 of {@code jsonutils.dumps({"metadata": ...})}, Python's separators and key order. */
    private static String etag(Map<String, String> metadata) {
        String json = metadata.entrySet().stream()
                .map(entry -> jsonString(entry.getKey()) + ": " + jsonString(entry.getValue()))
                .collect(Collectors.joining(", ", "{\"metadata\": {", "}}"));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(json.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** {@code json.dumps} of a string, non-ASCII escaped as Python does by default. */
    private static String jsonString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
