package dev.cinderemulator.api;

import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON body of a Cinder fault; {@code retryAfter} appears only on 413s that carry Retry-After. */
public record Fault(String faultName, int code, String message, String retryAfter) {

    public static Fault of(CinderException failure) {
        return new Fault(failure.faultName(), failure.status().value(), failure.getMessage(), failure.retryAfter());
    }

    public Map<String, Object> body() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("code", code);
        inner.put("message", message);
        if (retryAfter != null) {
            inner.put("retryAfter", retryAfter);
        }
        return Map.of(faultName, inner);
    }
}
