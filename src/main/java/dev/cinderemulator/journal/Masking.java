package dev.cinderemulator.journal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Keeps secrets out of the journal, whatever their spelling: every header whose name speaks of a
 * token, a key, a secret, a password, a cookie or authentication ({@code X-Auth-Token},
 * {@code X-Storage-Token}, {@code X-Subject-Token}, {@code Authorization}...), query parameters
 * named alike, and in bodies every value under such a name, whatever its type (a password given as
 * an object or an array is masked whole). Bodies are read as JSON, so escaped names
 * ({@code "passw\u006frd"}) are seen for what they are. The one object searched rather than masked
 * is Keystone's {@code auth.identity.password} method, which holds the user's name beside the password.
 * A body that is not whole JSON (cut at the journal's size limit, or malformed) is withheld if it
 * mentions a secret at all.
 */
final class Masking {

    static final String MASK = "***";
    static final String WITHHELD = "*** (not whole JSON, and it mentions a secret: withheld)";
    private static final Pattern SECRET_NAME = Pattern.compile(
            "token|passw|secret|passcode|credential|auth|cookie|key", Pattern.CASE_INSENSITIVE);
    private static final Pattern SECRET_FIELD = Pattern.compile("token|passw|secret|passcode",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");
    private static final Pattern QUERY_PAIR = Pattern.compile("([^&=]*)=([^&]*)");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Masking() {
    }

    static String header(String name, String value) {
        return SECRET_NAME.matcher(name).find() ? MASK : value;
    }

    /** The query string as sent, with the values of secret-named parameters masked. */
    static String query(String query) {
        if (query == null) {
            return null;
        }
        Matcher pair = QUERY_PAIR.matcher(query);
        StringBuilder masked = new StringBuilder();
        while (pair.find()) {
            boolean secret = SECRET_FIELD.matcher(decoded(pair.group(1))).find();
            pair.appendReplacement(masked, Matcher.quoteReplacement(secret ? pair.group(1) + "=" + MASK : pair.group()));
        }
        pair.appendTail(masked);
        return masked.toString();
    }

    /** The body as sent, unless it holds a secret; then re-written with the secrets masked. */
    static String body(String text, boolean complete) {
        if (complete) {
            String trimmed = text.strip();
            if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
                try {
                    JsonNode tree = JSON.readTree(text);
                    if (tree != null && tree.isContainer()) {
                        return mask(tree, "") ? JSON.writeValueAsString(tree) : text;
                    }
                } catch (JacksonException notJson) {
                    // Falls through to the textual test.
                }
            }
        }
        return SECRET_FIELD.matcher(unescaped(text)).find() ? WITHHELD : text;
    }

    /** Masks in place; whether anything was masked. */
    private static boolean mask(JsonNode node, String path) {
        boolean masked = false;
        if (node instanceof ObjectNode object) {
            for (String name : object.propertyNames()) {
                JsonNode value = object.get(name);
                String at = path + "/" + name;
                if (SECRET_FIELD.matcher(name).find() && !(at.equals("/auth/identity/password") && value.isObject())) {
                    if (!value.isNull()) {
                        object.set(name, StringNode.valueOf(MASK));
                        masked = true;
                    }
                } else {
                    masked |= mask(value, at);
                }
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                masked |= mask(item, path + "/*");
            }
        }
        return masked;
    }

    private static String decoded(String name) {
        try {
            return URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return name;
        }
    }

    /** JSON's {@code \\uXXXX} escapes read back, so a name cannot hide behind them. */
    private static String unescaped(String text) {
        return UNICODE_ESCAPE.matcher(text).replaceAll(
                escape -> Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(escape.group(1), 16))));
    }
}
