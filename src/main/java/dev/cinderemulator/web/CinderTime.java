package dev.cinderemulator.web;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Cinder's timestamps on the wire: oslo's {@code PERFECT_TIME_FORMAT}, six fraction digits and no
 * zone suffix (gophercloud's parser breaks on a {@code Z}).
 */
public final class CinderTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");

    private CinderTime() {
    }

    public static String format(LocalDateTime time) {
        return time == null ? null : FORMAT.format(time);
    }

    public static LocalDateTime parse(String text) {
        return LocalDateTime.parse(text.endsWith("Z") ? text.substring(0, text.length() - 1) : text);
    }
}
