package dev.cinderemulator.journal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.cinderemulator.web.BufferedBodyRequest;
import dev.cinderemulator.web.RequestIds;
import dev.cinderemulator.web.RequestPaths;
import dev.cinderemulator.config.EmulatorProperties;
import dev.cinderemulator.engine.EmulatorClock;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Records every request but the emulator's own ({@code /_emulator}, {@code /actuator}, and the
 * pages people look at: Swagger UI's {@code /openapi/} and {@code /webjars/} files, the favicon) as
 * the client sent it, before the Cinder filter folds the URL, and times it end to end (injected
 * latency included).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class JournalFilter extends OncePerRequestFilter {

    private static final int MAX_TEXT = 2048;

    private final RequestJournal journal;
    private final EmulatorClock clock;
    private final int maxBodyBytes;

    JournalFilter(RequestJournal journal, EmulatorClock clock, EmulatorProperties properties) {
        this.journal = journal;
        this.clock = clock;
        this.maxBodyBytes = Math.max(0, properties.journal().maxBodyBytes());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !journal.isOn() || RequestPaths.isUnder(request, "/_emulator")
                || RequestPaths.isUnder(request, "/actuator") || RequestPaths.isUnder(request, "/openapi")
                || RequestPaths.isUnder(request, "/webjars") || RequestPaths.isUnder(request, "/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long started = System.nanoTime();
        BufferedBodyRequest buffered = BufferedBodyRequest.of(request, maxBodyBytes);
        int status = 500;
        try {
            chain.doFilter(buffered, response);
            status = response.getStatus();
        } finally {
            journal.record(entry(buffered, status, (System.nanoTime() - started) / 1_000_000));
        }
    }

    private JournalEntry entry(BufferedBodyRequest request, int status, long durationMs) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            String value = String.join(", ", Collections.list(request.getHeaders(name)));
            headers.put(name, cut(Masking.header(name, value)));
        }
        byte[] head = request.head();
        boolean truncated = !request.isComplete() || head.length > maxBodyBytes;
        String body = new String(head, 0, Math.min(head.length, maxBodyBytes), StandardCharsets.UTF_8);
        return new JournalEntry(journal.nextId(), clock.instant(), RequestIds.current(request), request.getMethod(),
                cut(request.getRequestURI()), request.getQueryString() == null ? null : cut(Masking.query(request.getQueryString())),
                headers, Masking.body(body, !truncated), truncated, status, durationMs);
    }

    private static String cut(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }
}
