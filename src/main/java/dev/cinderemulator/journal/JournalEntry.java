package dev.cinderemulator.journal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One journalled request, as {@code GET /_emulator/requests} shows it. Every part is size-capped. */
public record JournalEntry(long id, Instant timestamp, String requestId, String method, String path, String query,
        Map<String, String> headers, String body, boolean bodyTruncated, int status, long durationMs) {

    public Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", id);
        view.put("timestamp", timestamp.toString());
        view.put("request_id", requestId);
        view.put("method", method);
        view.put("path", path);
        view.put("query", query);
        view.put("headers", headers);
        view.put("body", body);
        view.put("body_truncated", bodyTruncated);
        view.put("status", status);
        view.put("duration_ms", durationMs);
        return view;
    }

    /** Path substring, method, and status as {@code 404} or a class such as {@code 4xx}; null matches all. */
    boolean matches(String pathPart, String methodName, String statusText) {
        return (pathPart == null || path.contains(pathPart))
                && (methodName == null || method.equalsIgnoreCase(methodName))
                && (statusText == null || statusMatches(statusText));
    }

    private boolean statusMatches(String statusText) {
        String text = statusText.toLowerCase();
        if (text.length() == 3 && text.endsWith("xx")) {
            return String.valueOf(status).charAt(0) == text.charAt(0);
        }
        return String.valueOf(status).equals(text);
    }
}
