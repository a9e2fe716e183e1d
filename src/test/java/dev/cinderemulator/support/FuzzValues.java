package dev.cinderemulator.support;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the fuzz suites of every surface draw from: JSON with boundary values, bodies that are
 * not JSON at all, query values, and variants of a path that a server might or might not take
 * for the same route (percent-encoding, {@code ;parameters}, double slashes, dot segments, case).
 */
public final class FuzzValues {

    private FuzzValues() {
    }

    // ---- JSON

    private static final List<Object> BOUNDARY_TEXT = List.of("", " ", "a", "x".repeat(255), "x".repeat(256), "null",
            "true", "1", "-1", "0", "00000000-0000-0000-0000-000000000000", "ünïcødé ☃", "tab\tnew\nline", "\u0000",
            "\ud83d\ude00", "available", "error", "creating", "deleting", "restoring", "backing-up", "latest",
            "{\"nested\": 1}", "%s%n", "../../etc/passwd", "a".repeat(70_000), "PT1S", "1s", "manual", "admin", "demo",
            "Default", "default", "password", "token", "0\r\nSet-Cookie: evil=1");
    private static final List<Object> INTS = List.of(0, 1, -1, 2, 255, 256, Integer.MAX_VALUE, Integer.MIN_VALUE);
    private static final List<Object> LONGS = List.of(Long.MAX_VALUE, Long.MIN_VALUE, 2_147_483_648L);
    private static final List<Object> DOUBLES = List.of(0.5, -0.0, 1e300, Double.MIN_VALUE);
    private static final List<Object> BIGS = List.of(new BigInteger("123456789012345678901234567890"),
            new BigDecimal("1e400"));

    /**
     * JSON values with boundaries in them: 255/256-character names, int32/int64 edges, odd text,
     * nested {@code depth} deep, objects keyed by the surface's own field names and random ones.
     */
    public static Object json(FuzzRandom random, int depth, List<String> keys) {
        int kind = depth == 0 ? 0 : random.choose(6, 2, 2);
        if (kind == 1) {
            return random.listOf(4, () -> json(random, depth - 1, keys));
        }
        if (kind == 2) {
            Map<String, Object> map = new HashMap<>();
            int size = random.between(0, 4);
            for (int i = 0; i < size; i++) {
                map.put(random.bool() ? random.pick(keys) : random.string(8), json(random, depth - 1, keys));
            }
            return map;
        }
        return switch (random.between(0, 7)) {
        case 0 -> random.pick(BOUNDARY_TEXT);
        case 1 -> random.string(40);
        case 2 -> random.pick(INTS);
        case 3 -> random.pick(LONGS);
        case 4 -> random.pick(DOUBLES);
        case 5 -> random.pick(BIGS);
        case 6 -> random.bool();
        default -> null;
        };
    }

    /** A body built from a route's valid one: mutated (6 in 10), replaced by random JSON, or raw garbage. */
    public static byte[] body(FuzzRandom random, Object valid, List<String> keys) {
        return switch (random.choose(6, 2, 2)) {
        case 0 -> bytes(mutate(valid, random.between(0, 1000), json(random, 3, keys)));
        case 1 -> bytes(json(random, 4, keys));
        default -> rawBody(random);
        };
    }

    /** Replaces one value (chosen by {@code choice}) somewhere inside {@code valid}, or adds a key. */
    @SuppressWarnings("unchecked")
    public static Object mutate(Object valid, int choice, Object replacement) {
        if (!(valid instanceof Map<?, ?> map) || map.isEmpty()) {
            return replacement;
        }
        Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) map);
        List<String> keys = new ArrayList<>(copy.keySet());
        if (choice % 7 == 0) {
            copy.put(choice % 2 == 0 ? "unexpected" : "ñ", replacement);
            return copy;
        }
        String key = keys.get(choice % keys.size());
        copy.put(key, choice % 3 == 0 ? replacement : mutate(copy.get(key), choice / 3, replacement));
        return copy;
    }

    public static byte[] bytes(Object json) {
        return CinderClient.JSON.writeValueAsBytes(json);
    }

    private static final List<byte[]> ODD_BODIES = List.of(new byte[0], bytes(0xC3, 0x28), bytes(0xFF, 0xFE, 0xFD),
            bytes(0xED, 0xA0, 0x80), "{\"volume\": {\"name\": \"\u00ff\"}}".getBytes(StandardCharsets.ISO_8859_1),
            concat("{\"backup\": {\"name\": \"".getBytes(StandardCharsets.US_ASCII), bytes(0xC0, 0xAF),
                    "\"}}".getBytes(StandardCharsets.US_ASCII)),
            ascii("{\"volume\": {\"name\": \"\\ud800\"}}"), ascii("{"), ascii("nul"), ascii("{\"a\":1,\"a\":2}"),
            ascii("[1,2,]"), ascii("\"just a string\""), ascii("1e999999999"),
            ascii("{\"volume\": {\"size\": 1" + "0".repeat(5000) + "}}"), ascii("---\nyaml: [1, 2\n"),
            ascii("volumes:\n  - size: 1\n    project_id: x\n"), ascii("!!java.lang.Runtime {}"),
            ascii("a: &a [*a, *a]"), ascii("{\"auth\": null}"), ascii("{}"), ascii("[]"), ascii("null"));

    /** Bodies that aren't JSON, or are JSON no parser should have to swallow. */
    public static byte[] rawBody(FuzzRandom random) {
        return switch (random.between(0, 5)) {
        case 0 -> random.pick(ODD_BODIES);
        case 1 -> {
            int depth = random.between(1, 20_000);
            yield ascii("[".repeat(depth) + "]".repeat(depth));
        }
        case 2 -> {
            int depth = random.between(1, 5_000);
            yield ascii("{\"volume\": " + "{\"a\": ".repeat(depth) + "1" + "}".repeat(depth + 1));
        }
        case 3 -> ascii("{\"backup\": {\"name\": \"" + "n".repeat(random.between(100_000, 130_000)) + "\"}}");
        // Up to 3 500 keys: past about 2 900 the body outgrows max_request_body_size (413); below,
        // the metadata column must hold them all (it held 100 000 characters before V700).
        case 4 -> metadataBody(random.between(1, 3_500));
        default -> random.bytes(64);
        };
    }

    private static byte[] metadataBody(int entries) {
        StringBuilder body = new StringBuilder("{\"volume\": {\"metadata\": {");
        for (int i = 0; i < entries; i++) {
            body.append(i == 0 ? "" : ", ").append("\"key-").append(i).append("\": \"").append("v".repeat(30))
                    .append('"');
        }
        return ascii(body.append("}}}").toString());
    }

    public static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }

    // ---- query strings

    private static final List<String> QUERY_VALUES = List.of("", "-1", "0", "1", "1000", "1001",
            "99999999999999999999", "+5", "%205%20", "1.5", "abc", "true", "maybe", "name:asc", "name:desc,size",
            "created_at:up", "id:asc,id:desc", "x:y:z", ",", ":", "size:asc,status", "%00", "%C3%BC", "2020-01-01",
            "2020-01-01T00:00:00", "2020-01-01T00:00:00Z", "2020-13-45", "{'a': 'b'}", "%7B%7D", "x".repeat(3000),
            "PT1S", "1h", "-PT1S", "P1D", "yaml", "json", "GET", "POST", "get", "404", "4xx", "/v3/backups", "%2F",
            "*", ".*", "(", "admin", "demo", "Default", "default", "%25", "a%26b%3Dc", "%E2%98%83");
    /** Percent-encodings that are not UTF-8: Tomcat refuses to decode parameters that hold one. */
    public static final List<String> NOT_UTF8 = List.of("%FF", "%C3%28", "%80", "%ED%A0%80", "%C0%AF", "%F8%88%80%80%80");

    /** A query value as it goes on the wire; with {@code notUtf8}, sometimes one that is not UTF-8. */
    public static String queryValue(FuzzRandom random, boolean notUtf8) {
        if (notUtf8 && random.chance(10)) {
            return random.pick(NOT_UTF8);
        }
        return random.bool() ? random.pick(QUERY_VALUES) : encode(random.ascii(' ', '~', 20));
    }

    public static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    // ---- path variants

    private static final List<String> MATRIX = List.of(";", ";x", ";x=1", ";jsessionid=0", ";a=b;c=d", ";%2F",
            ";/..", ";.", ";x=%zz", ";%%32F");
    private static final List<String> DOTS = List.of("/.", "/x/..", "/%2e", "/x/%2e%2e", "/x/%2E%2E", "/.%2e/x",
            "/..", "/...", "/%2e%2e%2f", "/x/..;");
    private static final List<String> ENDINGS = List.of("/", "/.", "//", "%20", "%00", "%09", "?", "?&", "#frag",
            "%23", ";", "/;", "%2F", ".json", "~", "%C0%AE");

    /**
     * {@code path} (no query) changed in one or two of the ways a request can name a route other
     * than by its canonical spelling.
     */
    public static String pathVariant(FuzzRandom random, String path) {
        String variant = path;
        int changes = random.chance(25) ? 2 : 1;
        for (int i = 0; i < changes; i++) {
            variant = change(random, variant);
        }
        return variant.equals(path) ? path + "/" : variant;
    }

    private static String change(FuzzRandom random, String path) {
        List<Integer> slashes = new ArrayList<>();
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                slashes.add(i);
            }
        }
        return switch (random.between(0, 10)) {
        case 0 -> encodeOneChar(random, path);
        case 1 -> encodeSegment(random, path, slashes);
        case 2 -> {
            int at = random.pick(slashes);
            yield at == 0 ? "/" + path : path.substring(0, at) + random.pick("%2F", "%2f", "%5C", "\\")
                    + path.substring(at + 1);
        }
        case 3 -> {
            int end = segmentEnd(path, random.pick(slashes));
            yield path.substring(0, end) + random.pick(MATRIX) + path.substring(end);
        }
        case 4 -> {
            int at = random.pick(slashes);
            yield path.substring(0, at) + random.pick("//", "///", "/%2F") + path.substring(at + 1);
        }
        case 5 -> {
            int end = segmentEnd(path, random.pick(slashes));
            yield path.substring(0, end) + random.pick(DOTS) + path.substring(end);
        }
        case 6 -> {
            int start = random.pick(slashes);
            int end = segmentEnd(path, start);
            yield path.substring(0, start) + path.substring(start, end).toUpperCase(Locale.ROOT) + path.substring(end);
        }
        case 7 -> swapCase(random, path);
        case 8 -> random.bool() ? path.toUpperCase(Locale.ROOT) : path + random.pick(ENDINGS);
        case 9 -> path + random.pick(ENDINGS);
        default -> {
            // A look-alike: the fullwidth form of one ASCII letter, as UTF-8.
            int at = letterIndex(random, path);
            if (at < 0) {
                yield path + "/";
            }
            char fullwidth = (char) (path.charAt(at) - 'a' + 'ａ');
            yield path.substring(0, at) + encode(String.valueOf(Character.isLowerCase(path.charAt(at)) ? fullwidth
                    : path.charAt(at))) + path.substring(at + 1);
        }
        };
    }

    private static String encodeOneChar(FuzzRandom random, String path) {
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c != '/' && c != '%' && c < 0x80) {
                candidates.add(i);
            }
        }
        if (candidates.isEmpty()) {
            return path + "%2E";
        }
        int at = random.pick(candidates);
        return path.substring(0, at) + percent(random, path.charAt(at)) + path.substring(at + 1);
    }

    private static String encodeSegment(FuzzRandom random, String path, List<Integer> slashes) {
        int start = random.pick(slashes) + 1;
        int end = segmentEnd(path, start - 1);
        StringBuilder encoded = new StringBuilder();
        for (char c : path.substring(start, end).toCharArray()) {
            encoded.append(c == '%' ? "%" : percent(random, c));
        }
        return path.substring(0, start) + encoded + path.substring(end);
    }

    private static String percent(FuzzRandom random, char c) {
        String hex = String.format("%%%02X", (int) c);
        return random.bool() ? hex : hex.toLowerCase(Locale.ROOT);
    }

    private static int segmentEnd(String path, int slash) {
        int next = path.indexOf('/', slash + 1);
        return next < 0 ? path.length() : next;
    }

    private static String swapCase(FuzzRandom random, String path) {
        int at = letterIndex(random, path);
        if (at < 0) {
            return path.toUpperCase(Locale.ROOT);
        }
        char c = path.charAt(at);
        char swapped = Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
        return path.substring(0, at) + swapped + path.substring(at + 1);
    }

    private static int letterIndex(FuzzRandom random, String path) {
        List<Integer> letters = new ArrayList<>();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if ((c >= 'a' && c <= 'z') && (i == 0 || path.charAt(i - 1) != '%')) {
                letters.add(i);
            }
        }
        return letters.isEmpty() ? -1 : random.pick(letters);
    }
}
