package dev.cinderemulator.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import dev.cinderemulator.config.EmulatorProperties;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;

/**
 * Turns a raw request body into JSON the way Cinder's WSGI layer does: an empty body counts as
 * {@code None} (so the schema answers "None is not of type 'object'"), unparsable JSON is
 * "Malformed request body", and oslo's sizelimit refuses bodies over the limit.
 */
@Component
public class RequestBodies {

    private final JsonMapper json;
    private final int maxSize;

    RequestBodies(JsonMapper json, EmulatorProperties properties) {
        this.json = json;
        this.maxSize = properties.cloud().maxRequestBodySize();
    }

    public JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return NullNode.getInstance();
        }
        if (body.length > maxSize) {
            throw tooLarge(maxSize);
        }
        try {
            return json.readTree(body);
        } catch (JacksonException malformed) {
            throw CinderException.badRequest("Malformed request body");
        }
    }

    public JsonNode parse(byte[] body, JsonSchema schema) {
        JsonNode parsed = parse(body);
        schema.validate(parsed);
        return parsed;
    }

    public static CinderException tooLarge(int maxSize) {
        return new CinderException(HttpStatus.PAYLOAD_TOO_LARGE,
                "Request is too large. Larger than max_request_body_size (" + maxSize + ").");
    }
}
