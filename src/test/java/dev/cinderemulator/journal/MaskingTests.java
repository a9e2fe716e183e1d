package dev.cinderemulator.journal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MaskingTests {

    @ParameterizedTest
    @ValueSource(strings = { "x-auth-token", "X-Subject-Token", "X-Storage-Token", "X-Service-Token",
            "Authorization", "Cookie", "X-Auth-Key", "X-Object-Meta-Secret" })
    void tokenAndKeyHeadersAreMaskedWhateverTheirSpelling(String name) {
        assertThat(Masking.header(name, "abc")).isEqualTo("***");
    }

    @Test
    void ordinaryHeadersStay() {
        assertThat(Masking.header("OpenStack-API-Version", "volume 3.0")).isEqualTo("volume 3.0");
        assertThat(Masking.header("Content-Type", "application/json")).isEqualTo("application/json");
    }

    @Test
    void passwordStringsAreMaskedButThePasswordMethodObjectIsSearched() {
        String masked = Masking.body("{\"auth\": {\"identity\": {\"methods\": [\"password\"], \"password\": "
                + "{\"user\": {\"name\": \"demo\", \"password\": \"s3cret\"}}}}}", true);

        assertThat(masked).doesNotContain("s3cret").contains("\"password\":\"***\"").contains("\"name\":\"demo\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"auth\": {\"identity\": {\"methods\": [\"token\"], \"token\": {\"id\": \"gAAAAs3cret\"}}}}",
            "{\"auth\": {\"identity\": {\"methods\": [\"password\"], \"password\": {\"user\": {\"name\": \"demo\", "
                    + "\"passw\\u006frd\": \"s3cret\"}}}}}",
            "{\"auth\": {\"identity\": {\"password\": {\"user\": {\"password\": {\"value\": \"s3cret\"}}}}}}",
            "{\"auth\": {\"identity\": {\"password\": {\"user\": {\"password\": [\"s3cret\"]}}}}}",
            "{\"user\": {\"original_password\": \"s3cret\", \"password\": \"other\"}}",
            "{\"application_credential\": {\"id\": \"x\", \"secret\": \"s3cret\"}}",
            "[{\"Password\": 12345, \"note\": \"a number\"}]" })
    void secretsAreMaskedHoweverTheyAreGiven(String body) {
        String masked = Masking.body(body, true);

        assertThat(masked).doesNotContain("s3cret").doesNotContain("gAAAA").doesNotContain("12345");
    }

    @Test
    void aBodyThatIsNotWholeJsonIsWithheldIfItMentionsASecret() {
        assertThat(Masking.body("{\"auth\": {\"password\": \"s3cr", false)).isEqualTo(Masking.WITHHELD);
        assertThat(Masking.body("{\"auth\": {\"passw\\u006frd\": \"s3cr", false)).isEqualTo(Masking.WITHHELD);
        assertThat(Masking.body("{\"token\": {\"id\": \"gAAAA\"", true)).isEqualTo(Masking.WITHHELD);
        assertThat(Masking.body("{\"volume\": {\"size\": 1", false)).isEqualTo("{\"volume\": {\"size\": 1");
    }

    @Test
    void aLongSecretInATruncatedBodyIsMaskedWithoutOverflowingTheStack() {
        String secret = "a".repeat(100_000) + "\\\"" + "b".repeat(100_000);

        assertThat(Masking.body("{\"auth\": {\"secret\": \"" + secret, false)).isEqualTo(Masking.WITHHELD);
    }

    @Test
    void bodiesWithoutSecretsStayAsSent() {
        assertThat(Masking.body("{\"volume\": {\"size\": 1}}", true)).isEqualTo("{\"volume\": {\"size\": 1}}");
    }

    @Test
    void secretQueryParametersAreMasked() {
        assertThat(Masking.query("name=demo&password=s3cret&x_auth_token=abc&limit=5"))
                .isEqualTo("name=demo&password=***&x_auth_token=***&limit=5");
        assertThat(Masking.query("%70assword=s3cret&%ZZ=1")).isEqualTo("%70assword=***&%ZZ=1");
    }
}
