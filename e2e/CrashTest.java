import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The crash test behind e2e/crash-test.sh (run by the JDK's single-file launcher, no dependencies).
 * Each run: clients of a new project create volumes, snapshots and backups, restore and delete
 * on the running emulator; at a random moment it gets SIGKILL, is started again on the same data,
 * and the check follows: every request that got a 2xx is reflected, every in-flight transition
 * completes, nothing is left in a transient status, quota usage equals the rows. The restarted
 * emulator carries the next run, and the database all runs, so every restart re-checks every
 * earlier run's resources too.
 */
public class CrashTest {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    static final int QUOTA = 25;
    static final Set<String> TRANSIENT = Set.of("creating", "deleting", "restoring", "backing-up", "restoring-backup",
            "attaching", "detaching", "downloading", "uploading");

    final List<String> command = new ArrayList<>();
    final Path logs;
    final int port;
    Process emulator;

    CrashTest(List<String> command, Path logs) throws IOException {
        this.command.addAll(command);
        this.logs = logs;
        this.port = freePort();
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int runs = Integer.parseInt(options.getOrDefault("runs", "10"));
        Path work = Files.createTempDirectory("cinder-crash-");
        List<String> command = new ArrayList<>(List.of(options.getOrDefault("java", "java")));
        command.addAll(List.of(options.getOrDefault("jvm-options", "-XX:TieredStopAtLevel=1").split(" ")));
        command.addAll(List.of("-jar", options.get("jar"), "--emulator.auth.mode=noauth", "--spring.jmx.enabled=false",
                "--logging.level.root=WARN", "--emulator.timing.volume-create=200ms",
                "--emulator.timing.volume-delete=200ms", "--emulator.timing.snapshot-create=200ms",
                "--emulator.timing.snapshot-delete=200ms", "--emulator.timing.backup-create=200ms",
                "--emulator.timing.backup-restore=300ms", "--emulator.timing.backup-delete=300ms",
                "--emulator.timing.poll-interval=50ms", "--emulator.quotas.volumes=" + QUOTA,
                "--emulator.quotas.backups=" + QUOTA, "--emulator.quotas.snapshots=" + QUOTA,
                "--emulator.quotas.gigabytes=100000", "--emulator.quotas.backup-gigabytes=100000"));
        if (options.containsKey("jdbc-url")) {
            command.addAll(List.of("--spring.datasource.url=" + options.get("jdbc-url"),
                    "--spring.datasource.username=" + options.getOrDefault("jdbc-user", "cinder"),
                    "--spring.datasource.password=" + options.getOrDefault("jdbc-password", "cinder")));
            System.out.println("crash test: " + runs + " runs on " + options.get("jdbc-url"));
        } else {
            command.add("--emulator.data-dir=" + work.resolve("data"));
            System.out.println("crash test: " + runs + " runs on H2 in " + work.resolve("data"));
        }
        CrashTest test = new CrashTest(command, work);
        int passed = 0;
        int failed = 0;
        long began = System.nanoTime();
        test.emulator = test.start(0);
        for (int run = 1; run <= runs; run++) {
            long started = System.nanoTime();
            List<String> problems;
            try {
                problems = test.run(run);
            } catch (Exception failure) {
                problems = List.of("run aborted: " + failure);
                if (test.emulator == null || !test.emulator.isAlive()) {
                    try {
                        test.emulator = test.start(run);
                    } catch (Exception unrecoverable) {
                        problems = List.of("run aborted: " + failure, "and no emulator starts: " + unrecoverable);
                    }
                }
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            if (problems.isEmpty()) {
                passed++;
                System.out.println("run " + run + ": PASS (" + millis + " ms)");
            } else {
                failed++;
                System.out.println("run " + run + ": FAIL (" + millis + " ms)");
                problems.stream().limit(20).forEach(problem -> System.out.println("    " + problem));
            }
        }
        if (test.emulator != null) {
            test.emulator.destroyForcibly();
        }
        System.out.println("logs in " + work + "; " + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began)
                + " s in all");
        System.out.println(passed + " passed, " + failed + " failed");
        System.exit(failed == 0 ? 0 : 1);
    }

    /** What the clients were told, per resource kind: acknowledged creations and deletions. */
    static final class Acknowledged {
        final Set<String> volumes = ConcurrentHashMap.newKeySet();
        final Set<String> deletedVolumes = ConcurrentHashMap.newKeySet();
        final Set<String> snapshots = ConcurrentHashMap.newKeySet();
        final Set<String> deletedSnapshots = ConcurrentHashMap.newKeySet();
        final Set<String> backups = ConcurrentHashMap.newKeySet();
        final Set<String> deletedBackups = ConcurrentHashMap.newKeySet();
        /**
         * Deletes that got no answer (the kill came while they ran): the emulator may have committed
         * them or not, so the resource may be gone or still there, and either is right.
         */
        final Set<String> maybeDeleted = ConcurrentHashMap.newKeySet();
        /** Restore target volume → backup restored into it. */
        final Map<String, String> restores = new ConcurrentHashMap<>();
        final AtomicInteger requests = new AtomicInteger();
        final AtomicInteger unanswered = new AtomicInteger();
    }

    List<String> run(int run) throws Exception {
        String project = UUID.randomUUID().toString().replace("-", "");
        Client client = new Client(port, "admin:" + project);
        Acknowledged acked = new Acknowledged();
        AtomicBoolean loading = new AtomicBoolean(true);
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Thread thread = new Thread(() -> {
                while (loading.get()) {
                    act(client, acked);
                }
            });
            thread.setDaemon(true);
            thread.start();
            clients.add(thread);
        }
        // Once the clients are going, a random moment later: SIGKILL, no shutdown hook, no flush.
        long warm = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (acked.requests.get() - acked.unanswered.get() < 20 && System.nanoTime() < warm) {
            Thread.sleep(10);
        }
        Thread.sleep(ThreadLocalRandom.current().nextLong(300, 2_500));
        emulator.destroyForcibly();
        emulator.waitFor();
        loading.set(false);
        for (Thread thread : clients) {
            thread.join();
        }
        emulator = start(run);
        return verify(client, acked);
    }

    void act(Client client, Acknowledged acked) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int dice = random.nextInt(100);
        Client.Answer answer;
        if (dice < 25) {
            answer = client.send("POST", "/v3/volumes", "{\"volume\": {\"size\": 1}}");
            if (answer.status() == 202) {
                acked.volumes.add(answer.string("volume", "id"));
            }
        } else if (dice < 55) {
            String volume = pick(acked.volumes, random);
            answer = client.send("POST", "/v3/backups", "{\"backup\": {\"volume_id\": \"" + volume + "\"" +
                    (random.nextInt(4) == 0 ? ", \"incremental\": true" : "") + "}}");
            if (answer.status() == 202) {
                acked.backups.add(answer.string("backup", "id"));
            }
        } else if (dice < 62) {
            String volume = pick(acked.volumes, random);
            answer = client.send("POST", "/v3/snapshots", "{\"snapshot\": {\"volume_id\": \"" + volume + "\"}}");
            if (answer.status() == 202) {
                acked.snapshots.add(answer.string("snapshot", "id"));
            }
        } else if (dice < 75) {
            String backup = pick(acked.backups, random);
            answer = client.send("POST", "/v3/backups/" + backup + "/restore", "{\"restore\": {}}");
            if (answer.status() == 202) {
                acked.restores.put(answer.string("restore", "volume_id"), backup);
                acked.volumes.add(answer.string("restore", "volume_id"));
            }
        } else if (dice < 87) {
            String backup = pick(acked.backups, random);
            answer = client.send("DELETE", "/v3/backups/" + backup, null);
            if (answer.status() == 202) {
                acked.deletedBackups.add(backup);
            } else if (answer.status() < 0) {
                acked.maybeDeleted.add(backup);
            }
        } else if (dice < 92) {
            String snapshot = pick(acked.snapshots, random);
            answer = client.send("DELETE", "/v3/snapshots/" + snapshot, null);
            if (answer.status() == 202) {
                acked.deletedSnapshots.add(snapshot);
            } else if (answer.status() < 0) {
                acked.maybeDeleted.add(snapshot);
            }
        } else {
            String volume = pick(acked.volumes, random);
            answer = client.send("DELETE", "/v3/volumes/" + volume, null);
            if (answer.status() == 202) {
                acked.deletedVolumes.add(volume);
            } else if (answer.status() < 0) {
                acked.maybeDeleted.add(volume);
            }
        }
        acked.requests.incrementAndGet();
        if (answer.status() < 0) {
            acked.unanswered.incrementAndGet();
            Thread.onSpinWait();
        }
    }

    List<String> verify(Client client, Acknowledged acked) throws InterruptedException {
        List<String> problems = new ArrayList<>();
        if (acked.requests.get() - acked.unanswered.get() < 5) {
            problems.add("the clients got almost no answers before the kill (" + acked.requests + " requests)");
        }
        // Every in-flight transition completes: nothing anywhere stays transient (all projects, all runs).
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        List<String> busy;
        do {
            busy = new ArrayList<>();
            for (String collection : List.of("volumes", "snapshots", "backups")) {
                for (Map<String, Object> item : client.all(collection, true)) {
                    if (TRANSIENT.contains(item.get("status"))) {
                        busy.add(collection + " " + item.get("id") + " " + item.get("status"));
                    }
                }
            }
            if (!busy.isEmpty()) {
                Thread.sleep(50);
            }
        } while (!busy.isEmpty() && System.nanoTime() < deadline);
        busy.forEach(item -> problems.add("still transient after 60 s: " + item));

        Map<String, Map<String, Object>> volumes = byId(client.all("volumes", false));
        Map<String, Map<String, Object>> snapshots = byId(client.all("snapshots", false));
        Map<String, Map<String, Object>> backups = byId(client.all("backups", false));
        expect(problems, "volume", acked.volumes, acked.deletedVolumes, acked.maybeDeleted, volumes);
        expect(problems, "snapshot", acked.snapshots, acked.deletedSnapshots, acked.maybeDeleted, snapshots);
        expect(problems, "backup", acked.backups, acked.deletedBackups, acked.maybeDeleted, backups);
        for (String backup : acked.backups) {
            Map<String, Object> found = backups.get(backup);
            if (found != null && !acked.deletedBackups.contains(backup) && !"available".equals(found.get("status"))) {
                problems.add("acknowledged backup " + backup + " ended " + found.get("status"));
            }
        }
        acked.restores.forEach((target, backup) -> {
            Map<String, Object> volume = volumes.get(target);
            if (volume != null && !acked.deletedVolumes.contains(target)) {
                Object metadata = volume.get("metadata");
                if (!"available".equals(volume.get("status"))
                        || !(metadata instanceof Map<?, ?> map && backup.equals(map.get("src_backup_id")))) {
                    problems.add("restore of " + backup + " into " + target + " not applied: " + volume.get("status")
                            + " " + metadata);
                }
            }
        });
        quotaUsageIsTheRows(client, problems, "volumes", volumes.size(), "{\"volume\": {\"size\": 1}}");
        String available = volumes.values().stream().filter(v -> "available".equals(v.get("status")))
                .map(v -> (String) v.get("id")).findFirst().orElse(null);
        if (available != null) {
            quotaUsageIsTheRows(client, problems, "backups", backups.size(),
                    "{\"backup\": {\"volume_id\": \"" + available + "\"}}");
        }
        for (String collection : List.of("volumes", "snapshots", "backups")) {
            Client.Answer counted = client.send("GET", "/v3/" + collection + "?with_count=true&limit=1", null,
                    "3.45");
            int walked = client.all(collection, false).size();
            if (counted.status() != 200 || ((Number) counted.body().get("count")).intValue() != walked) {
                problems.add(collection + ": with_count " + counted.body().get("count") + " but " + walked
                        + " rows walked");
            }
        }
        long deletedUnanswered = acked.maybeDeleted.stream()
                .filter(id -> !volumes.containsKey(id) && !snapshots.containsKey(id) && !backups.containsKey(id))
                .count();
        System.out.printf("    %d requests (%d unanswered at the kill, %d of them deletes, %d of those applied); "
                + "acknowledged %d volumes, %d backups, %d restores, %d deletes%n", acked.requests.get(),
                acked.unanswered.get(), acked.maybeDeleted.size(), deletedUnanswered, acked.volumes.size(),
                acked.backups.size(), acked.restores.size(),
                acked.deletedVolumes.size() + acked.deletedBackups.size() + acked.deletedSnapshots.size());
        return problems;
    }

    static void expect(List<String> problems, String kind, Set<String> created, Set<String> deleted,
            Set<String> maybeDeleted, Map<String, Map<String, Object>> found) {
        for (String id : created) {
            if (!deleted.contains(id) && !maybeDeleted.contains(id) && !found.containsKey(id)) {
                problems.add("acknowledged " + kind + " " + id + " is missing");
            }
        }
        for (String id : deleted) {
            if (found.containsKey(id)) {
                problems.add("acknowledged delete of " + kind + " " + id + " did not happen: "
                        + found.get(id).get("status"));
            }
        }
    }

    /** Quota usage is what the rows say: below the limit a create is accepted, at it refused. */
    static void quotaUsageIsTheRows(Client client, List<String> problems, String collection, int rows, String body) {
        if (rows > QUOTA) {
            problems.add(rows + " " + collection + " exceed the quota of " + QUOTA);
            return;
        }
        Client.Answer answer = client.send("POST", "/v3/" + collection, body);
        int expected = rows < QUOTA ? 202 : 413;
        if (answer.status() != expected) {
            problems.add("with " + rows + " of " + QUOTA + " " + collection + " a create answered " + answer.status()
                    + " " + answer.text());
        }
    }

    static Map<String, Map<String, Object>> byId(List<Map<String, Object>> items) {
        Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
        items.forEach(item -> byId.put((String) item.get("id"), item));
        return byId;
    }

    static String pick(Set<String> ids, ThreadLocalRandom random) {
        List<String> known = List.copyOf(ids);
        return known.isEmpty() ? UUID.randomUUID().toString() : known.get(random.nextInt(known.size()));
    }

    /** Starts the emulator (after run {@code run}'s crash) and waits until it reports healthy. */
    Process start(int run) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(command);
        args.add("--server.port=" + port);
        Path log = logs.resolve("after-run-" + run + ".log");
        Process process = new ProcessBuilder(args).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("emulator exited with " + process.exitValue() + ", see " + log);
            }
            try {
                HttpResponse<Void> health = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/actuator/health")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return process;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(50);
        }
        process.destroyForcibly();
        throw new IllegalStateException("emulator not healthy within 120 s, see " + log);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Cinder's noauth admin of one project; a request that gets no answer has status -1. */
    record Client(int port, String token) {

        record Answer(int status, Map<String, Object> body, String text) {
            String string(String... path) {
                Object node = body;
                for (String key : path) {
                    node = node instanceof Map<?, ?> map ? map.get(key) : null;
                }
                return node == null ? null : node.toString();
            }
        }

        Answer send(String method, String path, String json) {
            return send(method, path, json, null);
        }

        @SuppressWarnings("unchecked")
        Answer send(String method, String path, String json, String version) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(10)).header("X-Auth-Token", token)
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json));
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            if (version != null) {
                request.header("OpenStack-API-Version", "volume " + version);
            }
            try {
                HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
                Object body = response.body().isBlank() ? Map.of() : new Json(response.body()).value();
                return new Answer(response.statusCode(), body instanceof Map<?, ?> map ? (Map<String, Object>) map
                        : Map.of(), response.body());
            } catch (IOException | InterruptedException noAnswer) {
                return new Answer(-1, Map.of(), noAnswer.toString());
            }
        }

        /** Every item of a collection's detail list, walked with markers. */
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> all(String collection, boolean allTenants) {
            List<Map<String, Object>> items = new ArrayList<>();
            String marker = null;
            while (true) {
                Answer page = send("GET", "/v3/" + collection + "/detail?limit=500"
                        + (allTenants ? "&all_tenants=1" : "") + (marker == null ? "" : "&marker=" + marker), null);
                if (page.status() != 200) {
                    throw new IllegalStateException("listing " + collection + " answered " + page.status() + " "
                            + page.text());
                }
                List<Map<String, Object>> found = (List<Map<String, Object>>) page.body().get(collection);
                items.addAll(found);
                if (found.size() < 500) {
                    return items;
                }
                marker = (String) found.get(found.size() - 1).get("id");
            }
        }
    }

    /** Just enough JSON for Cinder's answers: objects, arrays, strings, numbers, true, false, null. */
    static final class Json {
        private final String text;
        private int at;

        Json(String text) {
            this.text = text;
        }

        Object value() {
            skip();
            char c = text.charAt(at);
            if (c == '{') {
                Map<String, Object> map = new LinkedHashMap<>();
                at++;
                skip();
                if (text.charAt(at) == '}') {
                    at++;
                    return map;
                }
                while (true) {
                    skip();
                    String key = string();
                    skip();
                    at++; // ':'
                    map.put(key, value());
                    skip();
                    if (text.charAt(at++) == '}') {
                        return map;
                    }
                }
            }
            if (c == '[') {
                List<Object> list = new ArrayList<>();
                at++;
                skip();
                if (text.charAt(at) == ']') {
                    at++;
                    return list;
                }
                while (true) {
                    list.add(value());
                    skip();
                    if (text.charAt(at++) == ']') {
                        return list;
                    }
                }
            }
            if (c == '"') {
                return string();
            }
            if (text.startsWith("true", at)) {
                at += 4;
                return true;
            }
            if (text.startsWith("false", at)) {
                at += 5;
                return false;
            }
            if (text.startsWith("null", at)) {
                at += 4;
                return null;
            }
            int start = at;
            while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            return Double.parseDouble(text.substring(start, at));
        }

        private String string() {
            StringBuilder out = new StringBuilder();
            at++; // opening quote
            while (true) {
                char c = text.charAt(at++);
                if (c == '"') {
                    return out.toString();
                }
                if (c == '\\') {
                    char escaped = text.charAt(at++);
                    switch (escaped) {
                        case 'n' -> out.append('\n');
                        case 't' -> out.append('\t');
                        case 'r' -> out.append('\r');
                        case 'b' -> out.append('\b');
                        case 'f' -> out.append('\f');
                        case 'u' -> {
                            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                            at += 4;
                        }
                        default -> out.append(escaped);
                    }
                } else {
                    out.append(c);
                }
            }
        }

        private void skip() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }
    }
}
