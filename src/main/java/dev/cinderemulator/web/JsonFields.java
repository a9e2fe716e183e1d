package dev.cinderemulator.web;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/** Reads fields of an already validated request body the way Cinder's controllers do. */
public final class JsonFields {

    private JsonFields() {
    }

    public static boolean has(JsonNode object, String field) {
        return object != null && object.isObject() && object.has(field);
    }

    /** A string field, whitespace-stripped like {@code clean_name_and_description}; null stays null. */
    public static String text(JsonNode object, String field) {
        if (!has(object, field) || object.get(field).isNull()) {
            return null;
        }
        JsonNode value = object.get(field);
        return value.isString() ? value.stringValue().strip() : value.asString();
    }

    public static String rawText(JsonNode object, String field) {
        if (!has(object, field) || object.get(field).isNull()) {
            return null;
        }
        return object.get(field).asString();
    }

    /** A boolean-ish field ({@code bool_from_string}), false when absent. */
    public static boolean flag(JsonNode object, String field) {
        if (!has(object, field) || object.get(field).isNull()) {
            return false;
        }
        JsonNode value = object.get(field);
        return value.isBoolean() ? value.booleanValue() : ParameterTypes.isTrue(value.asString());
    }

    public static Map<String, String> metadata(JsonNode object, String field) {
        Map<String, String> metadata = new LinkedHashMap<>();
        if (has(object, field) && object.get(field).isObject()) {
            object.get(field).properties().forEach(entry -> metadata.put(entry.getKey(), entry.getValue().asString()));
        }
        return metadata;
    }
}
