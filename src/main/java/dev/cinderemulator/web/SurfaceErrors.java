package dev.cinderemulator.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refusals written before any controller is chosen, in the shape of the surface the path belongs
 * to: Cinder's fault on Cinder's paths, Keystone's {@code {"error": {"code", "title", "message"}}}
 * elsewhere (the control API shares it).
 */
public final class SurfaceErrors {

    /** Keystone's titles are werkzeug's exception names, some of which HTTP has since renamed. */
    private static final Map<Integer, String> WERKZEUG_TITLES = Map.of(413, "Request Entity Too Large",
            414, "Request URI Too Large");

    private SurfaceErrors() {
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws IOException {
        if (isCinder(request.getRequestURI())) {
            Fault.of(status, message, null).write(response);
            return;
        }
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write(keystoneShaped(status, message));
    }

    /**
     * Everything on the emulator's port is Cinder's but Keystone ({@code /keystone}) and the
     * control API ({@code /_emulator}), however spelt, where the path leads or where it starts
     * ({@code /_emulator/..} is refused as the control API's); a request line not even parsed is
     * Cinder's too.
     */
    static boolean isCinder(String rawPath) {
        if (rawPath == null) {
            return true;
        }
        String path = RequestPaths.canonical(rawPath);
        String written = RequestPaths.canonical(firstSegment(rawPath));
        return !(under(path, "/keystone") || under(path, "/_emulator") || under(written, "/keystone")
                || under(written, "/_emulator"));
    }

    private static String firstSegment(String rawPath) {
        String[] segments = rawPath.split("/", 3);
        return segments.length > 1 ? "/" + segments[1] : "/";
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    private static String title(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }

    static byte[] keystoneShaped(int status, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", status);
        error.put("title", WERKZEUG_TITLES.getOrDefault(status, title(status)));
        error.put("message", message);
        return JsonMapper.shared().writeValueAsBytes(Map.of("error", error));
    }
}
