package dev.cinderemulator.journal;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps secrets out of the journal: token headers, and the {@code password} (and application
 * credential {@code secret}) values of Keystone auth bodies. Keystone's body has a
 * {@code "password"} object (the auth method) holding a {@code "password"} string: only string
 * values are masked, objects are searched.
 */
final class Masking {

    static final String MASK = "***";
    private static final Set<String> SECRET_HEADERS = Set.of("x-auth-token", "x-subject-token", "authorization",
            "cookie", "proxy-authorization");
    private static final Set<String> SECRET_FIELDS = Set.of("password", "secret");
    /**
     * For bodies that are not whole JSON (cut at the size limit, or malformed): a quoted value,
     * closed or not. Written as runs of plain characters between escapes, each run taken whole:
     * an alternation repeated per character recursed once per character and overflowed the stack
     * on a secret of a few thousand characters (found by the issue 10 fuzzing).
     */
    private static final Pattern SECRET_TEXT = Pattern
            .compile("(\"(?:password|secret)\"\\s*:\\s*)\"[^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+(\"|$)");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Masking() {
    }

    static String header(String name, String value) {
        return SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT)) ? MASK : value;
    }

    /** The body as sent, unless it holds a secret; then re-written with the secrets masked. */
    static String body(String text, boolean complete) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (!lower.contains("\"password\"") && !lower.contains("\"secret\"")) {
            return text;
        }
        if (complete) {
            try {
                JsonNode tree = JSON.readTree(text);
                if (tree != null && tree.isContainer()) {
                    mask(tree);
                    return JSON.writeValueAsString(tree);
                }
            } catch (JacksonException notJson) {
                // Falls through to the textual mask.
            }
        }
        return SECRET_TEXT.matcher(text).replaceAll("$1\"" + MASK + "\"");
    }

    private static void mask(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (String name : object.propertyNames()) {
                JsonNode value = object.get(name);
                if (SECRET_FIELDS.contains(name.toLowerCase(Locale.ROOT)) && value.isValueNode() && !value.isNull()) {
                    object.put(name, MASK);
                } else {
                    mask(value);
                }
            }
        } else if (node.isArray()) {
            node.forEach(Masking::mask);
        }
    }
}
