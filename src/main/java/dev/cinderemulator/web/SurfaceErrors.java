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

    private SurfaceErrors() {
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws IOException {
        String path = request.getRequestURI();
        if (path == null || CinderUrlLayout.isCinderPath(path)) {
            Fault.of(status, message, null).write(response);
            return;
        }
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write(keystoneShaped(status, message));
    }

    static byte[] keystoneShaped(int status, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", status);
        HttpStatus known = HttpStatus.resolve(status);
        error.put("title", known == null ? "Error" : known.getReasonPhrase());
        error.put("message", message);
        return JsonMapper.shared().writeValueAsBytes(Map.of("error", error));
    }
}
