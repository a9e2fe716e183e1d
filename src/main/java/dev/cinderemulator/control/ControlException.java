package dev.cinderemulator.control;

import org.springframework.http.HttpStatus;

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

    HttpStatus status() {
        return status;
    }
}
