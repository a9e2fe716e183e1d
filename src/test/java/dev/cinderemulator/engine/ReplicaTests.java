package dev.cinderemulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.cinderemulator.CinderBackupsEmulatorApplication;
import dev.cinderemulator.support.CinderClient;
import dev.cinderemulator.support.CinderClient.Answer;
import dev.cinderemulator.support.Ids;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * Two emulators in one JVM on one database (here a shared in-memory H2; {@link ReplicaPostgresTests}
 * on PostgreSQL) serve one cloud: whichever receives a request, every transition is completed
 * exactly once, quotas hold across both, and concurrent updates of one resource lose nothing.
 */
class ReplicaTests {

    private static final int VOLUMES = 24;
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    /** The database both emulators share. */
    protected String databaseUrl() {
        return "jdbc:h2:mem:replicas-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
    }

    protected List<String> databaseCredentials() {
        return List.of();
    }

    @Test
    void twoEmulatorsOnOneDatabaseCompleteEveryTransitionOnceAndLoseNoWrite() throws Exception {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--emulator.auth.mode=noauth",
                "--spring.jmx.enabled=false", "--spring.datasource.url=" + databaseUrl(),
                "--emulator.timing.volume-create=0s", "--emulator.timing.backup-create=100ms",
                "--emulator.timing.poll-interval=10ms", "--emulator.quotas.volumes=" + VOLUMES,
                "--emulator.quotas.backups=100", "--emulator.quotas.gigabytes=10000",
                "--emulator.quotas.backup-gigabytes=10000", "--logging.level.root=WARN"));
        args.addAll(databaseCredentials());
        try (ConfigurableApplicationContext first = start(args); ConfigurableApplicationContext second = start(args)) {
            String project = Ids.project();
            List<CinderClient> emulators = List.of(new CinderClient(port(first), project),
                    new CinderClient(port(second), project));
            ExecutorService clients = Executors.newFixedThreadPool(8);
            try {
                List<String> volumes = quotaHoldsAcrossBothEmulators(emulators, clients);
                everyBackupCompletesExactlyOnce(emulators, clients, volumes, List.of(first, second));
                concurrentUpdatesLoseNothing(emulators, clients, volumes.get(0));
            } finally {
                clients.shutdownNow();
            }
            assertThat(first.getBean(JdbcClient.class).sql("SELECT COUNT(*) FROM transitions").query(Long.class)
                    .single()).isZero();
        }
    }

    /** More creates than the quota allows, through both emulators at once: exactly the quota succeeds. */
    private List<String> quotaHoldsAcrossBothEmulators(List<CinderClient> emulators, ExecutorService clients)
            throws Exception {
        List<Future<Answer>> creates = new ArrayList<>();
        for (int i = 0; i < VOLUMES + 8; i++) {
            CinderClient emulator = emulators.get(i % 2);
            creates.add(clients.submit(() -> emulator.post("/v3/volumes", "{\"volume\": {\"size\": 1}}")));
        }
        List<String> created = new ArrayList<>();
        int refused = 0;
        for (Future<Answer> create : creates) {
            Answer answer = create.get();
            if (answer.status() == 202) {
                created.add(answer.text("/volume/id"));
            } else {
                assertThat(answer.status()).as(answer.text()).isEqualTo(413);
                assertThat(answer.text("/overLimit/message")).startsWith("VolumeLimitExceeded");
                refused++;
            }
        }
        assertThat(created).hasSize(VOLUMES);
        assertThat(refused).isEqualTo(8);
        CinderClient.poll(() -> statuses(emulators.get(1), "volumes"),
                statuses -> statuses.size() == VOLUMES && statuses.values().stream().allMatch("available"::equals),
                DEADLINE);
        return created;
    }

    private void everyBackupCompletesExactlyOnce(List<CinderClient> emulators, ExecutorService clients,
            List<String> volumes, List<ConfigurableApplicationContext> contexts) throws Exception {
        double createsBefore = completed(contexts, "backup_create");
        List<Future<Answer>> creates = new ArrayList<>();
        for (int i = 0; i < volumes.size(); i++) {
            CinderClient emulator = emulators.get(i % 2);
            String volume = volumes.get(i);
            creates.add(clients.submit(() -> emulator.post("/v3/backups",
                    "{\"backup\": {\"volume_id\": \"" + volume + "\"}}")));
        }
        for (Future<Answer> create : creates) {
            create.get().expect(202);
        }
        CinderClient.poll(() -> statuses(emulators.get(0), "backups"),
                statuses -> statuses.size() == volumes.size()
                        && statuses.values().stream().allMatch("available"::equals),
                DEADLINE);
        CinderClient.poll(() -> statuses(emulators.get(1), "volumes"),
                statuses -> statuses.values().stream().allMatch("available"::equals), DEADLINE);
        assertThat(completed(contexts, "backup_create") - createsBefore).isEqualTo(volumes.size());
        assertThat(completed(contexts, "volume_create")).isEqualTo(volumes.size());
    }

    /**
     * Three writers per resource, each owning one field, through alternating emulators: every
     * field ends with the last value its writer was told was saved.
     */
    private void concurrentUpdatesLoseNothing(List<CinderClient> emulators, ExecutorService clients, String volume)
            throws Exception {
        String backup = emulators.get(0).get("/v3/backups?volume_id=" + volume).body().at("/backups/0/id")
                .asString();
        int rounds = 25;
        record Writer(String path, String version, Function<Integer, String> body) {
        }
        List<Writer> writers = List.of(
                new Writer("/v3/volumes/" + volume, null, i -> "{\"volume\": {\"name\": \"name-" + i + "\"}}"),
                new Writer("/v3/volumes/" + volume, null, i -> "{\"volume\": {\"description\": \"desc-" + i + "\"}}"),
                new Writer("/v3/volumes/" + volume, null, i -> "{\"volume\": {\"metadata\": {\"m\": \"" + i + "\"}}}"),
                new Writer("/v3/backups/" + backup, "3.43", i -> "{\"backup\": {\"name\": \"name-" + i + "\"}}"),
                new Writer("/v3/backups/" + backup, "3.43", i -> "{\"backup\": {\"description\": \"desc-" + i
                        + "\"}}"),
                new Writer("/v3/backups/" + backup, "3.43", i -> "{\"backup\": {\"metadata\": {\"m\": \"" + i
                        + "\"}}}"));
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < writers.size(); w++) {
            Writer writer = writers.get(w);
            CinderClient emulator = writer.version() == null ? emulators.get(w % 2)
                    : emulators.get(w % 2).at(writer.version());
            running.add(clients.submit(() -> IntStream.rangeClosed(1, rounds)
                    .forEach(i -> emulator.put(writer.path(), writer.body().apply(i)).expect(200))));
        }
        for (Future<?> writer : running) {
            writer.get();
        }
        JsonNode volumeNow = emulators.get(1).get("/v3/volumes/" + volume).body().get("volume");
        assertThat(volumeNow.get("name").asString()).isEqualTo("name-" + rounds);
        assertThat(volumeNow.get("description").asString()).isEqualTo("desc-" + rounds);
        assertThat(volumeNow.at("/metadata/m").asString()).isEqualTo(String.valueOf(rounds));
        JsonNode backupNow = emulators.get(1).at("3.43").get("/v3/backups/" + backup).body().get("backup");
        assertThat(backupNow.get("name").asString()).isEqualTo("name-" + rounds);
        assertThat(backupNow.get("description").asString()).isEqualTo("desc-" + rounds);
        assertThat(backupNow.at("/metadata/m").asString()).isEqualTo(String.valueOf(rounds));
    }

    private static Map<String, String> statuses(CinderClient emulator, String collection) {
        JsonNode items = emulator.get("/v3/" + collection + "/detail?limit=1000").expect(200).body().get(collection);
        Map<String, String> statuses = new ConcurrentHashMap<>();
        StreamSupport.stream(items.spliterator(), false)
                .forEach(item -> statuses.put(item.get("id").asString(), item.get("status").asString()));
        return Collections.unmodifiableMap(statuses);
    }

    private static double completed(List<ConfigurableApplicationContext> contexts, String action) {
        return contexts.stream().mapToDouble(context -> {
            Counter counter = context.getBean(MeterRegistry.class).find("emulator.transitions.completed")
                    .tag("action", action).counter();
            return counter == null ? 0 : counter.count();
        }).sum();
    }

    private static ConfigurableApplicationContext start(List<String> args) {
        return new SpringApplicationBuilder(CinderBackupsEmulatorApplication.class).run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
