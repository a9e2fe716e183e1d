package dev.cinderemulator.identity;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Keystone's {@code _handle_keystone_exception} for the {@code /keystone} controllers: every failure
 * is {@code {"error": {"code", "title", "message"}}}, a 401 names where to authenticate in
 * {@code WWW-Authenticate}, and anything unforeseen is {@code UnexpectedError}'s 500 text.
 */
@RestControllerAdvice(basePackageClasses = KeystoneErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class KeystoneErrors {

    private static final Log LOG = LogFactory.getLog(KeystoneErrors.class);

    private final KeystoneUrls urls;

    KeystoneErrors(KeystoneUrls urls) {
        this.urls = urls;
    }

    @ExceptionHandler(KeystoneException.class)
    ResponseEntity<Map<String, Object>> keystone(KeystoneException failure, HttpServletRequest request) {
        return respond(failure, request);
    }

    /**
     * A Content-Type Spring cannot parse ({@code ;}, {@code a/b/c}), met while it reads the token
     * request's body: Keystone's {@code json_body_before_request} refuses every body that is not
     * declared JSON with this 400.
     */
    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> unparsableContentType(HttpMediaTypeNotSupportedException failure,
            HttpServletRequest request) {
        return respond(KeystoneException.validation("application/json", "Content-Type header"), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception failure, HttpServletRequest request) {
        LOG.error("Unexpected failure; answering as Keystone's UnexpectedError does", failure);
        return respond(KeystoneException.unexpected(), request);
    }

    ResponseEntity<Map<String, Object>> respond(KeystoneException failure, HttpServletRequest request) {
        HttpStatus status = failure.status();
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", status.value());
        error.put("title", status.getReasonPhrase());
        error.put("message", failure.getMessage());
        if (failure.identity() != null) {
            error.put("identity", failure.identity());
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (status == HttpStatus.UNAUTHORIZED) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Keystone uri=\"" + urls.v3(request, "") + "\"");
        }
        return new ResponseEntity<>(Map.of("error", error), headers, status);
    }
}
