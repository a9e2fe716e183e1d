package dev.cinderemulator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The checks before the start, each problem one line naming the property and what it accepts. */
class ConfigurationChecksTests {

    private static InvalidConfiguration refused(String... args) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        SpringApplication application = new SpringApplication();
        application.setWebApplicationType(WebApplicationType.SERVLET);
        try {
            new ConfigurationChecks().check(environment, application);
        } catch (InvalidConfiguration invalid) {
            return invalid;
        }
        return null;
    }

    @Test
    void aNegativeJournalSizeNamesThePropertyAndTheRange() {
        assertThat(refused("--server.port=0", "--emulator.journal.size=-1").problems())
                .containsExactly("emulator.journal.size: must be between 0 (off) and 100000, got '-1'");
    }

    @Test
    void aMisspeltKeyIsRefusedWithTheNearestKnownOne() {
        assertThat(refused("--server.port=0", "--emulator.timing.backup-creat=5s").problems()).containsExactly(
                "emulator.timing.backup-creat: no such property (did you mean emulator.timing.backup-create?)");
    }

    @Test
    void anUnknownAuthModeListsTheModesInLowerCase() {
        assertThat(refused("--server.port=0", "--emulator.auth.mode=foo").problems())
                .containsExactly("emulator.auth.mode: 'foo' is not one of keystone, noauth");
    }

    @Test
    void authModesAreAcceptedInAnyCase() {
        assertThat(refused("--server.port=0", "--emulator.auth.mode=NoAuth")).isNull();
        assertThat(refused("--server.port=0", "--emulator.auth.mode=KEYSTONE")).isNull();
    }

    @Test
    void aMissingFixtureLocationIsRefusedBeforeTheStart() {
        assertThat(refused("--server.port=0", "--emulator.fixtures=/no/such/place").problems()).singleElement()
                .asString().startsWith("emulator.fixtures: /no/such/place does not exist");
    }

    @Test
    void aPortInUseIsRefusedBeforeTheStart() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            assertThat(refused("--server.port=" + taken.getLocalPort()).problems()).singleElement().asString()
                    .startsWith("server.port: port " + taken.getLocalPort() + " is already in use");
        }
    }

    @Test
    void everyProblemIsOneLine() {
        assertThat(refused("--server.port=0", "--emulator.quotas.backups=-5", "--emulator.timing.backup-create=-2s",
                "--emulator.cloud.region=").problems()).containsExactlyInAnyOrder(
                        "emulator.quotas.backups: must be -1 (unlimited) or a limit of 0 or more, got '-5'",
                        "emulator.timing.backup-create: must be a duration of 0 or more, such as 2s, 500ms or PT1M, "
                                + "got '-2s'",
                        "emulator.cloud.region: must not be empty, got ''");
    }

    @Test
    void theDefaultsPass() {
        assertThat(refused("--server.port=0")).isNull();
    }

    @Test
    void aValueOfTheWrongTypeSaysWhatIsExpected() {
        assertThatThrownBy(() -> {
            throw refused("--server.port=0", "--emulator.journal.size=x");
        }).isInstanceOf(InvalidConfiguration.class).hasMessage("emulator.journal.size: 'x' is not a whole number");
        assertThat(refused("--server.port=0", "--emulator.timing.backup-create=soon").problems())
                .containsExactly("emulator.timing.backup-create: 'soon' is not a duration such as 2s, 500ms, 1m or PT1H");
    }

    @Test
    void environmentVariablesOfScriptsAroundTheEmulatorAreNoConfiguration() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("systemEnvironment",
                Map.of("EMULATOR_JAR", "target/x.jar", "EMULATOR_JAVA_OPTS", "", "SERVER_PORT", "0")));
        SpringApplication application = new SpringApplication();
        application.setWebApplicationType(WebApplicationType.SERVLET);

        new ConfigurationChecks().check(environment, application);
    }
}
