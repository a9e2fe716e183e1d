package dev.cinderemulator.oracle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What differs between two clouds by nature, taken out of an answer before it is compared: the
 * same rules, in the same order, as {@code oracle/battery.py} applies to the real services'
 * answers. Captured values become {@code ${name}}, base URLs {@code ${keystone}} and
 * {@code ${cinder}}, then request ids, timestamps, UUIDs and 32-hex ids become placeholders;
 * audit ids are masked, and the lists of answers marked unordered are sorted.
 */
final class OracleNormaliser {

    static final List<String> HEADERS = List.of("Content-Type", "OpenStack-API-Version", "Vary",
            "X-OpenStack-Request-Id", "X-Compute-Request-Id", "X-Subject-Token", "X-Auth-Token",
            "X-Server-Management-Url", "Location", "WWW-Authenticate", "Retry-After", "OpenStack-Auth-Receipt");
    static final List<String> PRESENCE_ONLY = List.of("X-OpenStack-Request-Id", "X-Compute-Request-Id",
            "X-Subject-Token");

    private static final Pattern REQUEST_ID = Pattern
            .compile("req-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern TIMESTAMP = Pattern
            .compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?(Z|[+-]\\d\\d:\\d\\d)?");
    private static final Pattern UUID = Pattern
            .compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern HEX32 = Pattern.compile("(?<![0-9a-zA-Z])[0-9a-f]{32}(?![0-9a-zA-Z])");
    private static final JsonMapper JSON = JsonMapper.shared();

    private final Map<String, String> variables;
    private final List<Map.Entry<String, String>> bases;

    OracleNormaliser(Map<String, String> variables, List<Map.Entry<String, String>> bases) {
        this.variables = variables;
        this.bases = bases;
    }

    String text(String text) {
        List<Map.Entry<String, String>> byLength = new ArrayList<>(variables.entrySet());
        byLength.sort(Comparator.comparingInt((Map.Entry<String, String> entry) -> -entry.getValue().length()));
        for (Map.Entry<String, String> variable : byLength) {
            if (variable.getValue().length() >= 8) {
                text = text.replace(variable.getValue(), "${" + variable.getKey() + "}");
            }
        }
        for (Map.Entry<String, String> base : bases) {
            text = text.replace(base.getValue(), "${" + base.getKey() + "}");
        }
        text = REQUEST_ID.matcher(text).replaceAll("\\${request-id}");
        text = TIMESTAMP.matcher(text).replaceAll("\\${timestamp}");
        text = UUID.matcher(text).replaceAll("\\${uuid}");
        return HEX32.matcher(text).replaceAll("\\${hex32}");
    }

    JsonNode json(String body, boolean unordered) {
        return structure(JSON.readTree(text(body)), unordered);
    }

    private static JsonNode structure(JsonNode node, boolean unordered) {
        if (node instanceof ObjectNode object) {
            ObjectNode result = JSON.createObjectNode();
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                if (field.getKey().equals("audit_ids") && field.getValue().isArray()) {
                    ArrayNode masked = result.putArray("audit_ids");
                    field.getValue().forEach(id -> masked.add("${audit-id}"));
                } else {
                    result.set(field.getKey(), structure(field.getValue(), unordered));
                }
            }
            return result;
        }
        if (node instanceof ArrayNode array) {
            List<JsonNode> items = new ArrayList<>();
            array.forEach(item -> items.add(structure(item, unordered)));
            if (unordered) {
                items.sort(Comparator.comparing(OracleNormaliser::canonical));
            }
            ArrayNode result = JSON.createArrayNode();
            items.forEach(result::add);
            return result;
        }
        return node;
    }

    /** Python's {@code json.dumps(node, sort_keys=True)}, closely enough to order equal lists alike. */
    static String canonical(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>(object.propertyNames());
            names.sort(Comparator.naturalOrder());
            StringBuilder out = new StringBuilder("{");
            for (String name : names) {
                if (out.length() > 1) {
                    out.append(", ");
                }
                out.append(JSON.writeValueAsString(name)).append(": ").append(canonical(object.get(name)));
            }
            return out.append('}').toString();
        }
        if (node instanceof ArrayNode array) {
            List<String> items = new ArrayList<>();
            array.forEach(item -> items.add(canonical(item)));
            return "[" + String.join(", ", items) + "]";
        }
        return JSON.writeValueAsString(node);
    }
}
