package dev.cinderemulator.journal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTests {

    @Test
    void tokenHeadersAreMaskedWhateverTheirCase() {
        assertThat(Masking.header("x-auth-token", "abc")).isEqualTo("***");
        assertThat(Masking.header("X-Subject-Token", "abc")).isEqualTo("***");
        assertThat(Masking.header("OpenStack-API-Version", "volume 3.0")).isEqualTo("volume 3.0");
    }

    @Test
    void passwordStringsAreMaskedButThePasswordMethodObjectIsSearched() {
        String masked = Masking.body("{\"auth\": {\"identity\": {\"methods\": [\"password\"], \"password\": "
                + "{\"user\": {\"name\": \"demo\", \"password\": \"s3cret\"}}}}}", true);

        assertThat(masked).doesNotContain("s3cret").contains("\"password\":\"***\"").contains("\"name\":\"demo\"");
    }

    @Test
    void truncatedBodiesAreMaskedAsText() {
        assertThat(Masking.body("{\"auth\": {\"password\": \"s3cr", false)).isEqualTo(
                "{\"auth\": {\"password\": \"***\"");
        assertThat(Masking.body("{\"application_credential\": {\"secret\": \"x\\\"y\"}}", false))
                .isEqualTo("{\"application_credential\": {\"secret\": \"***\"}}");
    }

    @Test
    void aLongSecretInATruncatedBodyIsMaskedWithoutOverflowingTheStack() {
        String secret = "a".repeat(100_000) + "\\\"" + "b".repeat(100_000);

        assertThat(Masking.body("{\"auth\": {\"secret\": \"" + secret, false)).isEqualTo(
                "{\"auth\": {\"secret\": \"***\"");
    }

    @Test
    void bodiesWithoutSecretsStayAsSent() {
        assertThat(Masking.body("{\"volume\": {\"size\": 1}}", true)).isEqualTo("{\"volume\": {\"size\": 1}}");
    }
}
