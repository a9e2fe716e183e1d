package dev.cinderemulator.control;

import org.springframework.http.HttpStatus;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A refusal of the control API, with the message the caller sees. */
class ControlException extends RuntimeException {

    private final HttpStatus status;

    ControlException(HttpStatus status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static ControlException badRequest(String message) {
        return new ControlException(HttpStatus.BAD_REQUEST, message);
    }

    static ControlException notFound(String message) {
        return new ControlException(HttpStatus.NOT_FOUND, message);
    }

    /** A control request's body, which must be one JSON object; anything else is the caller's 400. */
    static JsonNode jsonObject(JsonMapper json, byte[] body) {
        if (body == null || body.length == 0) {
            throw badRequest("A JSON object is required as the request body");
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JacksonException malformed) {
            throw badRequest("The body is not valid JSON: " + malformed.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw badRequest("A JSON object is required as the request body");
        }
        return node;
    }

    HttpStatus status() {
        return status;
    }
}
