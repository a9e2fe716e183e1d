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
        if (time == null) {
            return null;
        }
        if (time.getYear() < 1000 || time.getYear() > 9999) {
            return FORMAT.format(time);
        }
        // Every list item has three of these: written by hand, ten times cheaper than the formatter.
        char[] text = "0000-00-00T00:00:00.000000".toCharArray();
        digits(text, 0, 4, time.getYear());
        digits(text, 5, 2, time.getMonthValue());
        digits(text, 8, 2, time.getDayOfMonth());
        digits(text, 11, 2, time.getHour());
        digits(text, 14, 2, time.getMinute());
        digits(text, 17, 2, time.getSecond());
        digits(text, 20, 6, time.getNano() / 1000);
        return new String(text);
    }

    private static void digits(char[] text, int from, int width, int value) {
        for (int i = from + width - 1; i >= from; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    public static LocalDateTime parse(String text) {
        return LocalDateTime.parse(text.endsWith("Z") ? text.substring(0, text.length() - 1) : text);
    }
}
