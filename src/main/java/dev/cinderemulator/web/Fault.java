package dev.cinderemulator.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Cinder fault ({@code cinder/api/openstack/wsgi.py} {@code Fault}) and the one place its JSON
 * is written: {@code {"<faultName>": {"code": N, "message": "..."}}}, the name following from the
 * code. {@code Retry-After} is a header whenever set, and Cinder's {@code OverLimit} (413) is the
 * one fault that repeats it in its body. The advice, every filter, the error controller and
 * Tomcat's error valve all answer through here.
 */
public record Fault(String faultName, int code, String message, String retryAfter) {

    private static final Map<Integer, String> FAULT_NAMES = Map.of(
            400, "badRequest", 401, "unauthorized", 403, "forbidden", 404, "itemNotFound",
            405, "badMethod", 409, "conflictingRequest", 413, "overLimit", 415, "badMediaType",
            501, "notImplemented", 503, "serviceUnavailable");

    static final String INTERNAL_ERROR = "The server has either erred or is incapable of performing the requested "
            + "operation.";

    private static final ObjectWriter COMPACT = JsonMapper.shared().writer();
    /**
     * Python's {@code json.dumps} spacing, which Tomcat-level faults have always used (the
     * Spring-rendered ones are compact); both parse alike.
     */
    private static final ObjectWriter PYTHON_SPACED = JsonMapper.shared().writer()
            .with(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEntrySpacing(Separators.Spacing.AFTER))
                    .withObjectIndenter(new DefaultPrettyPrinter.NopIndenter()));

    public static Fault of(int code, String message, String retryAfter) {
        return new Fault(FAULT_NAMES.getOrDefault(code, "computeFault"), code, message, retryAfter);
    }

    public static Fault of(CinderException failure) {
        return of(failure.status().value(), failure.getMessage(), failure.retryAfter());
    }

    /**
     * What Cinder's router and webob answer for a status the servlet container decided on (no
     * controller saw the request): a bad URL, no such route, or the {@code computeFault} 500 text.
     */
    static Fault ofContainerStatus(int code) {
        HttpStatus status = HttpStatus.resolve(code);
        String message = switch (code) {
            case 400 -> "Malformed request url";
            case 404, 405 -> "The resource could not be found.";
            default -> code >= 500 ? INTERNAL_ERROR : status != null ? status.getReasonPhrase() : "Error " + code;
        };
        return of(code, message, null);
    }

    public Map<String, Object> body() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("code", code);
        inner.put("message", message);
        if (retryAfter != null && code == 413) {
            inner.put("retryAfter", retryAfter);
        }
        return Map.of(faultName, inner);
    }

    /** For controllers and the advice, rendered by Spring's JSON converter. */
    ResponseEntity<Map<String, Object>> toResponseEntity() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (retryAfter != null) {
            headers.set(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        return new ResponseEntity<>(body(), headers, HttpStatus.valueOf(code));
    }

    /** For filters, which answer before any controller is reached. */
    public void write(HttpServletResponse response) throws IOException {
        response.setStatus(code);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        if (retryAfter != null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        COMPACT.writeValue(response.getOutputStream(), body());
    }

    /** For Tomcat's error valve, where the status is already set and only the body is left. */
    byte[] pythonSpacedBytes() {
        return PYTHON_SPACED.writeValueAsString(body()).getBytes(StandardCharsets.UTF_8);
    }
}
