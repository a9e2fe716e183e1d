package dev.cinderemulator.console;

import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /_emulator/ui}: the live dashboard, three static files that poll the control API. It sits
 * under {@code /_emulator} so the control API's access rule (loopback, or an admin token) covers it.
 */
@Controller
class DashboardPage {

    private static final CacheControl NO_CACHE = CacheControl.noCache();

    @GetMapping({ "/_emulator/ui", "/_emulator/ui/" })
    ResponseEntity<Resource> page() {
        return file("dashboard.html", new MediaType("text", "html", StandardCharsets.UTF_8));
    }

    @GetMapping("/_emulator/ui/dashboard.js")
    ResponseEntity<Resource> script() {
        return file("dashboard.js", new MediaType("text", "javascript", StandardCharsets.UTF_8));
    }

    @GetMapping("/_emulator/ui/dashboard.css")
    ResponseEntity<Resource> style() {
        return file("dashboard.css", new MediaType("text", "css", StandardCharsets.UTF_8));
    }

    private static ResponseEntity<Resource> file(String name, MediaType type) {
        return ResponseEntity.ok().contentType(type).cacheControl(NO_CACHE)
                .body(new ClassPathResource("console/" + name));
    }
}
