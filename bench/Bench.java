import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JVM half of bench/run.sh (single-file, JDK only): the measurements wrk can't make.
 *
 *   java bench/Bench.java start RUNS TOKEN -- COMMAND...   cold start to the first 200 of GET /v3/
 *   java bench/Bench.java walk PORT TOKEN                  a marker-paged walk of /v3/backups, limit 1000
 *   java bench/Bench.java seed PORT TOKEN VOLUMES BACKUPS FILE   creates them through the API, volume ids to FILE
 *   java bench/Bench.java train TOKEN -- COMMAND...         a training run: serves a few requests, then SIGTERM
 *   java bench/Bench.java lag PORT TOKEN COUNT READY_MS     waits for COUNT backups, prints due-to-done lag
 *   java bench/Bench.java rss PID                          resident memory of a process, in MiB
 */
public class Bench {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "start" -> start(Integer.parseInt(args[1]), args[2],
                    List.of(args).subList(Arrays.asList(args).indexOf("--") + 1, args.length));
            case "walk" -> {
                walk(Integer.parseInt(args[1]), args[2], 30, false); // JIT warm-up, not reported
                walk(Integer.parseInt(args[1]), args[2], Integer.MAX_VALUE, true);
            }
            case "seed" -> seed(Integer.parseInt(args[1]), args[2], Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]), Path.of(args[5]));
            case "lag" -> lag(Integer.parseInt(args[1]), args[2], Integer.parseInt(args[3]), Long.parseLong(args[4]));
            case "train" -> train(args[1], List.of(args).subList(Arrays.asList(args).indexOf("--") + 1, args.length));
            case "rss" -> System.out.println(rssMiB(Long.parseLong(args[1])));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    /** Spawns the command RUNS times; each time, the time from spawn until GET /v3/ answers 200. */
    static void start(int runs, String token, List<String> command) throws Exception {
        List<Double> seconds = new ArrayList<>();
        List<Double> cpuSeconds = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            int port = freePort();
            List<String> withPort = command.stream()
                    .map(arg -> arg.startsWith("--server.port=") ? "--server.port=" + port : arg).toList();
            long started = System.nanoTime();
            Path log = Files.createTempFile("bench-start-", ".log");
            Process process = new ProcessBuilder(withPort).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            try {
                while (true) {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("exited with " + process.exitValue() + ": " + command
                                + "\n" + Files.readString(log));
                    }
                    try {
                        HttpResponse<Void> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                                + port + "/v3/")).header("X-Auth-Token", token).timeout(Duration.ofSeconds(5)).build(),
                                HttpResponse.BodyHandlers.discarding());
                        if (answer.statusCode() == 200) {
                            break;
                        }
                    } catch (IOException notYet) {
                        Thread.onSpinWait();
                    }
                    if (System.nanoTime() - started > TimeUnit.SECONDS.toNanos(120)) {
                        throw new IllegalStateException("no 200 within 120 s: " + command);
                    }
                }
                seconds.add((System.nanoTime() - started) / 1e9);
                cpuSeconds.add(cpuSeconds(process.pid()));
                Files.delete(log);
            } finally {
                process.destroy();
                process.waitFor(30, TimeUnit.SECONDS);
                process.destroyForcibly().waitFor();
            }
        }
        List<Double> sorted = seconds.stream().sorted().toList();
        List<Double> cpu = cpuSeconds.stream().sorted().toList();
        System.out.printf("median %.2f s, best %.2f s %s; CPU time used by then: median %.1f s%n",
                sorted.get(sorted.size() / 2), sorted.get(0),
                seconds.stream().map(s -> String.format("%.2f", s)).toList(), cpu.get(cpu.size() / 2));
    }

    /**
     * User plus system CPU time the process has used (all its threads), from /proc: on a shared
     * machine this moves far less with the load than the wall-clock time does.
     */
    static double cpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    /**
     * A CDS or AOT-cache training run: the classes of a whole request path, not only of startup,
     * go into the archive, which the JVM writes when the process ends normally (SIGTERM).
     */
    static void train(String token, List<String> command) throws Exception {
        int port = freePort();
        Process process = new ProcessBuilder(command.stream()
                .map(arg -> arg.startsWith("--server.port=") ? "--server.port=" + port : arg).toList())
                .redirectErrorStream(true).inheritIO().start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (true) {
            try {
                if (get(port, token, "/v3/", null).statusCode() == 200) {
                    break;
                }
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
            if (System.nanoTime() > deadline || !process.isAlive()) {
                process.destroyForcibly();
                throw new IllegalStateException("training run never served: " + command);
            }
        }
        for (int i = 0; i < 20; i++) {
            get(port, token, "/v3/backups/detail?limit=5", "3.45");
            get(port, token, "/v3/volumes?limit=5", null);
            HttpRequest create = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/volumes"))
                    .header("X-Auth-Token", token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"volume\": {\"size\": 1}}")).build();
            HTTP.send(create, HttpResponse.BodyHandlers.discarding());
        }
        process.destroy();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");

    /** Every page of the project's backups, 1000 at a time, following the marker; per-page times. */
    static void walk(int port, String token, int maxPages, boolean report) throws Exception {
        List<Double> millis = new ArrayList<>();
        String marker = null;
        long items = 0;
        long began = System.nanoTime();
        while (true) {
            long started = System.nanoTime();
            HttpResponse<String> page = get(port, token, "/v3/backups?limit=1000"
                    + (marker == null ? "" : "&marker=" + marker), null);
            millis.add((System.nanoTime() - started) / 1e6);
            if (page.statusCode() != 200) {
                throw new IllegalStateException("page answered " + page.statusCode() + ": " + page.body());
            }
            Matcher ids = ID.matcher(page.body());
            String last = null;
            int count = 0;
            while (ids.find()) {
                last = ids.group(1);
                count++;
            }
            items += count;
            if (count < 1000 || millis.size() >= maxPages) {
                break;
            }
            marker = last;
        }
        if (!report) {
            return;
        }
        List<Double> sorted = millis.stream().sorted().toList();
        System.out.printf("%d backups in %d pages, %.1f s; per page p50 %.1f ms, p99 %.1f ms, first %.1f ms, last %.1f ms%n",
                items, millis.size(), (System.nanoTime() - began) / 1e9, percentile(sorted, 50),
                percentile(sorted, 99), millis.get(0), millis.get(millis.size() - 1));
    }

    /** Volumes (and a backup of the first BACKUPS of them) through the API, eight clients at a time. */
    static void seed(int port, String token, int volumes, int backups, Path file) throws Exception {
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<String>> created = new ArrayList<>();
        for (int i = 0; i < volumes; i++) {
            created.add(clients.submit(() -> id(post(port, token, "/v3/volumes", "{\"volume\": {\"size\": 1}}"))));
        }
        List<String> ids = new ArrayList<>();
        for (java.util.concurrent.Future<String> id : created) {
            ids.add(id.get());
        }
        await(port, token, "volumes");
        List<java.util.concurrent.Future<String>> backed = new ArrayList<>();
        for (String volume : ids.subList(0, backups)) {
            backed.add(clients.submit(() -> id(post(port, token, "/v3/backups",
                    "{\"backup\": {\"volume_id\": \"" + volume + "\"}}"))));
        }
        for (java.util.concurrent.Future<String> backup : backed) {
            backup.get();
        }
        await(port, token, "backups");
        await(port, token, "volumes");
        clients.shutdown();
        Files.write(file, ids);
    }

    static String id(HttpResponse<String> created) {
        if (created.statusCode() != 202) {
            throw new IllegalStateException("create answered " + created.statusCode() + ": " + created.body());
        }
        Matcher id = ID.matcher(created.body());
        id.find();
        return id.group(1);
    }

    /** Until nothing of the collection is in flight any more. */
    static void await(int port, String token, String collection) throws Exception {
        for (String status : List.of("creating", "backing-up")) {
            while (true) {
                HttpResponse<String> busy = get(port, token, "/v3/" + collection + "?status=" + status
                        + "&with_count=true&limit=1", "3.45");
                if (busy.body().contains("\"count\":0")) {
                    break;
                }
                Thread.sleep(50);
            }
        }
    }

    static HttpResponse<String> post(int port, String token, String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("X-Auth-Token", token).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static final Pattern DETAIL = Pattern.compile(
            "\"status\":\"([a-z-]+)\".*?\"updated_at\":\"([^\"]+)\".*?\"data_timestamp\":\"([^\"]+)\"");

    /**
     * Waits until the project's COUNT backups are all available, then reads them back: each was
     * seeded with its transition's due time as data_timestamp, and the worker stamps updated_at
     * when it completes it, so updated_at - data_timestamp is the lag from due to done.
     */
    static void lag(int port, String token, int count, long readyMillis) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        // Waiting must not compete with the worker it measures: one backup still creating is enough to
        // know (a with_count poll counted 100 k rows twice a second, a fifth of the CPU samples).
        while (true) {
            HttpResponse<String> creating = get(port, token, "/v3/backups?status=creating&limit=1", null);
            if (creating.statusCode() == 200 && creating.body().contains("\"backups\":[]")) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("backups still creating after 10 minutes: " + creating.body());
            }
            Thread.sleep(1_000);
        }
        List<Double> lags = new ArrayList<>();
        int early = 0;
        String marker = null;
        while (true) {
            HttpResponse<String> page = get(port, token, "/v3/backups/detail?limit=1000"
                    + (marker == null ? "" : "&marker=" + marker), null);
            List<String> pageIds = new ArrayList<>();
            Matcher ids = Pattern.compile("\\{\"id\":\"([^\"]+)\",\"status\"").matcher(page.body());
            while (ids.find()) {
                pageIds.add(ids.group(1));
            }
            Matcher details = DETAIL.matcher(page.body());
            while (details.find()) {
                LocalDateTime due = LocalDateTime.parse(details.group(3));
                if (due.toInstant(java.time.ZoneOffset.UTC).toEpochMilli() < readyMillis + 1_000) {
                    early++; // due before the emulator was up: its lag measures the start, not the worker
                } else if (details.group(1).equals("available")) {
                    lags.add(Duration.between(due, LocalDateTime.parse(details.group(2))).toNanos() / 1e6);
                }
            }
            if (pageIds.size() < 1000) {
                break;
            }
            marker = pageIds.get(pageIds.size() - 1);
        }
        List<Double> sorted = lags.stream().sorted().toList();
        System.out.printf("%d transitions: due-to-done lag p50 %.0f ms, p99 %.0f ms, max %.0f ms%n", sorted.size(),
                percentile(sorted, 50), percentile(sorted, 99), sorted.get(sorted.size() - 1));
        if (early > 0) {
            System.out.println("  (" + early + " more were due before the emulator was ready and are left out)");
        }
    }

    static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static long rssMiB(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        throw new IllegalStateException("no VmRSS for " + pid);
    }

    static HttpResponse<String> get(int port, String token, String path, String version) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("X-Auth-Token", token).timeout(Duration.ofSeconds(60));
        if (version != null) {
            request.header("OpenStack-API-Version", "volume " + version);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static double percentile(List<Double> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }
}
