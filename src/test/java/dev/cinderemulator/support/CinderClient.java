package dev.cinderemulator.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * Cinder as a user's own code calls it: the JDK's HTTP client, one token, JSON in and out. For the
 * suites that drive emulators from many threads (replicas, concurrency) as Cinder's noauth admin of
 * one project, and for the consumer kit's tests, which must work the same against a container and
 * in process. (RestAssured is for the contract-checked acceptance suites, {@link RawHttp} for bytes
 * no client would send.)
 */
public final class CinderClient {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String token;
    private final String version;

    public CinderClient(int port, String project) {
        this("http://127.0.0.1:" + port, "admin:" + project, null);
    }

    /** A client of the Cinder endpoint at {@code cinderUrl} (paths then start below it) with a token. */
    public CinderClient(String cinderUrl, String token) {
        this(cinderUrl, token, null);
    }

    private CinderClient(String base, String token, String version) {
        this.base = base;
        this.token = token;
        this.version = version;
    }

    /** The same client asking for a microversion ({@code OpenStack-API-Version: volume X.Y}). */
    public CinderClient at(String microversion) {
        return new CinderClient(base, token, microversion);
    }

    public Answer get(String path) {
        return send("GET", path, null);
    }

    public Answer post(String path, String json) {
        return send("POST", path, json);
    }

    public Answer put(String path, String json) {
        return send("PUT", path, json);
    }

    public Answer delete(String path) {
        return send("DELETE", path, null);
    }

    public Answer send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("X-Auth-Token", token).header("Accept", "application/json");
        if (version != null) {
            request.header("OpenStack-API-Version", "volume " + version);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? MissingNode.getInstance() : JSON.readTree(response.body());
            return new Answer(response.statusCode(), body, response.body());
        } catch (IOException failure) {
            throw new IllegalStateException(method + " " + path + " failed: " + failure, failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    public record Answer(int status, JsonNode body, String text) {

        public String text(String pointer) {
            JsonNode node = body.at(pointer);
            return node.isMissingNode() || node.isNull() ? null : node.asString();
        }

        public Answer expect(int expected) {
            if (status != expected) {
                throw new AssertionError("Expected " + expected + " but got " + status + ": " + text);
            }
            return this;
        }
    }

    /** Probes until {@code done} holds or the deadline passes (a short pause between probes). */
    public static <T> T poll(Supplier<T> probe, Predicate<T> done, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        T value = probe.get();
        while (!done.test(value)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Not reached within " + deadline + "; last value: " + value);
            }
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
            value = probe.get();
        }
        return value;
    }
}
