package dev.cinderemulator.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** What a {@link CinderEmulator} derives from its address and auth mode, without an emulator running. */
class CinderEmulatorTests {

    private static CinderEmulator at(String base, CinderEmulator.AuthMode mode) {
        return new CinderEmulator() {
            @Override
            public URI baseUrl() {
                return URI.create(base);
            }

            @Override
            public AuthMode authMode() {
                return mode;
            }
        };
    }

    @Test
    void keystoneModeGivesAPasswordLogin() {
        CinderEmulator emulator = at("http://localhost:8776", CinderEmulator.AuthMode.KEYSTONE);

        assertThat(emulator.authUrl()).isEqualTo("http://localhost:8776/keystone/v3");
        assertThat(emulator.cinderUrl()).isEqualTo("http://localhost:8776/v3");
        assertThat(emulator.controlUrl()).isEqualTo("http://localhost:8776/_emulator");
        assertThat(emulator.cloudConfig(EmulatorUser.ADMIN)).containsEntry("auth_type", "password")
                .containsEntry("auth", Map.of("auth_url", "http://localhost:8776/keystone/v3", "username", "admin",
                        "password", "admin", "project_name", "admin", "user_domain_name", "Default",
                        "project_domain_name", "Default"));
    }

    @Test
    void noauthModeGivesCinderclientsNoauthPluginAndUserProjectTokens() {
        CinderEmulator emulator = at("http://127.0.0.1:9000", CinderEmulator.AuthMode.NOAUTH);

        assertThat(emulator.cloudConfig()).containsEntry("auth_type", "noauth").containsEntry("auth",
                Map.of("user_id", "demo", "project_id", "7771d6a2ef9dfb630162d6417c5c47b5", "endpoint",
                        "http://127.0.0.1:9000/v3"));
        assertThat(emulator.token(EmulatorUser.ALT_DEMO)).isEqualTo("alt_demo:0addd598fee8410c05125b01e0ebb49c");
    }

    @Test
    void theCloudsYamlTextQuotesEveryValue() {
        String yaml = at("http://localhost:8776", CinderEmulator.AuthMode.KEYSTONE).cloudsYamlText();

        assertThat(yaml).startsWith("clouds:\n  emulator:\n    auth_type: \"password\"\n    auth:\n"
                + "      auth_url: \"http://localhost:8776/keystone/v3\"\n      username: \"demo\"\n")
                .contains("\n  emulator-admin:\n").contains("    volume_api_version: \"3.64\"\n");
    }

    @Test
    void controlCallsToNothingFailWithTheAddress() {
        CinderEmulator nowhere = at("http://127.0.0.1:1", CinderEmulator.AuthMode.KEYSTONE);

        assertThatThrownBy(() -> nowhere.advanceClock(Duration.ofSeconds(1)))
                .hasMessageContaining("POST http://127.0.0.1:1/_emulator/clock/advance failed");
    }
}
