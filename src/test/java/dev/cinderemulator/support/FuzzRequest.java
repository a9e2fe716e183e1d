package dev.cinderemulator.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** One generated request as bytes on the wire, described readably for a failure message. */
public record FuzzRequest(String method, String target, List<String> headers, byte[] body, String about) {

    public FuzzRequest withTarget(String otherTarget, String why) {
        return new FuzzRequest(method, otherTarget, headers, body, about + ", " + why);
    }

    public FuzzRequest withHeader(String header) {
        List<String> more = new ArrayList<>(headers);
        more.add(header);
        return new FuzzRequest(method, target, more, body, about);
    }

    /** The request line and headers, CRLF-separated, without the blank line. */
    public byte[] head() {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        head.writeBytes((method + " " + target + " HTTP/1.1\r\nHost: localhost").getBytes(StandardCharsets.UTF_8));
        for (String header : headers) {
            // Header values go out as UTF-8 bytes: non-ASCII ones arrive as obs-text.
            head.writeBytes(("\r\n" + header).getBytes(StandardCharsets.UTF_8));
        }
        if (body != null) {
            head.writeBytes(("\r\nContent-Length: " + body.length).getBytes(StandardCharsets.US_ASCII));
        }
        return head.toByteArray();
    }

    /** The answer; a broken or unreadable one fails as this request's. */
    public RawHttp.Answer sendOn(RawHttp.Connection connection) {
        try {
            return connection.send(method, head(), body);
        } catch (IOException | RuntimeException broken) {
            throw new AssertionError("No readable answer to " + this + ": " + broken, broken);
        }
    }

    @Override
    public String toString() {
        String shownBody = body == null ? "-" : body.length > 300 ? body.length + " bytes: "
                + new String(body, 0, 300, StandardCharsets.UTF_8) + "..." : new String(body, StandardCharsets.UTF_8);
        String shownTarget = target.length() > 300 ? target.substring(0, 300) + "...(" + target.length() + ")"
                : target;
        return method + " " + shownTarget + " " + headers + " body=" + shownBody + " (" + about + "; "
                + FuzzRandom.replay() + ")";
    }
}
