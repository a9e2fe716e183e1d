package dev.cinderemulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.cinderemulator.CinderBackupsEmulatorApplication;
import dev.cinderemulator.support.CinderClient;
import dev.cinderemulator.support.CinderClient.Answer;
import dev.cinderemulator.support.Ids;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * 64 clients in 4 projects mix every operation (volumes, snapshots, full, incremental and
 * snapshot backups, restores into new and existing volumes, deletes, force-deletes, export and
 * import, renames, lists) against one emulator in real time with 50 ms services, for 10 s
 * ({@code -Dconcurrency.seconds=N} for longer). No answer is a 5xx; while it runs and after, a
 * volume is {@code backing-up} exactly while a backup of it is {@code creating}, every parent
 * counts exactly its finished children, no project is over its quota; afterwards nothing is left
 * in a transient status, {@code with_count} equals the rows, and every rename a client was told
 * succeeded is the one that stuck. The admin {@code os-reset_status} actions are left out: they
 * set any status by design and so break these invariants in Cinder too.
 */
class ConcurrencyTests {

    private static final int PROJECTS = 4;
    private static final int CLIENTS_PER_PROJECT = 16;
    private static final int LEDGERS = CLIENTS_PER_PROJECT / 2;
    private static final int VOLUME_QUOTA = 40;
    private static final int BACKUP_QUOTA = 60;
    private static final int SNAPSHOT_QUOTA = 20;

    private final Queue failures = new Queue();
    /** Operation and status → how often it was answered so, printed for the log. */
    private final Map<String, AtomicLong> answered = new ConcurrentHashMap<>();

    @Test
    void sixtyFourClientsInFourProjectsKeepEveryInvariant() throws Exception {
        Duration runFor = Duration.ofSeconds(Long.getLong("concurrency.seconds", 10));
        try (ConfigurableApplicationContext emulator = new SpringApplicationBuilder(
                CinderBackupsEmulatorApplication.class).run("--server.port=0", "--emulator.auth.mode=noauth",
                        "--spring.jmx.enabled=false", "--logging.level.root=WARN",
                        "--emulator.timing.backup-create=50ms", "--emulator.timing.backup-restore=50ms",
                        "--emulator.timing.backup-delete=50ms", "--emulator.timing.backup-import=50ms",
                        "--emulator.timing.volume-create=50ms", "--emulator.timing.volume-delete=50ms",
                        "--emulator.timing.snapshot-create=50ms", "--emulator.timing.snapshot-delete=50ms",
                        "--emulator.timing.poll-interval=20ms", "--emulator.quotas.volumes=" + VOLUME_QUOTA,
                        "--emulator.quotas.backups=" + BACKUP_QUOTA, "--emulator.quotas.snapshots=" + SNAPSHOT_QUOTA,
                        "--emulator.quotas.gigabytes=100000", "--emulator.quotas.backup-gigabytes=100000",
                        "--server.tomcat.threads.max=80")) {
            int port = Integer.parseInt(emulator.getEnvironment().getProperty("local.server.port"));
            JdbcClient jdbc = emulator.getBean(JdbcClient.class);
            List<Project> projects = new ArrayList<>();
            for (int p = 0; p < PROJECTS; p++) {
                String id = Ids.project();
                projects.add(new Project(id, new CinderClient(port, id)));
            }
            for (Project project : projects) {
                project.createLedgers();
            }
            AtomicBoolean running = new AtomicBoolean(true);
            long end = System.nanoTime() + runFor.toNanos();
            CountDownLatch done = new CountDownLatch(PROJECTS * CLIENTS_PER_PROJECT);
            for (Project project : projects) {
                for (int c = 0; c < CLIENTS_PER_PROJECT; c++) {
                    int client = c;
                    Thread thread = new Thread(() -> {
                        try {
                            while (System.nanoTime() < end && running.get()) {
                                project.act(client);
                            }
                        } catch (Throwable failure) {
                            failures.add("client " + client + " stopped: " + failure);
                        } finally {
                            done.countDown();
                        }
                    }, "client-" + c);
                    thread.setDaemon(true);
                    thread.start();
                }
            }
            long samples = 0;
            while (done.getCount() > 0) {
                invariants(jdbc, "while running");
                samples++;
                LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            }
            running.set(false);
            done.await();

            CinderClient.poll(() -> jdbc.sql("SELECT COUNT(*) FROM transitions").query(Long.class).single(),
                    pending -> pending == 0, Duration.ofSeconds(60));
            assertThat(jdbc.sql("""
                    SELECT id || ' ' || status FROM volumes WHERE status IN ('creating', 'deleting', 'backing-up',
                        'restoring-backup')
                    UNION ALL SELECT id || ' ' || status FROM backups WHERE status IN ('creating', 'deleting',
                        'restoring')
                    UNION ALL SELECT id || ' ' || status FROM snapshots WHERE status IN ('creating', 'deleting',
                        'backing-up')""").query(String.class).list()).as("left in a transient status").isEmpty();
            invariants(jdbc, "at rest");
            long requests = projects.stream().mapToLong(project -> project.requests.get()).sum();
            for (Project project : projects) {
                project.countsMatchTheRows(jdbc);
                project.everyAcknowledgedRenameStuck();
            }
            System.out.printf("%d requests in %s, %d invariant samples: %s%n", requests, runFor, samples,
                    new java.util.TreeMap<>(answered));
            assertThat(failures.all()).as("after %d requests and %d invariant samples", requests, samples).isEmpty();
            for (String operation : List.of("create volume", "delete volume", "create snapshot", "create backup",
                    "delete backup", "force-delete backup", "restore")) {
                assertThat(answered).as("some %s succeeded", operation).containsKey(operation + " 202");
            }
            assertThat(answered).as("some import succeeded").containsKey("import 201");
        }
    }

    private void invariants(JdbcClient jdbc, String when) {
        List<String> broken = new ArrayList<>();
        broken.addAll(jdbc.sql("""
                SELECT 'volume ' || v.id || ' is backing-up with no backup creating' FROM volumes v
                WHERE v.status = 'backing-up' AND NOT EXISTS (SELECT 1 FROM backups b WHERE b.volume_id = v.id
                    AND b.snapshot_id IS NULL AND b.status = 'creating')""").query(String.class).list());
        broken.addAll(jdbc.sql("""
                SELECT 'backup ' || b.id || ' is creating but its volume is not backing-up' FROM backups b
                WHERE b.status = 'creating' AND b.snapshot_id IS NULL AND EXISTS (SELECT 1 FROM volumes v
                    WHERE v.id = b.volume_id AND v.status <> 'backing-up')""").query(String.class).list());
        broken.addAll(jdbc.sql("""
                SELECT 'backup ' || p.id || ' counts ' || p.num_dependent_backups || ' dependents' FROM backups p
                WHERE p.num_dependent_backups <> (SELECT COUNT(*) FROM backups c WHERE c.parent_id = p.id
                    AND c.finished_at IS NOT NULL)""").query(String.class).list());
        for (String[] quota : new String[][] { { "volumes", "" + VOLUME_QUOTA }, { "backups", "" + BACKUP_QUOTA },
                { "snapshots", "" + SNAPSHOT_QUOTA } }) {
            broken.addAll(jdbc.sql("SELECT 'project ' || project_id || ' has ' || COUNT(*) || ' " + quota[0]
                    + "' FROM " + quota[0] + " GROUP BY project_id HAVING COUNT(*) > " + quota[1])
                    .query(String.class).list());
        }
        broken.forEach(violation -> failures.add(when + ": " + violation));
    }

    private static final class Queue {
        private final ConcurrentLinkedQueue<String> items = new ConcurrentLinkedQueue<>();

        void add(String item) {
            if (items.size() < 50) {
                items.add(item);
            }
        }

        List<String> all() {
            return List.copyOf(items);
        }
    }

    /** One project's clients and what they were told. */
    private final class Project {

        private final String id;
        private final CinderClient cinder;
        private final CinderClient latest;
        private final Set<String> volumes = ConcurrentHashMap.newKeySet();
        private final Set<String> snapshots = ConcurrentHashMap.newKeySet();
        private final Set<String> backups = ConcurrentHashMap.newKeySet();
        private final List<String> ledgerVolumes = new ArrayList<>();
        private final List<String> ledgerBackups = new ArrayList<>();
        /** Resource and field → the last value its owning client was told was saved. */
        private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
        private final AtomicLong requests = new AtomicLong();

        Project(String id, CinderClient cinder) {
            this.id = id;
            this.cinder = cinder;
            this.latest = cinder.at("3.45");
        }

        /** Volumes and backups whose name (even client) or description (odd client) one client owns. */
        void createLedgers() {
            for (int i = 0; i < LEDGERS; i++) {
                ledgerVolumes.add(cinder.post("/v3/volumes", "{\"volume\": {\"size\": 1}}").expect(202)
                        .text("/volume/id"));
            }
            for (String volume : ledgerVolumes) {
                CinderClient.poll(() -> cinder.get("/v3/volumes/" + volume).text("/volume/status"),
                        "available"::equals, Duration.ofSeconds(30));
                ledgerBackups.add(cinder.post("/v3/backups", "{\"backup\": {\"volume_id\": \"" + volume + "\"}}")
                        .expect(202).text("/backup/id"));
            }
            volumes.addAll(ledgerVolumes);
        }

        void act(int client) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            int dice = random.nextInt(100);
            if (dice < 10) {
                rename(client, random);
            } else if (dice < 20) {
                check("create volume", cinder.post("/v3/volumes", "{\"volume\": {\"size\": " + (1 + random.nextInt(2)) + "}}"),
                        answer -> volumes.add(answer.text("/volume/id")));
            } else if (dice < 30) {
                String volume = pick(volumes, random);
                if (volume != null && !ledgerVolumes.contains(volume)) {
                    check("delete volume", cinder.delete("/v3/volumes/" + volume), answer -> volumes.remove(volume));
                }
            } else if (dice < 34) {
                String volume = pick(volumes, random);
                check("create snapshot", cinder.post("/v3/snapshots", "{\"snapshot\": {\"volume_id\": \"" + volume + "\"}}"),
                        answer -> snapshots.add(answer.text("/snapshot/id")));
            } else if (dice < 40) {
                String snapshot = pick(snapshots, random);
                check("delete snapshot", cinder.delete("/v3/snapshots/" + snapshot), answer -> snapshots.remove(snapshot));
            } else if (dice < 54) {
                createBackup(random);
            } else if (dice < 63) {
                String backup = pick(backups, random);
                check("delete backup", cinder.delete("/v3/backups/" + backup), answer -> backups.remove(backup));
            } else if (dice < 66) {
                String backup = pick(backups, random);
                check("force-delete backup", cinder.post("/v3/backups/" + backup + "/action", "{\"os-force_delete\": {}}"),
                        answer -> backups.remove(backup));
            } else if (dice < 77) {
                restore(random);
            } else if (dice < 83) {
                exportAndImport(random);
            } else if (dice < 92) {
                String collection = List.of("volumes", "snapshots", "backups").get(random.nextInt(3));
                check("list", latest.get("/v3/" + collection + "/detail?with_count=true&limit=" + (1 + random.nextInt(20))),
                        answer -> {
                        });
            } else {
                String backup = pick(backups, random);
                check("show backup", cinder.get("/v3/backups/" + backup), answer -> {
                });
            }
        }

        private void rename(int client, ThreadLocalRandom random) {
            int ledger = client / 2;
            String field = client % 2 == 0 ? "name" : "description";
            String value = field + "-" + client + "-" + random.nextInt(1_000_000);
            boolean volume = random.nextBoolean();
            String path = volume ? "/v3/volumes/" + ledgerVolumes.get(ledger)
                    : "/v3/backups/" + ledgerBackups.get(ledger);
            String body = "{\"" + (volume ? "volume" : "backup") + "\": {\"" + field + "\": \"" + value + "\"}}";
            Answer answer = (volume ? cinder : cinder.at("3.9")).put(path, body);
            requests.incrementAndGet();
            if (answer.status() == 200) {
                acknowledged.put(path + " " + field, value);
            } else {
                failures.add("PUT " + path + " answered " + answer.status() + " " + answer.text());
            }
        }

        private void createBackup(ThreadLocalRandom random) {
            String volume = pick(volumes, random);
            StringBuilder body = new StringBuilder("{\"backup\": {\"volume_id\": \"" + volume + "\"");
            int kind = random.nextInt(10);
            if (kind < 3) {
                body.append(", \"incremental\": true");
            } else if (kind < 4) {
                String snapshot = pick(snapshots, random);
                body.append(", \"snapshot_id\": \"").append(snapshot).append('"');
            }
            check("create backup", cinder.post("/v3/backups", body.append("}}").toString()),
                    answer -> backups.add(answer.text("/backup/id")));
        }

        private void restore(ThreadLocalRandom random) {
            String backup = pickAvailable(random);
            if (backup == null) {
                return;
            }
            // Not into a ledger volume: a restore rightly gives an unnamed target its source's name and description.
            String target = pick(volumes, random);
            String body = random.nextBoolean() || ledgerVolumes.contains(target) ? "{\"restore\": {}}"
                    : "{\"restore\": {\"volume_id\": \"" + target + "\"}}";
            check("restore", cinder.post("/v3/backups/" + backup + "/restore", body),
                    answer -> volumes.add(answer.text("/restore/volume_id")));
        }

        /** Exported, given a new id and no chain (an import carries its record's counts), imported. */
        private void exportAndImport(ThreadLocalRandom random) {
            String backup = pickAvailable(random);
            if (backup == null) {
                return;
            }
            Answer exported = cinder.get("/v3/backups/" + backup + "/export_record");
            check("export", exported, answer -> {
            });
            if (exported.status() != 200) {
                return;
            }
            ObjectNode record = (ObjectNode) CinderClient.JSON.readTree(
                    Base64.getDecoder().decode(exported.text("/backup-record/backup_url")));
            record.put("id", UUID.randomUUID().toString());
            record.putNull("parent_id");
            record.put("num_dependent_backups", 0);
            String url = Base64.getEncoder().encodeToString(record.toString().getBytes(StandardCharsets.UTF_8));
            check("import", cinder.post("/v3/backups/import_record", "{\"backup-record\": {\"backup_service\": \"s\", "
                    + "\"backup_url\": \"" + url + "\"}}"), answer -> backups.add(answer.text("/backup/id")));
        }

        /** Anything but a 5xx (or a conflict the retries could not resolve) is an answer Cinder could give. */
        private void check(String operation, Answer answer, java.util.function.Consumer<Answer> onSuccess) {
            requests.incrementAndGet();
            answered.computeIfAbsent(operation + " " + answer.status(), key -> new AtomicLong()).incrementAndGet();
            if (answer.status() >= 200 && answer.status() < 300) {
                onSuccess.accept(answer);
            } else if (answer.status() >= 500 || answer.status() == 409
                    || !Set.of(400, 404, 413).contains(answer.status())) {
                failures.add(operation + ": " + answer.status() + " " + answer.text());
            }
        }

        /** A backup that was available a moment ago, as a client would check before restoring it. */
        private String pickAvailable(ThreadLocalRandom random) {
            for (int tries = 0; tries < 5; tries++) {
                String backup = pick(backups, random);
                Answer shown = cinder.get("/v3/backups/" + backup);
                check("show backup", shown, answer -> {
                });
                if ("available".equals(shown.text("/backup/status"))) {
                    return backup;
                }
            }
            return null;
        }

        private String pick(Set<String> ids, ThreadLocalRandom random) {
            List<String> known = List.copyOf(ids);
            return known.isEmpty() ? UUID.randomUUID().toString() : known.get(random.nextInt(known.size()));
        }

        void countsMatchTheRows(JdbcClient jdbc) {
            for (String collection : List.of("volumes", "snapshots", "backups")) {
                long rows = jdbc.sql("SELECT COUNT(*) FROM " + collection + " WHERE project_id = ?").param(id)
                        .query(Long.class).single();
                JsonNode first = latest.get("/v3/" + collection + "?with_count=true&limit=7").expect(200).body();
                assertThat(first.get("count").asLong()).as("%s with_count", collection).isEqualTo(rows);
                long walked = 0;
                String next = "/v3/" + collection + "?limit=7";
                while (next != null) {
                    JsonNode page = latest.get(next).expect(200).body();
                    walked += page.get(collection).size();
                    JsonNode link = page.path(collection + "_links").path(0).path("href");
                    next = link.isMissingNode() ? null : link.asString().substring(link.asString().indexOf("/v3/"));
                }
                assertThat(walked).as("%s walked with markers", collection).isEqualTo(rows);
            }
        }

        void everyAcknowledgedRenameStuck() {
            acknowledged.forEach((key, value) -> {
                String[] parts = key.split(" ");
                String path = parts[0];
                String field = parts[1];
                boolean volume = path.startsWith("/v3/volumes/");
                JsonNode resource = (volume ? cinder : cinder.at("3.9")).get(path).expect(200).body()
                        .get(volume ? "volume" : "backup");
                assertThat(resource.get(field).asString()).as("%s of %s", field, path).isEqualTo(value);
            });
            assertThat(acknowledged).isNotEmpty();
            assertThat(StreamSupport.stream(cinder.get("/v3/backups").body().get("backups").spliterator(), false)
                    .count()).isLessThanOrEqualTo(BACKUP_QUOTA);
        }
    }
}
