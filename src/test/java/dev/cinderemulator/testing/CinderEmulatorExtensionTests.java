package dev.cinderemulator.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import dev.cinderemulator.support.CinderClient;
import dev.cinderemulator.support.CinderClient.Answer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The in-process emulator as a user's test sees it: Keystone login, Cinder calls with the JDK's
 * HTTP client, the virtual clock moved through the control API, and a reset (with the fixtures of
 * {@code fixtures/demo.yaml} loaded again) before each test. Its context is the only one it adds.
 */
@CinderEmulatorTest(fixtures = "fixtures/demo.yaml", timings = "backup-create=30m")
class CinderEmulatorExtensionTests {

    private static final String DB_FULL = "6b2f1d4e-8a1c-4f0e-b1d2-000000000001";

    private final CinderEmulator emulator;

    CinderEmulatorExtensionTests(CinderEmulator emulator) {
        this.emulator = emulator;
    }

    @Test
    void aThirtyMinuteBackupIsAvailableOnceTheClockIsAdvanced() {
        CinderClient cinder = new CinderClient(emulator.cinderUrl(), emulator.token(EmulatorUser.DEMO));
        emulator.freezeClock();

        String volume = cinder.post("/volumes", "{\"volume\": {\"size\": 1, \"name\": \"data\"}}").text("/volume/id");
        emulator.advanceClock(Duration.ofSeconds(1));
        assertThat(cinder.get("/volumes/" + volume).text("/volume/status")).isEqualTo("available");

        Answer created = cinder.post("/backups",
                "{\"backup\": {\"volume_id\": \"" + volume + "\", \"name\": \"nightly\"}}");
        assertThat(created.status()).isEqualTo(202);
        String backup = created.text("/backup/id");
        assertThat(cinder.get("/backups/" + backup).text("/backup/status")).isEqualTo("creating");
        assertThat(cinder.get("/volumes/" + volume).text("/volume/status")).isEqualTo("backing-up");

        emulator.advanceClock(Duration.ofMinutes(29));
        assertThat(cinder.get("/backups/" + backup).text("/backup/status")).isEqualTo("creating");
        emulator.advanceClock(Duration.ofMinutes(1));

        assertThat(cinder.get("/backups/" + backup).text("/backup/status")).isEqualTo("available");
        assertThat(cinder.get("/volumes/" + volume).text("/volume/status")).isEqualTo("available");
    }

    @RepeatedTest(2)
    void eachTestStartsFromTheFixturesAlone() {
        CinderClient cinder = new CinderClient(emulator.cinderUrl(), emulator.token(EmulatorUser.DEMO));

        assertThat(names(cinder.get("/volumes").body().at("/volumes"))).containsExactlyInAnyOrder("web-data",
                "db-data");
        assertThat(names(cinder.get("/backups").body().at("/backups"))).containsExactlyInAnyOrder("db-nightly-full",
                "db-nightly-incremental", "web-weekly");
        assertThat(cinder.get("/backups/" + DB_FULL).text("/backup/status")).isEqualTo("available");

        // What this repetition leaves behind, the reset before the next one removes.
        assertThat(cinder.post("/volumes", "{\"volume\": {\"size\": 1, \"name\": \"leftover\"}}").status())
                .isEqualTo(202);
        assertThat(cinder.delete("/backups/" + DB_FULL).status()).isEqualTo(400); // an incremental depends on it
    }

    @Test
    void theCloudConfigLogsInAndItsCatalogPointsAtTheEmulator() throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, String> auth = (Map<String, String>) emulator.cloudConfig().get("auth");
        String login = """
                {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "%s",
                 "domain": {"name": "%s"}, "password": "%s"}}},
                 "scope": {"project": {"name": "%s", "domain": {"name": "%s"}}}}}"""
                .formatted(auth.get("username"), auth.get("user_domain_name"), auth.get("password"),
                        auth.get("project_name"), auth.get("project_domain_name"));

        HttpResponse<String> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(auth.get("auth_url") + "/auth/tokens"))
                        .header("Content-Type", "application/json").POST(BodyPublishers.ofString(login)).build(),
                BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(201);
        JsonNode token = JsonMapper.shared().readTree(answer.body()).at("/token");
        assertThat(token.at("/project/name").asString()).isEqualTo("demo");
        assertThat(token.at("/project/id").asString()).isEqualTo(EmulatorUser.DEMO.projectId());
        List<String> cinderUrls = new ArrayList<>();
        token.at("/catalog").forEach(service -> {
            if (service.at("/type").asString().equals("block-storage")) {
                service.at("/endpoints").forEach(endpoint -> cinderUrls.add(endpoint.at("/url").asString()));
            }
        });
        assertThat(cinderUrls).isNotEmpty().allSatisfy(url -> assertThat(url)
                .isEqualTo(emulator.cinderUrl() + "/" + token.at("/project/id").asString()));
        assertThat(emulator.cloudConfig()).containsEntry("region_name", "RegionOne")
                .containsEntry("identity_api_version", "3");
    }

    @Test
    void theCloudsYamlTextIsTheCloudsYamlMap() {
        Object parsed = new Yaml().load(emulator.cloudsYamlText());

        assertThat(parsed).isEqualTo(emulator.cloudsYaml());
        assertThat(emulator.cloudsYaml()).extractingByKey("clouds").asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsOnlyKeys("emulator", "emulator-admin");
    }

    @Test
    void theSameEmulatorIsInjectedIntoConstructorAndMethod(CinderEmulator parameter) {
        assertThat(parameter).isSameAs(emulator);
        assertThat(parameter.authMode()).isEqualTo(CinderEmulator.AuthMode.KEYSTONE);
    }

    @Test
    void aControlCallTheEmulatorRefusesSaysWhy() {
        assertThatThrownBy(() -> emulator.setTiming("backup-create", "soon")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PUT " + emulator.controlUrl() + "/timing answered 400")
                .hasMessageContaining("backup-create");
    }

    private static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.forEach(item -> names.add(item.at("/name").asString()));
        return names;
    }
}
