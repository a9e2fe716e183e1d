package dev.cinderemulator.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import dev.cinderemulator.auth.Credentials;
import dev.cinderemulator.auth.TokenValidator;
import dev.cinderemulator.config.EmulatorProperties;
import tools.jackson.databind.json.JsonMapper;

/** The access rule of {@code /_emulator}, without Spring: who is let in, from where, with which token. */
class ControlAccessTests {

    private static final TokenValidator KEYSTONE = token -> switch (token) {
        case "admin-token" -> Optional.of(new Credentials("u1", "admin", "p1", "admin", Set.of("admin", "member")));
        case "demo-token" -> Optional.of(new Credentials("u2", "demo", "p2", "demo", Set.of("member")));
        default -> Optional.empty();
    };

    @Test
    void loopbackCallersNeedNoToken() {
        ControlAccessFilter filter = filter("keystone", false);

        assertThat(filter.allowed("127.0.0.1", null)).isTrue();
        assertThat(filter.allowed("127.8.9.10", null)).isTrue();
        assertThat(filter.allowed("0:0:0:0:0:0:0:1", "demo-token")).isTrue();
        assertThat(filter.allowed("::1", null)).isTrue();
    }

    @Test
    void remoteCallersNeedAnAdminToken() {
        ControlAccessFilter filter = filter("keystone", false);

        assertThat(filter.allowed("10.1.2.3", null)).isFalse();
        assertThat(filter.allowed("10.1.2.3", "demo-token")).isFalse();
        assertThat(filter.allowed("10.1.2.3", "forged")).isFalse();
        assertThat(filter.allowed("10.1.2.3", "admin-token")).isTrue();
        assertThat(filter.allowed("localhost", null)).as("names are never resolved").isFalse();
    }

    @Test
    void inNoauthModeEveryTokenIsAdminAsInCinder() {
        ControlAccessFilter filter = filter("noauth", false);

        assertThat(filter.allowed("192.0.2.7", "anyone:anything")).isTrue();
        assertThat(filter.allowed("192.0.2.7", null)).isFalse();
    }

    @Test
    void anOpenControlApiLetsEveryoneIn() {
        assertThat(filter("keystone", true).allowed("192.0.2.7", null)).isTrue();
    }

    private static ControlAccessFilter filter(String mode, boolean open) {
        EmulatorProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
                "emulator.auth.mode", mode, "emulator.control.open", String.valueOf(open))))
                .bindOrCreate("emulator", Bindable.of(EmulatorProperties.class));
        return new ControlAccessFilter(List.of(KEYSTONE), properties, JsonMapper.builder().build());
    }
}
