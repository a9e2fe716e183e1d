package dev.cinderemulator.web;

import java.math.BigInteger;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * Renders JSON values the way Cinder's error texts do, since they come from Python: {@code repr}
 * inside jsonschema messages ({@code 'x'}, {@code True}, {@code None}) and {@code str} for the
 * "Value:" part of {@code Invalid input for field/attribute ...}.
 */
public final class PythonText {

    private PythonText() {
    }

    public static String str(JsonNode value) {
        return value.isString() ? value.stringValue() : repr(value);
    }

    public static String repr(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "None";
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? "True" : "False";
        }
        if (value.isString()) {
            return repr(value.stringValue());
        }
        if (value.isIntegralNumber()) {
            return value.numberValue().toString();
        }
        if (value.isNumber()) {
            return floatRepr(value.doubleValue());
        }
        if (value.isArray()) {
            StringBuilder text = new StringBuilder("[");
            for (Iterator<JsonNode> items = value.values().iterator(); items.hasNext();) {
                text.append(repr(items.next()));
                if (items.hasNext()) {
                    text.append(", ");
                }
            }
            return text.append(']').toString();
        }
        StringBuilder text = new StringBuilder("{");
        for (Iterator<Map.Entry<String, JsonNode>> entries = value.properties().iterator(); entries.hasNext();) {
            Map.Entry<String, JsonNode> entry = entries.next();
            text.append(repr(entry.getKey())).append(": ").append(repr(entry.getValue()));
            if (entries.hasNext()) {
                text.append(", ");
            }
        }
        return text.append('}').toString();
    }

    /** Python's {@code repr(str)}: single quotes unless the text has one and no double quote. */
    public static String repr(String text) {
        char quote = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder().append(quote);
        text.codePoints().forEach(c -> {
            if (c == quote || c == '\\') {
                out.append('\\').appendCodePoint(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append(quote).toString();
    }

    /** Python's {@code repr(float)}. */
    public static String repr(double value) {
        return floatRepr(value);
    }

    private static String floatRepr(double value) {
        if (value == Math.rint(value) && !Double.isInfinite(value) && Math.abs(value) < 1e16) {
            return String.format("%.1f", value);
        }
        return Double.toString(value).replace("E", "e+").replace("e+-", "e-");
    }

    /**
     * Python's {@code ast.literal_eval} for what Cinder's list filters accept as {@code metadata}: a
     * dict display of strings (or numbers, compared as their text). Anything else, or a literal that
     * is not a dict, is empty, and Cinder then matches nothing.
     */
    public static Optional<Map<String, String>> literalDict(String text) {
        return new LiteralParser(text).dict();
    }

    private static final class LiteralParser {

        private final String text;
        private int at;

        LiteralParser(String text) {
            this.text = text;
        }

        Optional<Map<String, String>> dict() {
            try {
                skipBlanks();
                expect('{');
                Map<String, String> dict = new LinkedHashMap<>();
                skipBlanks();
                while (peek() != '}') {
                    String key = scalar();
                    skipBlanks();
                    expect(':');
                    skipBlanks();
                    dict.put(key, scalar());
                    skipBlanks();
                    if (peek() == ',') {
                        at++;
                        skipBlanks();
                    } else if (peek() != '}') {
                        return Optional.empty();
                    }
                }
                at++;
                skipBlanks();
                return at == text.length() ? Optional.of(dict) : Optional.empty();
            } catch (IllegalArgumentException | IndexOutOfBoundsException malformed) {
                return Optional.empty();
            }
        }

        private String scalar() {
            char first = peek();
            if (first == '\'' || first == '"') {
                return string(first);
            }
            int start = at;
            while (at < text.length() && "+-0123456789_".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            String digits = text.substring(start, at).replace("_", "");
            return new BigInteger(digits).toString();
        }

        private String string(char quote) {
            at++;
            StringBuilder value = new StringBuilder();
            while (text.charAt(at) != quote) {
                char c = text.charAt(at++);
                if (c == '\\') {
                    char escaped = text.charAt(at++);
                    value.append(switch (escaped) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        case 'r' -> '\r';
                        default -> escaped;
                    });
                } else {
                    value.append(c);
                }
            }
            at++;
            return value.toString();
        }

        private void expect(char c) {
            if (peek() != c) {
                throw new IllegalArgumentException("expected " + c);
            }
            at++;
        }

        private char peek() {
            return text.charAt(at);
        }

        private void skipBlanks() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }
    }
}
