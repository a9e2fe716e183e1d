package dev.cinderemulator.web;

import org.springframework.http.HttpStatus;

/**
 * A failure Cinder reports as a fault: {@code {"<faultName>": {"code": N, "message": "..."}}}
 * ({@code cinder/api/openstack/wsgi.py} {@code Fault}), rendered by {@link Fault}.
 */
public class CinderException extends RuntimeException {

    private final HttpStatus status;
    private final String retryAfter;

    public CinderException(HttpStatus status, String message) {
        this(status, message, null);
    }

    private CinderException(HttpStatus status, String message, String retryAfter) {
        super(message, null, false, false);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public static CinderException badRequest(String message) {
        return new CinderException(HttpStatus.BAD_REQUEST, message);
    }

    public static CinderException notFound(String message) {
        return new CinderException(HttpStatus.NOT_FOUND, message);
    }

    /** webob's bare {@code HTTPNotFound}, used by Cinder for routes and methods a microversion lacks. */
    public static CinderException resourceNotFound() {
        return notFound("The resource could not be found.");
    }

    /** {@code PolicyNotAuthorized}. */
    public static CinderException policy(String action) {
        return new CinderException(HttpStatus.FORBIDDEN, "Policy doesn't allow " + action + " to be performed.");
    }

    /** Quota errors are {@code safe}, code 413, and always carry {@code Retry-After: 0}. */
    public static CinderException overLimit(String message) {
        return new CinderException(HttpStatus.PAYLOAD_TOO_LARGE, message, "0");
    }

    public static CinderException invalidInput(String reason) {
        return badRequest("Invalid input received: " + reason);
    }

    public HttpStatus status() {
        return status;
    }

    public String retryAfter() {
        return retryAfter;
    }
}
