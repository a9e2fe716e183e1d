package dev.cinderemulator.identity;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * One of {@code keystone/exception.py}'s errors, rendered as
 * {@code {"error": {"code", "title", "message"}}}. Keystone's security errors (401, 403) never
 * carry the detail a handler passed in, only their fixed text, so their factories take none.
 */
class KeystoneException extends RuntimeException {

    static final String UNAUTHORIZED = "The request you have made requires authentication.";
    private static final String VALIDATION = "Expecting to find %s in %s. The server could not comply with the "
            + "request since it is either malformed or otherwise incorrect. The client is assumed to be in error.";

    private final HttpStatus status;
    private final Map<String, Object> identity;

    private KeystoneException(HttpStatus status, String message, Map<String, Object> identity) {
        super(message, null, false, false);
        this.status = status;
        this.identity = identity;
    }

    private KeystoneException(HttpStatus status, String message) {
        this(status, message, null);
    }

    /** {@code Unauthorized}, whatever the reason: wrong password, unknown user, project or domain, no role. */
    static KeystoneException unauthorized() {
        return new KeystoneException(HttpStatus.UNAUTHORIZED, UNAUTHORIZED);
    }

    /** {@code AuthMethodNotSupported}, which also tells the client which methods it may use. */
    static KeystoneException authMethodNotSupported(List<String> methods) {
        return new KeystoneException(HttpStatus.UNAUTHORIZED, "Attempted to authenticate with an unsupported method.",
                Map.of("methods", methods));
    }

    /** {@code ValidationError(attribute=..., target=...)}. */
    static KeystoneException validation(String attribute, String target) {
        return new KeystoneException(HttpStatus.BAD_REQUEST, VALIDATION.formatted(attribute, target));
    }

    /** {@code SchemaValidationError}, or a {@code ValidationError} built from a bare message. */
    static KeystoneException badRequest(String detail) {
        return new KeystoneException(HttpStatus.BAD_REQUEST, detail);
    }

    static KeystoneException notFound(String message) {
        return new KeystoneException(HttpStatus.NOT_FOUND, message);
    }

    /** {@code ForbiddenAction}: a policy check failed. */
    static KeystoneException forbiddenAction(String action) {
        return new KeystoneException(HttpStatus.FORBIDDEN,
                "You are not authorized to perform the requested action: " + action + ".");
    }

    /** {@code Forbidden}, whose explicit reason Keystone hides outside insecure_debug mode. */
    static KeystoneException forbidden() {
        return new KeystoneException(HttpStatus.FORBIDDEN, "You are not authorized to perform the requested action.");
    }

    static KeystoneException methodNotAllowed() {
        return new KeystoneException(HttpStatus.METHOD_NOT_ALLOWED, "The method is not allowed for the requested URL.");
    }

    static KeystoneException unexpected() {
        return new KeystoneException(HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error prevented the server from fulfilling your request.");
    }

    HttpStatus status() {
        return status;
    }

    Map<String, Object> identity() {
        return identity;
    }
}
