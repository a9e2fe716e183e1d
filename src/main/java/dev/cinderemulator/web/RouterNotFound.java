package dev.cinderemulator.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What Cinder's router answers for a path no route has, or a method a path lacks: not a Cinder
 * fault but webob's {@code HTTPNotFound} (routes' {@code RoutesMiddleware} finds no match and
 * {@code cinder/api/openstack/__init__.py} returns {@code webob.exc.HTTPNotFound()}). It comes
 * before the API's own wrapping, so it carries only the request id: no {@code OpenStack-API-Version},
 * {@code Vary} or {@code X-Compute-Request-Id}. webob picks its body from the {@code Accept}
 * header ({@code WSGIHTTPException.generate_response}): HTML or JSON, whichever the client ranks
 * higher (HTML when it accepts anything), plain text when it accepts neither. The bytes are
 * webob 1.8's, as a real cinder-api sends them.
 */
final class RouterNotFound {

    static final String JSON = "{\"message\": \"The resource could not be found.<br /><br />\\n\\n\\n\", "
            + "\"code\": \"404 Not Found\", \"title\": \"Not Found\"}";
    static final String HTML = "<html>\n <head>\n  <title>404 Not Found</title>\n </head>\n <body>\n"
            + "  <h1>404 Not Found</h1>\n  The resource could not be found.<br /><br />\n\n\n\n </body>\n</html>";
    static final String PLAIN = "404 Not Found\n\nThe resource could not be found.\n\n   ";

    private static final List<String> OFFERS = List.of("text/html", "application/json");

    private RouterNotFound() {
    }

    /** For the filters that refuse a path before any route is looked for. */
    static void write(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ResponseEntity<byte[]> answer = answer(request, response);
        response.setStatus(answer.getStatusCode().value());
        response.setContentType(answer.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE));
        response.getOutputStream().write(answer.getBody());
    }

    static ResponseEntity<byte[]> answer(HttpServletRequest request, HttpServletResponse response) {
        // Set by the filters that stand for the API's own wrapping, which this answer never reached.
        response.setHeader(MicroversionFilter.API_VERSION_HEADER, null);
        response.setHeader(HttpHeaders.VARY, null);
        response.setHeader("X-Compute-Request-Id", null);
        String type = negotiate(request.getHeader(HttpHeaders.ACCEPT));
        String body = switch (type) {
            case "application/json" -> JSON;
            case "text/html" -> HTML;
            default -> PLAIN;
        };
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .header(HttpHeaders.CONTENT_TYPE,
                        type.equals("application/json") ? type : type + "; charset=UTF-8")
                .body(body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * webob's {@code acceptable_offers(['text/html', 'application/json'])}: each offer gets the
     * quality of the most specific range that matches it; the best quality wins, ties go to the
     * earlier offer; without an {@code Accept} header every offer is acceptable.
     */
    static String negotiate(String accept) {
        if (accept == null) {
            return OFFERS.get(0);
        }
        String best = "text/plain";
        double bestQuality = 0;
        for (String offer : OFFERS) {
            double quality = quality(accept, offer);
            if (quality > bestQuality) {
                best = offer;
                bestQuality = quality;
            }
        }
        return best;
    }

    private static double quality(String accept, String offer) {
        int bestSpecificity = -1;
        double quality = 0;
        for (String range : accept.split(",")) {
            List<String> parts = new ArrayList<>(List.of(range.split(";")));
            String mediaRange = parts.remove(0).trim().toLowerCase(Locale.ROOT);
            double q = 1;
            for (String parameter : parts) {
                String[] pair = parameter.trim().split("=", 2);
                if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("q")) {
                    try {
                        q = Double.parseDouble(pair[1].trim());
                    } catch (NumberFormatException notANumber) {
                        q = 0;
                    }
                }
            }
            int specificity = specificity(mediaRange, offer);
            if (specificity > bestSpecificity) {
                bestSpecificity = specificity;
                quality = q;
            }
        }
        return quality;
    }

    /** 2 for the offer itself, 1 for its {@code type/*}, 0 for {@code *}{@code /*}, -1 for no match. */
    private static int specificity(String mediaRange, String offer) {
        if (mediaRange.equals(offer)) {
            return 2;
        }
        if (mediaRange.equals(offer.substring(0, offer.indexOf('/')) + "/*")) {
            return 1;
        }
        return mediaRange.equals("*/*") ? 0 : -1;
    }
}
