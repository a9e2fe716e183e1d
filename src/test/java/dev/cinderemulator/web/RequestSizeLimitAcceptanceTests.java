package dev.cinderemulator.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.cinderemulator.support.AcceptanceTestSupport;
import dev.cinderemulator.support.RawHttp;

/** The 112 KiB body limit holds however the body arrives, and nothing is read past it. */
class RequestSizeLimitAcceptanceTests extends AcceptanceTestSupport {

    private byte[] head(String method, String path, String... headers) {
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                + "X-Auth-Token: admin:" + project + "\r\nContent-Type: application/json");
        for (String header : headers) {
            head.append("\r\n").append(header);
        }
        return head.toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void aHugeDeclaredLengthIsRefusedBeforeTheBodyIsRead() throws IOException {
        RawHttp.Answer answer = RawHttp.send(port, head("POST", "/v3/backups", "Content-Length: 10737418240"),
                (byte[]) null);
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.text()).contains("\"overLimit\"").contains("Request is too large.");
        assertThat(answer.header("X-OpenStack-Request-Id")).startsWith("req-");
    }

    @Test
    void aChunkedBodyIsCutOffAtTheLimit() throws IOException {
        RawHttp.Answer answer = RawHttp.send(port, head("PUT", "/v3/volumes/x", "Transfer-Encoding: chunked"),
                out -> {
                    byte[] chunk = "x".repeat(16 * 1024).getBytes(StandardCharsets.US_ASCII);
                    out.write("15\r\n{\"volume\": {\"name\": \"\r\n".getBytes(StandardCharsets.US_ASCII));
                    for (int i = 0; i < 64; i++) {
                        out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(chunk);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                });
        assertThat(answer.status()).as(answer.text()).isEqualTo(413);
        assertThat(answer.text()).contains("\"overLimit\"");
    }

    @Test
    void aSmallChunkedBodyIsReadAsUsual() throws IOException {
        byte[] json = "{\"volume\": {\"size\": 1}}".getBytes(StandardCharsets.US_ASCII);
        RawHttp.Answer answer = RawHttp.send(port, head("POST", "/v3/volumes", "Transfer-Encoding: chunked"),
                out -> {
                    out.write((Integer.toHexString(json.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(json);
                    out.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                });
        assertThat(answer.status()).isEqualTo(202);
    }
}
