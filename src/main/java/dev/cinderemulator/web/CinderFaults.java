package dev.cinderemulator.web;

import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import dev.cinderemulator.exception.Invalid;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Every failure becomes a Cinder fault. Spring's own failures map to what Cinder's router and WSGI
 * layer answer: an unknown path or a method a route lacks is webob's 404, an unexpected error is
 * the {@code computeFault} 500 text, never a stack trace.
 */
@RestControllerAdvice
class CinderFaults {

    private static final Log LOG = LogFactory.getLog(CinderFaults.class);

    @ExceptionHandler(CinderException.class)
    ResponseEntity<Map<String, Object>> cinder(CinderException failure) {
        return respond(failure);
    }

    /** The domain's refusals ({@code exception.Invalid} and its kin) are 400 {@code badRequest} faults. */
    @ExceptionHandler(Invalid.class)
    ResponseEntity<Map<String, Object>> invalid(Invalid failure) {
        return respond(CinderException.badRequest(failure.getMessage()));
    }

    @ExceptionHandler({ NoResourceFoundException.class, NoHandlerFoundException.class,
            HttpRequestMethodNotSupportedException.class })
    ResponseEntity<?> noRoute(Exception failure, HttpServletRequest request, HttpServletResponse response) {
        if (CinderUrlLayout.Routed.of(request) != null) {
            return RouterNotFound.answer(request, response);
        }
        return respond(CinderException.resourceNotFound());
    }

    /**
     * A body that could not be read ({@link RequestLimits} has refused those too large or too slow).
     * Bodies that are read but not JSON are {@link RequestBodies}' concern.
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException failure) {
        return respond(CinderException.badRequest("Malformed request body"));
    }

    @ExceptionHandler(HttpMediaTypeException.class)
    ResponseEntity<Map<String, Object>> mediaType(Exception failure) {
        return respond(new CinderException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported Content-Type"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception failure) {
        if (ConcurrentUpdates.isConflict(failure)) {
            return conflict(failure);
        }
        LOG.error("Unexpected failure; answering as Cinder's FaultWrapper does", failure);
        return respond(new CinderException(HttpStatus.INTERNAL_SERVER_ERROR, Fault.INTERNAL_ERROR));
    }

    /**
     * Concurrent writes kept on conflicting after {@link ConcurrentUpdates}' retries: nothing of
     * this request was applied, and a 409 {@code conflictingRequest} (Cinder's answer to a
     * request that clashes with the resource's current state) tells the client to try again.
     */
    private static ResponseEntity<Map<String, Object>> conflict(Exception failure) {
        LOG.info("Request still conflicting with concurrent updates after " + ConcurrentUpdates.ATTEMPTS
                + " attempts: " + failure);
        return respond(new CinderException(HttpStatus.CONFLICT,
                "The resource was changed by concurrent requests; nothing was applied. Retry the request."));
    }

    private static ResponseEntity<Map<String, Object>> respond(CinderException failure) {
        return Fault.of(failure).toResponseEntity();
    }
}
