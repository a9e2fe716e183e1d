package dev.cinderemulator.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

import org.springframework.web.util.UriUtils;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The path a request is routed by, for decisions taken before routing (who may use the control API,
 * what the journal keeps, which size limit applies). Spring MVC matches the percent-decoded path
 * without {@code ;parameters}, so a decision on the raw request URI could be walked around with
 * {@code /%5Femulator} or {@code /_emulator;x}. This form goes further than the router: empty and
 * dot segments are folded and case is ignored, so every spelling that could reach a route lands on
 * the same decision, and a spelling no route answers gets at worst the stricter one.
 */
public final class RequestPaths {

    private static final String ATTRIBUTE = RequestPaths.class.getName();

    private RequestPaths() {
    }

    /** The request's path, decoded, without parameters and dot or empty segments, in lower case. */
    public static String canonical(HttpServletRequest request) {
        // Asked by several filters of every request (access, journal, limits): worked out once.
        // Keyed by the raw URI too, since CinderUrlLayout hands later filters a rewritten one.
        String raw = request.getRequestURI();
        if (request.getAttribute(ATTRIBUTE) instanceof String[] cached && cached[0].equals(raw)) {
            return cached[1];
        }
        String canonical = canonical(raw);
        request.setAttribute(ATTRIBUTE, new String[] { raw, canonical });
        return canonical;
    }

    /** As {@link #canonical(HttpServletRequest)}, from the raw request URI. */
    public static String canonical(String rawPath) {
        Deque<String> segments = new ArrayDeque<>();
        for (String raw : rawPath.split("/")) {
            int parameters = raw.indexOf(';');
            String segment = decode(parameters >= 0 ? raw.substring(0, parameters) : raw);
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                segments.pollLast();
            } else {
                segments.addLast(segment.toLowerCase(Locale.ROOT));
            }
        }
        return "/" + String.join("/", segments);
    }

    /** Whether the request is for {@code prefix} or anything under it, however the path is spelt. */
    public static boolean isUnder(HttpServletRequest request, String prefix) {
        String path = canonical(request);
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    private static String decode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        try {
            return UriUtils.decode(segment, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return segment;
        }
    }
}
