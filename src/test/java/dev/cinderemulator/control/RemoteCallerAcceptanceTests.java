package dev.cinderemulator.control;

import static dev.cinderemulator.support.ControlApi.control;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.io.IOException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.cinderemulator.support.RawHttp;
import dev.cinderemulator.support.RemotePeer;
import io.restassured.path.json.JsonPath;

/**
 * The control API from a caller that is not on loopback, in the default keystone mode with the
 * control API closed: however the path is spelt, a caller without an admin token is refused and
 * nothing happens. The caller really is remote to the emulator: its requests leave from one of the
 * machine's own non-loopback addresses.
 */
class RemoteCallerAcceptanceTests {

    private static final String REFUSAL = ControlAccessFilter.REFUSAL;

    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    @Nested
    class DefaultDeployment {

        @LocalServerPort
        int port;

        @AfterEach
        void clearFaults() {
            control(port).delete("/_emulator/faults").then().statusCode(204);
        }

        @ParameterizedTest
        @ValueSource(strings = { "GET /_emulator/timing", "GET /%5Femulator/timing", "GET /%5femulator/timing",
                "GET /_emulator;x/timing", "GET /_emulator/timing;x", "GET /_emulator/%74iming",
                "PUT /%5Femulator/timing", "GET /_emulator;x/requests", "GET /_EMULATOR/timing",
                "GET /_emulator//timing", "GET /_emulator/./timing", "GET /x/../_emulator/timing",
                "GET //_emulator/requests", "POST /%5Femulator/reset", "POST /_emulator;x/reset",
                "DELETE /%5Femulator/faults", "POST /%5F%65mulator/clock/advance?by=1h" })
        void everySpellingOfAControlPathIsRefusedWithoutAToken(String request) throws IOException {
            control(port).body("{\"operation\": \"backup.list\", \"action\": \"http\", \"status\": 503}")
                    .post("/_emulator/faults").then().statusCode(201);
            String offsetBefore = control(port).get("/_emulator/clock").then().extract().path("offset");
            control(port).body("{\"backup-create\": \"PT2S\"}").put("/_emulator/timing").then().statusCode(200);

            RawHttp.Answer answer = RemotePeer.any().send(port,
                    request + " HTTP/1.1\r\nHost: emulator\r\nContent-Type: application/json",
                    request.startsWith("PUT") ? "{\"backup-create\": \"manual\"}" : null);

            assertThat(answer.status()).as(request).isEqualTo(403);
            assertThat(JsonPath.from(answer.text()).getString("error.message")).isEqualTo(REFUSAL);
            control(port).get("/_emulator/faults").then().body("faults", hasSize(1));
            control(port).get("/_emulator/timing").then().body("backup-create", equalTo("PT2S"));
            control(port).get("/_emulator/clock").then().body("offset", equalTo(offsetBefore));
        }

        @Test
        void aForwardedForHeaderDoesNotMakeARemoteCallerLocal() throws IOException {
            RawHttp.Answer answer = RemotePeer.any().send(port,
                    "GET /_emulator/timing HTTP/1.1\r\nHost: emulator\r\nX-Forwarded-For: 127.0.0.1", null);

            assertThat(answer.status()).isEqualTo(403);
        }
    }

    /**
     * Spring Boot turns on Tomcat's forwarded-header handling by itself when it detects Kubernetes,
     * trusting {@code X-Forwarded-For} from pod-network addresses; the emulator names its strategy
     * ({@code server.forward-headers-strategy: none}) so a caller cannot claim to be on loopback.
     */
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
            "spring.main.cloud-platform=kubernetes" })
    @Nested
    class OnKubernetes {

        @LocalServerPort
        int port;

        @Test
        void aCallerOnThePodNetworkCannotClaimToBeOnLoopback() throws IOException {
            RawHttp.Answer answer = RemotePeer.privateNetwork().send(port,
                    "POST /_emulator/reset HTTP/1.1\r\nHost: emulator\r\nX-Forwarded-For: 127.0.0.1\r\n"
                            + "X-Forwarded-Proto: https",
                    null);

            assertThat(answer.status()).isEqualTo(403);
        }
    }
}
