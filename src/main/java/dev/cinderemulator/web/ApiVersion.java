package dev.cinderemulator.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Cinder microversion ({@code cinder/api/openstack/api_version_request.py}): 3.0 up to 3.71, the
 * maximum from 2024.1 through current master.
 */
public record ApiVersion(int major, int minor) implements Comparable<ApiVersion> {

    public static final ApiVersion MIN = new ApiVersion(3, 0);
    public static final ApiVersion MAX = new ApiVersion(3, 71);

    private static final Pattern FORMAT = Pattern.compile("^([1-9]\\d*)\\.([1-9]\\d*|0)$");

    /** Parses "X.Y" or "latest" exactly as Cinder does; anything else is {@code InvalidAPIVersionString}. */
    public static ApiVersion parse(String text) {
        if ("latest".equals(text)) {
            return MAX;
        }
        Matcher matcher = FORMAT.matcher(text);
        if (!matcher.matches()) {
            throw CinderException.badRequest("API Version String " + text
                    + " is of invalid format. Must be of format MajorNum.MinorNum.");
        }
        try {
            return new ApiVersion(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
        } catch (NumberFormatException tooLarge) {
            throw CinderException.badRequest("API Version String " + text
                    + " is of invalid format. Must be of format MajorNum.MinorNum.");
        }
    }

    public boolean isSupported() {
        return compareTo(MIN) >= 0 && compareTo(MAX) <= 0;
    }

    public boolean atLeast(int minor) {
        return major > 3 || (major == 3 && this.minor >= minor);
    }

    /**
     * Cinder's {@code _is_legacy_endpoint} looks for the substrings "1.0" and "2.0" in the version,
     * so 3.10 and 3.20 responses carry no {@code OpenStack-API-Version} header. Kept bug for bug.
     */
    public boolean looksLegacy() {
        String text = toString();
        return text.contains("1.0") || text.contains("2.0");
    }

    @Override
    public int compareTo(ApiVersion other) {
        return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
