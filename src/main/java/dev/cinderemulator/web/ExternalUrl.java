package dev.cinderemulator.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The scheme, host and port a client used to reach us, as a proxy-aware OpenStack service sees
 * them: {@code X-Forwarded-Proto} and the last {@code X-Forwarded-Host} win over the socket.
 */
public final class ExternalUrl {

    private ExternalUrl() {
    }

    public static String of(HttpServletRequest request) {
        String scheme = lastValue(request.getHeader("X-Forwarded-Proto"));
        if (scheme == null) {
            scheme = request.getScheme();
        }
        String host = lastValue(request.getHeader("X-Forwarded-Host"));
        if (host == null) {
            host = request.getHeader("Host");
        }
        if (host == null || host.isBlank()) {
            host = request.getServerName() + ":" + request.getServerPort();
        }
        return scheme + "://" + host;
    }

    private static String lastValue(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String[] values = header.split(",");
        return values[values.length - 1].trim();
    }
}
