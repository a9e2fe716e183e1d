package dev.cinderemulator.web;

import static dev.cinderemulator.support.ControlApi.control;
import static dev.cinderemulator.support.ControlApi.malformedControl;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.cinderemulator.support.RawHttp;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Every surface, not only Cinder's routes, is bounded: body sizes, the time a body may take to
 * arrive, how many bodies are read at once, the size of a request line and its headers, and the
 * token and fault-rule tables. The limits are set low here so that they are reached quickly.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "emulator.limits.body-read-timeout=1s", "emulator.limits.concurrent-body-reads=2",
        "emulator.limits.fixtures-body-size=64KB", "emulator.limits.tokens=5", "emulator.limits.fault-rules=3",
        "server.tomcat.connection-timeout=2s" })
class SurfaceLimitsAcceptanceTests {

    private static final String BIG = "x".repeat(200 * 1024);

    @LocalServerPort
    int port;

    @AfterEach
    void clearFaults() {
        control(port).delete("/_emulator/faults").then().statusCode(204);
    }

    @Test
    void aHugeKeystoneLoginIsRefusedWithoutBeingRead() {
        given().port(port).contentType(ContentType.JSON).body("{\"auth\": \"" + BIG + "\"}")
                .post("/keystone/v3/auth/tokens")
                .then().statusCode(413)
                .body("error.code", equalTo(413))
                .body("error.title", equalTo("Request Entity Too Large"))
                .body("error.message", equalTo("Request is too large. Larger than max_request_body_size (114688)."));
    }

    @Test
    void aHugeControlRequestIsRefusedChunkedOrNot() throws IOException {
        malformedControl(port).body("{\"operation\": \"" + BIG + "\"}").post("/_emulator/faults")
                .then().statusCode(413).body("error.code", equalTo(413));

        RawHttp.Answer chunked = RawHttp.send(port, ("PUT /_emulator/timing HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked").getBytes(StandardCharsets.US_ASCII),
                out -> {
                    byte[] chunk = "x".repeat(16 * 1024).getBytes(StandardCharsets.US_ASCII);
                    for (int i = 0; i < 16; i++) {
                        out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(chunk);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                });
        assertThat(chunked.status()).isEqualTo(413);
        assertThat(JsonPath.from(chunked.text()).getInt("error.code")).isEqualTo(413);
    }

    @Test
    void fixtureDocumentsHaveTheirOwnLimitNamedInTheRefusal() {
        String document = "{\"volumes\": [], \"padding\": \"" + "x".repeat(100 * 1024) + "\"}";

        malformedControl(port).body(document).post("/_emulator/fixtures")
                .then().statusCode(413)
                .body("error.message", equalTo(
                        "Request is too large. Larger than emulator.limits.fixtures-body-size (65536)."));
    }

    @Test
    void aBodyTricklingInIsCutOffAtTheReadDeadline() throws IOException {
        long started = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /keystone/v3/auth/tokens HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            // The client under test: one byte every 200 ms, well inside the per-read timeout, never done.
            for (int sent = 0; sent < 100 && in.available() == 0; sent++) {
                out.write('{');
                out.flush();
                LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
            }
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);

            assertThat(answer).startsWith("HTTP/1.1 408").containsIgnoringCase("Connection: close")
                    .contains("\"code\":408");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void slowSendersCannotTakeEveryWorkerThread() throws IOException {
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                Socket socket = new Socket();
                socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
                socket.setSoTimeout(30_000);
                socket.getOutputStream().write(("POST /_emulator/faults HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{")
                        .getBytes(StandardCharsets.US_ASCII));
                stalled.add(socket);
            }
            RawHttp.Answer third = awaitRefusal();
            assertThat(third.status()).isEqualTo(503);
            assertThat(third.header("Retry-After")).isEqualTo("1");
            given().port(port).get("/actuator/health").then().statusCode(200);

            for (Socket socket : stalled) {
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                assertThat(answer).as("a stalled body ends at the per-read timeout").startsWith("HTTP/1.1 408");
            }
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

    /** The two stalled senders hold both body readers once their bytes have reached the filter. */
    private RawHttp.Answer awaitRefusal() throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            RawHttp.Answer answer = RawHttp.send(port, ("PUT /_emulator/requests/settings HTTP/1.1\r\n"
                    + "Host: localhost\r\nContent-Type: application/json\r\nContent-Length: 14")
                    .getBytes(StandardCharsets.US_ASCII), "{\"size\": 1000}".getBytes(StandardCharsets.US_ASCII));
            if (answer.status() != 200 || System.nanoTime() - deadline > 0) {
                return answer;
            }
        }
    }

    @Test
    void anOversizedHeaderIs431AndAnOversizedUrlIs414() throws IOException {
        RawHttp.Answer header = RawHttp.send(port, ("GET /v3/backups HTTP/1.1\r\nHost: localhost\r\nX-Big: "
                + "a".repeat(64 * 1024)).getBytes(StandardCharsets.US_ASCII), (byte[]) null);
        assertThat(header.status()).isEqualTo(431);
        assertThat(header.text()).contains("\"code\": 431");

        RawHttp.Answer url = RawHttp.send(port, ("GET /v3/" + "a".repeat(70_000) + " HTTP/1.1\r\nHost: localhost")
                .getBytes(StandardCharsets.US_ASCII), (byte[]) null);
        assertThat(url.status()).isEqualTo(414);

        RawHttp.Answer keystone = RawHttp.send(port, ("GET /keystone/v3 HTTP/1.1\r\nHost: localhost\r\nX-Big: "
                + "a".repeat(64 * 1024)).getBytes(StandardCharsets.US_ASCII), (byte[]) null);
        assertThat(keystone.status()).isEqualTo(431);
        assertThat(JsonPath.from(keystone.text()).getInt("error.code")).isEqualTo(431);
    }

    @Test
    void theFaultRuleTableIsBounded() {
        for (int i = 0; i < 3; i++) {
            control(port).body("{\"operation\": \"backup.list\", \"action\": \"http\", \"status\": 503}")
                    .post("/_emulator/faults").then().statusCode(201);
        }
        control(port).body("{\"operation\": \"backup.list\", \"action\": \"http\", \"status\": 503}")
                .post("/_emulator/faults")
                .then().statusCode(400)
                .body("error.message", startsWith("At most 3 fault rules at once (emulator.limits.fault-rules)"));
    }

    @Test
    void theTokenTableIsBoundedOldestFirst() {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tokens.add(given().port(port).contentType(ContentType.JSON).body("""
                    {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "demo",
                      "domain": {"name": "Default"}, "password": "demo"}}}}}""")
                    .post("/keystone/v3/auth/tokens").then().statusCode(201).extract().header("X-Subject-Token"));
        }
        String newest = tokens.get(7);
        for (int i = 0; i < 8; i++) {
            int expected = i < 3 ? 404 : 200;
            given().port(port).header("X-Auth-Token", newest).header("X-Subject-Token", tokens.get(i))
                    .get("/keystone/v3/auth/tokens").then().statusCode(expected);
        }
    }
}
