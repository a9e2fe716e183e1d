package dev.cinderemulator.control;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * Typed reads of one object of a fixture document, each refusal naming the field by its path
 * ({@code backups[2].status: ...}), so a 400 says exactly what to fix.
 */
final class FixtureFields {

    private static final Pattern UUID = Pattern
            .compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final int TEXT_LIMIT = 255;

    private final JsonNode node;
    private final String path;

    FixtureFields(JsonNode node, String path, Set<String> known) {
        if (node == null || !node.isObject()) {
            throw invalid(path, "must be an object, got " + describe(node));
        }
        this.node = node;
        this.path = path;
        for (String field : node.propertyNames()) {
            if (!known.contains(field)) {
                throw invalid(path + "." + field, "unknown field (known: " + new TreeSet<>(known) + ")");
            }
        }
    }

    String path(String field) {
        return path + "." + field;
    }

    String text(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw invalid(path(field), "must be a string, got " + describe(value) + " (quote it in YAML)");
        }
        if (value.asString().length() > TEXT_LIMIT) {
            throw invalid(path(field), "at most " + TEXT_LIMIT + " characters");
        }
        return value.asString();
    }

    String requiredText(String field) {
        String text = text(field);
        if (text == null || text.isEmpty()) {
            throw invalid(path(field), "required");
        }
        return text;
    }

    /** Cinder's ids are UUIDs, and its API validates them as such: so do fixtures. */
    String uuid(String field) {
        String text = text(field);
        if (text != null && !UUID.matcher(text).matches()) {
            throw invalid(path(field), "'" + text + "' is not a UUID");
        }
        return text == null ? null : text.toLowerCase();
    }

    String requiredUuid(String field) {
        String id = uuid(field);
        if (id == null) {
            throw invalid(path(field), "required");
        }
        return id;
    }

    String status(Set<String> allowed, String defaultStatus) {
        String status = text("status");
        if (status == null) {
            return defaultStatus;
        }
        if (!allowed.contains(status)) {
            throw invalid(path("status"), "'" + status + "' is not one of " + new TreeSet<>(allowed));
        }
        return status;
    }

    Integer integer(String field, int min) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > Integer.MAX_VALUE) {
            throw invalid(path(field), "must be a whole number of at least " + min + ", got " + describe(value));
        }
        return value.asInt();
    }

    boolean flag(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw invalid(path(field), "must be true or false, got " + describe(value));
        }
        return value.asBoolean();
    }

    /** Cinder's format ({@code 2024-05-01T10:00:00.000000}), with or without a Z or an offset; kept in UTC. */
    LocalDateTime time(String field) {
        String text = text(field);
        if (text == null) {
            return null;
        }
        try {
            if (text.endsWith("Z") || text.endsWith("z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(text.toUpperCase()).withOffsetSameInstant(ZoneOffset.UTC)
                        .toLocalDateTime().truncatedTo(ChronoUnit.MICROS);
            }
            return LocalDateTime.parse(text).truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException malformed) {
            throw invalid(path(field), "'" + text + "' is not a timestamp such as 2024-05-01T10:00:00 or "
                    + "2024-05-01T10:00:00.000000Z");
        }
    }

    Map<String, String> metadata(String field) {
        JsonNode value = node.get(field);
        Map<String, String> metadata = new LinkedHashMap<>();
        if (value == null || value.isNull()) {
            return metadata;
        }
        if (!value.isObject()) {
            throw invalid(path(field), "must be an object of string values, got " + describe(value));
        }
        for (String key : value.propertyNames()) {
            JsonNode item = value.get(key);
            if (!item.isString()) {
                throw invalid(path(field) + "." + key, "must be a string, got " + describe(item));
            }
            if (key.isEmpty() || key.length() > TEXT_LIMIT || item.asString().length() > TEXT_LIMIT) {
                throw invalid(path(field) + "." + key, "keys and values are 1 to 255 characters, as in Cinder");
            }
            metadata.put(key, item.asString());
        }
        return metadata;
    }

    static ControlException invalid(String path, String reason) {
        return ControlException.badRequest(path + ": " + reason);
    }

    static String describe(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing";
        }
        String text = value.toString();
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }
}
