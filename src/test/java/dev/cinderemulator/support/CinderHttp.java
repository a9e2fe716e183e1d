package dev.cinderemulator.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cinder as a user's own code calls it: the JDK's HTTP client, one token, JSON in and out. For the
 * tests of the consumer kit, which must work the same against a container and in process.
 */
public final class CinderHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String cinderUrl;
    private final String token;

    public CinderHttp(String cinderUrl, String token) {
        this.cinderUrl = cinderUrl;
        this.token = token;
    }

    public record Answer(int status, JsonNode body) {

        public String text(String pointer) {
            return body.at(pointer).asString();
        }
    }

    public Answer get(String path) {
        return send("GET", path, null);
    }

    public Answer post(String path, String json) {
        return send("POST", path, json);
    }

    public Answer delete(String path) {
        return send("DELETE", path, null);
    }

    private Answer send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(cinderUrl + path))
                .timeout(Duration.ofSeconds(30)).header("X-Auth-Token", token).header("Accept", "application/json");
        if (json == null) {
            request.method(method, BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, BodyPublishers.ofString(json));
        }
        try {
            var response = CLIENT.send(request.build(), BodyHandlers.ofString());
            String body = response.body();
            return new Answer(response.statusCode(),
                    body == null || body.isBlank() ? JsonMapper.shared().missingNode() : JsonMapper.shared().readTree(body));
        } catch (IOException failed) {
            throw new UncheckedIOException(method + " " + path, failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
