package dev.cinderemulator.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.cinderemulator.support.AcceptanceTestSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The oracle battery ({@code src/test/resources/oracle/battery.yaml}) replayed against the
 * emulator and compared, request by request, with what a real cinder-api and keystone answered
 * ({@code golden-*.json}, recorded by {@code oracle/record.sh}): status, the headers a client
 * reads, and the normalised body. What differs on purpose is listed, each with its reason, in
 * {@code allowed-differences.yaml}; anything else fails the test. Cinder requests use the noauth
 * strategy the oracle's cinder-api runs with, Keystone requests real tokens.
 */
class OracleReplayTests extends AcceptanceTestSupport {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)\\}");
    private static final List<String> MANUAL_OPERATIONS = List.of("backup-create", "backup-restore",
            "backup-delete", "backup-import", "volume-create", "volume-delete", "snapshot-create", "snapshot-delete");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, String> variables = new LinkedHashMap<>();
    private JsonNode timingBefore;

    record Allowed(Pattern request, Pattern aspect, String reason) {
    }

    @AfterEach
    void restoreTiming() throws Exception {
        if (timingBefore != null) {
            control("PUT", "/_emulator/timing", timingBefore.toString());
        }
    }

    @Test
    void theEmulatorAnswersTheBatteryAsRealCinderAndKeystoneDo() throws Exception {
        JsonNode battery = YAML.readTree(resource("battery.yaml"));
        battery.get("variables").properties().forEach(entry -> variables.put(entry.getKey(), entry.getValue().asString()));
        List<Allowed> allowed = new ArrayList<>();
        for (JsonNode entry : YAML.readTree(resource("allowed-differences.yaml")).get("allowed")) {
            allowed.add(new Allowed(Pattern.compile(entry.get("request").asString()),
                    Pattern.compile(entry.get("aspect").asString()), entry.get("reason").asString()));
        }
        // The emulated services wait for the battery's service steps, as the oracle's absent ones do;
        // the clock moves one second a request, so creation times order lists as in the oracle.
        timingBefore = JSON.readTree(control("GET", "/_emulator/timing", null));
        ObjectNode manual = JSON.createObjectNode();
        MANUAL_OPERATIONS.forEach(operation -> manual.put(operation, "manual"));
        control("PUT", "/_emulator/timing", manual.toString());

        String host = "http://127.0.0.1:" + port;
        OracleNormaliser normaliser = new OracleNormaliser(variables,
                List.of(Map.entry("keystone", host + "/keystone"), Map.entry("cinder", host)));
        List<String> differences = new ArrayList<>();
        Set<Allowed> used = new HashSet<>();
        int compared = 0;
        for (String section : List.of("keystone", "cinder")) {
            String base = section.equals("keystone") ? host + "/keystone" : host;
            Iterator<JsonNode> golden = JSON.readTree(resource("golden-" + section + ".json")).iterator();
            for (JsonNode step : battery.get(section)) {
                if (step.has("service")) {
                    String resource = substitute(step.get("resource")).asString();
                    if (resource.matches("[0-9a-f-]{36}")) {
                        control("POST", "/_emulator/transitions/complete?resource=" + resource, null);
                    } else {
                        differences.add(step.get("service").asString() + ": no resource to complete");
                    }
                    continue;
                }
                if (step.has("set")) {
                    variables.put(step.get("set").asString(), Base64.getEncoder().encodeToString(
                            JSON.writeValueAsBytes(substitute(step.get("base64-json")))));
                    continue;
                }
                clock.advance(Duration.ofSeconds(1));
                JsonNode expected = golden.next();
                assertThat(expected.get("id").asString()).isEqualTo(step.get("id").asString());
                JsonNode actual = send(section, step, base, normaliser);
                compared++;
                for (String difference : compare(expected, actual)) {
                    String id = step.get("id").asString();
                    Optional<Allowed> reason = allowed.stream().filter(allow -> allow.request().matcher(id).matches()
                            && allow.aspect().matcher(difference.substring(0, difference.indexOf(' '))).matches())
                            .findFirst();
                    if (reason.isEmpty()) {
                        differences.add(id + ": " + difference);
                    } else {
                        used.add(reason.get());
                    }
                }
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(300);
        assertThat(allowed).as("allow-list entries no difference needs any more").allMatch(used::contains);
        assertThat(differences).as("differences from the oracle not on the allow-list").isEmpty();
    }

    private JsonNode send(String section, JsonNode step, String base, OracleNormaliser normaliser) throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        String token = step.has("token") ? step.get("token").asString()
                : section.equals("cinder") ? "admin:${project}" : null;
        if (token != null && !token.equals("none")) {
            headers.put("X-Auth-Token", substitute(JSON.getNodeFactory().textNode(token)).asString());
        }
        if (step.has("version")) {
            headers.put("OpenStack-API-Version", "volume " + step.get("version").asString());
        }
        if (step.has("headers")) {
            for (Map.Entry<String, JsonNode> header : step.get("headers").properties()) {
                if (header.getValue().isNull()) {
                    headers.remove(header.getKey());
                } else {
                    headers.put(header.getKey(), substitute(header.getValue()).asString());
                }
            }
        }
        byte[] body = null;
        if (step.has("body")) {
            body = JSON.writeValueAsBytes(substitute(step.get("body")));
            headers.putIfAbsent("Content-Type", "application/json");
        } else if (step.has("raw")) {
            body = substitute(step.get("raw")).asString().getBytes(StandardCharsets.UTF_8);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create(base + substitute(step.get("path")).asString())).timeout(Duration.ofSeconds(30))
                .method(step.get("method").asString(), body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode parsed = null;
        try {
            parsed = answer.body().isEmpty() ? null : JSON.readTree(answer.body());
        } catch (RuntimeException notJson) {
            parsed = null;
        }
        if (step.has("capture")) {
            for (Map.Entry<String, JsonNode> capture : step.get("capture").properties()) {
                variables.put(capture.getKey(), extract(answer, parsed, capture.getValue().asString()));
            }
        }
        ObjectNode recorded = JSON.createObjectNode();
        recorded.put("status", answer.statusCode());
        ObjectNode recordedHeaders = recorded.putObject("headers");
        for (String name : OracleNormaliser.HEADERS) {
            answer.headers().firstValue(name).ifPresent(value -> recordedHeaders.put(name,
                    OracleNormaliser.PRESENCE_ONLY.contains(name) ? "${present}" : normaliser.text(value)));
        }
        if (parsed != null && !answer.body().isEmpty()) {
            recorded.set("json", normaliser.json(answer.body(), step.path("unordered").asBoolean(false)));
        } else if (!answer.body().isEmpty()) {
            recorded.put("text", normaliser.text(answer.body()));
        }
        return recorded;
    }

    private static String extract(HttpResponse<String> answer, JsonNode body, String path) {
        if (path.startsWith("header:")) {
            return answer.headers().firstValue(path.substring("header:".length())).orElse("not-captured");
        }
        JsonNode node = body;
        for (String part : path.split("\\.")) {
            node = node == null ? null : node.isArray() ? node.get(Integer.parseInt(part)) : node.get(part);
        }
        return node == null ? "not-captured" : node.asString();
    }

    /** Each difference starts with its aspect: {@code status}, {@code header:Name} or {@code body/json/pointer}. */
    static List<String> compare(JsonNode expected, JsonNode actual) {
        List<String> differences = new ArrayList<>();
        if (expected.get("status").asInt() != actual.get("status").asInt()) {
            differences.add("status " + expected.get("status") + " -> " + actual.get("status"));
        }
        for (String name : OracleNormaliser.HEADERS) {
            JsonNode want = mediaType(name, expected.get("headers").get(name));
            JsonNode got = mediaType(name, actual.get("headers").get(name));
            if (want == null ? got != null : !want.equals(got)) {
                differences.add("header:" + name + " " + want + " -> " + got);
            }
        }
        if (expected.has("json") || actual.has("json")) {
            diff("body", expected.get("json"), actual.get("json"), differences);
        }
        if ((expected.has("text") || actual.has("text")) && !String.valueOf(expected.get("text"))
                .equals(String.valueOf(actual.get("text")))) {
            differences.add("body " + expected.get("text") + " -> " + actual.get("text"));
        }
        return differences;
    }

    /** A media type's parameters may be written with or without a space after ";" (RFC 9110 5.6.6). */
    private static JsonNode mediaType(String header, JsonNode value) {
        return value != null && header.equals("Content-Type")
                ? JSON.getNodeFactory().textNode(value.asString().replace("; ", ";"))
                : value;
    }

    private static void diff(String path, JsonNode want, JsonNode got, List<String> differences) {
        if (want instanceof ObjectNode wanted && got instanceof ObjectNode gotten) {
            for (String name : wanted.propertyNames()) {
                if (!gotten.has(name)) {
                    differences.add(path + "/" + name + " " + wanted.get(name) + " -> (absent)");
                } else {
                    diff(path + "/" + name, wanted.get(name), gotten.get(name), differences);
                }
            }
            for (String name : gotten.propertyNames()) {
                if (!wanted.has(name)) {
                    differences.add(path + "/" + name + " (absent) -> " + gotten.get(name));
                }
            }
        } else if (want instanceof ArrayNode wanted && got instanceof ArrayNode gotten && wanted.size() == gotten.size()) {
            for (int i = 0; i < wanted.size(); i++) {
                diff(path + "/" + i, wanted.get(i), gotten.get(i), differences);
            }
        } else if (want == null ? got != null : !want.equals(got)) {
            differences.add(path + " " + want + " -> " + got);
        }
    }

    private JsonNode substitute(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isString()) {
            Matcher matcher = VARIABLE.matcher(node.asString());
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                String value = variables.get(matcher.group(1));
                if (value == null) {
                    throw new IllegalStateException("No variable " + matcher.group(1));
                }
                matcher.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            matcher.appendTail(out);
            return JSON.getNodeFactory().textNode(out.toString());
        }
        if (node instanceof ObjectNode object) {
            ObjectNode result = JSON.createObjectNode();
            object.properties().forEach(entry -> result.set(entry.getKey(), substitute(entry.getValue())));
            return result;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode result = JSON.createArrayNode();
            array.forEach(item -> result.add(substitute(item)));
            return result;
        }
        return node;
    }

    private String control(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private static InputStream resource(String name) {
        return OracleReplayTests.class.getResourceAsStream("/oracle/" + name);
    }
}
