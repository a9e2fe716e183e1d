package dev.cinderemulator.control;

import java.time.Duration;

import org.springframework.boot.convert.DurationStyle;

/** Durations as the control API takes them: ISO-8601 ({@code PT2S}) or Spring's short form ({@code 500ms}, {@code 2s}, {@code 1h}). */
final class Durations {

    private Durations() {
    }

    static Duration parse(String field, String text) {
        try {
            return DurationStyle.detectAndParse(text.trim());
        } catch (RuntimeException malformed) {
            throw ControlException.badRequest(field + ": '" + text
                    + "' is not a duration (ISO-8601 such as PT2S, or 500ms, 2s, 1m, 1h)");
        }
    }
}
