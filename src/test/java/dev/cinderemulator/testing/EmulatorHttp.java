package dev.cinderemulator.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The little HTTP and text work behind {@link CinderEmulator}, with the JDK's client only, so the
 * kit adds no library to a user's class path.
 */
final class EmulatorHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private EmulatorHttp() {
    }

    static HttpResponse<String> send(String method, URI uri, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept",
                "application/json");
        if (body == null) {
            request.method(method, BodyPublishers.noBody());
        } else {
            request.header("Content-Type", contentType).method(method, BodyPublishers.ofString(body));
        }
        try {
            return CLIENT.send(request.build(), BodyHandlers.ofString());
        } catch (IOException unreachable) {
            throw new UncheckedIOException(method + " " + uri + " failed", unreachable);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + uri + " was interrupted", interrupted);
        }
    }

    static HttpResponse<String> expectSuccess(HttpResponse<String> response) {
        if (response.statusCode() >= 400) {
            throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    /** Keystone's password method, scoped to the user's project; the token is in X-Subject-Token. */
    static String login(URI tokens, EmulatorUser user) {
        String domain = "{\"name\": " + json(EmulatorUser.DOMAIN) + "}";
        String body = "{\"auth\": {\"identity\": {\"methods\": [\"password\"], \"password\": {\"user\": {\"name\": "
                + json(user.username()) + ", \"domain\": " + domain + ", \"password\": " + json(user.password())
                + "}}}, \"scope\": {\"project\": {\"name\": " + json(user.projectName()) + ", \"domain\": " + domain
                + "}}}}";
        HttpResponse<String> response = expectSuccess(send("POST", tokens, "application/json", body));
        return response.headers().firstValue("X-Subject-Token").orElseThrow(
                () -> new IllegalStateException("POST " + tokens + " answered no X-Subject-Token"));
    }

    static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A JSON string literal. */
    static String json(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    static Map<String, Object> ordered(Map<String, Object> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** Maps of maps and strings as block YAML; every scalar is a double-quoted (JSON) string. */
    static String yaml(Map<String, ?> map) {
        StringBuilder out = new StringBuilder();
        yaml(map, "", out);
        return out.toString();
    }

    private static void yaml(Map<String, ?> map, String indent, StringBuilder out) {
        for (Map.Entry<String, ?> entry : map.entrySet()) {
            out.append(indent).append(entry.getKey()).append(':');
            if (entry.getValue() instanceof Map<?, ?> nested) {
                out.append('\n');
                @SuppressWarnings("unchecked")
                Map<String, ?> children = (Map<String, ?>) nested;
                yaml(children, indent + "  ", out);
            } else {
                out.append(' ').append(json(String.valueOf(entry.getValue()))).append('\n');
            }
        }
    }
}
