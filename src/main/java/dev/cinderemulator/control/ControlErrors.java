package dev.cinderemulator.control;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The control API's error body, {@code {"error": {"code", "title", "message"}}} (Keystone's shape,
 * not a Cinder fault: this API is the emulator's own). Invalid input is a 400 that says which
 * field is wrong; the emulator's state is unchanged.
 */
@RestControllerAdvice(assignableTypes = { ControlRoutes.class, ClientSetupRoutes.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class ControlErrors {

    private static final Log LOG = LogFactory.getLog(ControlErrors.class);

    @ExceptionHandler(ControlException.class)
    ResponseEntity<Map<String, Object>> refused(ControlException failure) {
        return body(failure.status(), failure.getMessage());
    }

    /** The validators of the fault, journal and timing packages say what is wrong this way. */
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, Object>> invalid(IllegalArgumentException failure) {
        return body(HttpStatus.BAD_REQUEST, failure.getMessage());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, Object>> missing(MissingServletRequestParameterException failure) {
        return body(HttpStatus.BAD_REQUEST, failure.getParameterName() + ": required query parameter");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> mistyped(MethodArgumentTypeMismatchException failure) {
        return body(HttpStatus.BAD_REQUEST, failure.getName() + ": '" + failure.getValue() + "' is not valid here");
    }

    /** A Content-Type that is not a media type at all ({@code a/b/c}, {@code ;;;}): the request's fault. */
    @ExceptionHandler({ InvalidMediaTypeException.class, HttpMediaTypeNotSupportedException.class })
    ResponseEntity<Map<String, Object>> mediaType(Exception failure) {
        return body(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type: not a media type this route reads");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception failure) {
        LOG.error("Unexpected failure in the control API", failure);
        return body(HttpStatus.INTERNAL_SERVER_ERROR, "The emulator failed unexpectedly: " + failure);
    }

    static ResponseEntity<Map<String, Object>> body(HttpStatus status, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", status.value());
        error.put("title", status.getReasonPhrase());
        error.put("message", message);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("error", error));
    }
}
