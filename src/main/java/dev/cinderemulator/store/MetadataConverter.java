package dev.cinderemulator.store;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Cinder's key/value metadata (volume, snapshot and backup) kept as one JSON column. */
final class MetadataConverter {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> TYPE = new TypeReference<>() {
    };

    private MetadataConverter() {
    }

    /** One key/value pair exactly as it appears inside the stored JSON object. */
    static String jsonPair(String key, String value) {
        return JSON.writeValueAsString(key) + ":" + JSON.writeValueAsString(value);
    }

    static String toJson(Map<String, String> metadata) {
        return metadata == null || metadata.isEmpty() ? "{}" : JSON.writeValueAsString(metadata);
    }

    static Map<String, String> fromJson(String column) {
        return column == null || column.isBlank() || column.equals("{}") ? new LinkedHashMap<>()
                : JSON.readValue(column, TYPE);
    }
}
