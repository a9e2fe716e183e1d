package dev.cinderemulator.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * What every fuzzed answer must be: below 500, and when a refusal, in its surface's error shape.
 * Cinder's is {@code {"<fault>": {"code": N, "message": "..."}}} (wsgi.py's {@code Fault});
 * Keystone's, which the control API shares, {@code {"error": {"code": N, "title": "...", "message":
 * "..."}}} (keystone/server/flask/application.py {@code _handle_keystone_exception}).
 */
public final class FuzzChecks {

    /** The error shapes of the emulator's surfaces. */
    public enum Shape {
        CINDER, KEYSTONE,
        /** For requests whose surface is the question: either shape, as long as it is one of them. */
        ANY;

        /** The shape of the surface a path names: the control API and Keystone share one. */
        public static Shape of(String target) {
            return target.equals("/_emulator") || target.startsWith("/_emulator/") || target.startsWith("/_emulator?")
                    || target.equals("/keystone") || target.startsWith("/keystone/") || target.startsWith("/keystone?")
                            ? KEYSTONE : CINDER;
        }
    }

    private FuzzChecks() {
    }

    public static void check(FuzzRequest request, RawHttp.Answer answer, Shape shape) {
        String about = about(request, answer);
        assertThat(answer.status()).as(about).isLessThan(500);
        if (answer.status() < 400 || request.method().equals("HEAD")) {
            return;
        }
        if (shape != Shape.KEYSTONE && isRouterNotFound(answer)) {
            return;
        }
        assertThat(answer.header("Content-Type")).as(about).startsWith("application/json");
        JsonNode error;
        try {
            error = CinderClient.JSON.readTree(answer.body());
        } catch (RuntimeException notJson) {
            throw new AssertionError("Not JSON: " + about, notJson);
        }
        assertThat(error.isObject() && error.size() == 1).as(about).isTrue();
        Map.Entry<String, JsonNode> only = error.properties().iterator().next();
        boolean keystone = only.getKey().equals("error") && only.getValue().has("title");
        if (shape == Shape.KEYSTONE && !keystone && isContainerRefusal(answer.status(), only.getValue())) {
            shape = Shape.CINDER;
        }
        if (shape == Shape.KEYSTONE || (shape == Shape.ANY && keystone)) {
            assertThat(only.getKey()).as(about).isEqualTo("error");
            assertThat(only.getValue().path("title").isString()).as(about).isTrue();
        }
        if (shape == Shape.CINDER) {
            assertThat(only.getValue().has("title")).as("a Cinder fault has no title: " + about).isFalse();
        }
        assertThat(only.getValue().path("code").asInt()).as(about).isEqualTo(answer.status());
        assertThat(only.getValue().path("message").isString()).as(about).isTrue();
    }

    /**
     * Cinder's router answers a path or method it has no route for with webob's own 404 (HTML,
     * JSON or plain text after the {@code Accept} header), before the API's fault wrapping and its
     * headers: {@code web.RouterNotFound}, as the oracle recorded it (issue 11).
     */
    private static boolean isRouterNotFound(RawHttp.Answer answer) {
        return answer.status() == 404 && answer.header("X-Compute-Request-Id") == null
                && answer.header("OpenStack-API-Version") == null && answer.text().contains("404 Not Found");
    }

    /**
     * What Tomcat refuses before any route is chosen (a {@code %2F}, {@code %zz}, raw non-ASCII or a
     * brace in the path, a header it cannot take, {@code TRACE}) is answered by
     * {@code web.CinderErrorReportValve} and {@code web.CinderErrorController} as a Cinder fault on
     * every path, {@code /keystone} and {@code /_emulator} included: a known difference, found by
     * this fuzzing (issue 10), accepted here for those two texts only.
     */
    private static boolean isContainerRefusal(int status, JsonNode inner) {
        String message = inner.path("message").asString("");
        return (status == 400 && message.equals("Malformed request url"))
                || (status == 404 && message.equals("The resource could not be found."));
    }

    /**
     * A path variant names the canonical route or none: it is answered as the canonical path was,
     * or refused with a 4xx; above all it never gets in where the canonical path was refused.
     */
    public static void checkVariant(int canonicalStatus, FuzzRequest variant, RawHttp.Answer answer) {
        check(variant, answer, Shape.ANY);
        assertThat(answer.status() == canonicalStatus || (answer.status() >= 400 && answer.status() < 500))
                .as("answered %s where the canonical path got %s: %s", answer.status(), canonicalStatus,
                        about(variant, answer))
                .isTrue();
    }

    public static String about(FuzzRequest request, RawHttp.Answer answer) {
        String text = answer.text();
        return request + " answered " + answer.status() + " " + (text.length() > 500 ? text.substring(0, 500) + "..."
                : text);
    }
}
