package dev.cinderemulator.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

class FaultTests {

    @Test
    void filtersWriteTheCompactFaultWithRetryAfterInHeaderAndOnlyOverLimitBody() throws Exception {
        MockHttpServletResponse overLimit = new MockHttpServletResponse();
        Fault.of(413, "Quota exceeded", "0").write(overLimit);
        assertThat(overLimit.getStatus()).isEqualTo(413);
        assertThat(overLimit.getHeader("Retry-After")).isEqualTo("0");
        assertThat(overLimit.getContentAsString())
                .isEqualTo("{\"overLimit\":{\"code\":413,\"message\":\"Quota exceeded\",\"retryAfter\":\"0\"}}");

        MockHttpServletResponse unavailable = new MockHttpServletResponse();
        Fault.of(503, "down", "30").write(unavailable);
        assertThat(unavailable.getHeader("Retry-After")).isEqualTo("30");
        assertThat(unavailable.getContentAsString())
                .isEqualTo("{\"serviceUnavailable\":{\"code\":503,\"message\":\"down\"}}");
    }

    @Test
    void tomcatLevelFaultsKeepPythonsSpacing() {
        assertThat(new String(Fault.ofContainerStatus(400).pythonSpacedBytes(), StandardCharsets.UTF_8))
                .isEqualTo("{\"badRequest\": {\"code\": 400, \"message\": \"Malformed request url\"}}");
        assertThat(new String(Fault.ofContainerStatus(405).pythonSpacedBytes(), StandardCharsets.UTF_8))
                .isEqualTo("{\"badMethod\": {\"code\": 405, \"message\": \"The resource could not be found.\"}}");
    }

    @Test
    void unnamedCodesAreComputeFaults() {
        assertThat(Fault.ofContainerStatus(502).faultName()).isEqualTo("computeFault");
        assertThat(Fault.ofContainerStatus(502).message()).isEqualTo(Fault.INTERNAL_ERROR);
    }
}
