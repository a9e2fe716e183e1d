import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
 *   java bench/Bench.java race RUNS TOKEN RESULTS :: LABEL PATH COMMAND... [:: LABEL PATH COMMAND...]...
 *                                                          cold starts of several servers, interleaved
 *   java bench/Bench.java ready PORT TOKEN PATH [PID]      waits (up to 180 s) for the first 200 of GET PATH
 *   java bench/Bench.java get PORT TOKEN PATH              prints the status and body size of GET PATH
 *   java bench/Bench.java stub PORT TOKEN PATH FILE        a WireMock mapping of the answer to GET PATH, to FILE
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
            case "race" -> race(Integer.parseInt(args[1]), args[2], Path.of(args[3]),
                    List.of(args).subList(4, args.length));
            case "ready" -> ready(Integer.parseInt(args[1]), args[2], args[3],
                    args.length > 4 ? Long.parseLong(args[4]) : -1);
            case "get" -> {
                HttpResponse<String> answer = get(Integer.parseInt(args[1]), args[2], args[3], null);
                System.out.println(answer.statusCode() + " " + answer.body().getBytes(StandardCharsets.UTF_8).length);
            }
            case "stub" -> stub(Integer.parseInt(args[1]), args[2], args[3], Path.of(args[4]));
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

    /** What Spring Boot, WireMock (Jetty) and Prism (Node) print when their port is taken. */
    static final Pattern PORT_TAKEN = Pattern.compile("(?i)already in use|failed to bind|EADDRINUSE");

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

    /**
     * Cold starts of several servers, interleaved: RUNS rounds, each spawning every server once in
     * turn (the order rotates from round to round), so that a change in the machine's speed hits
     * all of them alike. Each group is "LABEL PATH COMMAND...": {PORT} in an argument, and the value
     * of a --server.port= argument, become a free port; the time is from spawn to the first 200 of
     * GET PATH (with the X-Auth-Token), and the CPU time and resident memory (the process and its
     * descendants) are read at that moment. Prints a line per server, and writes
     * "LABEL<TAB>median s<TAB>median CPU s<TAB>median RSS MiB" lines to RESULTS.
     */
    static void race(int runs, String token, Path results, List<String> groups) throws Exception {
        List<List<String>> servers = new ArrayList<>();
        for (String arg : groups) {
            if (arg.equals("::")) {
                servers.add(new ArrayList<>());
            } else {
                servers.get(servers.size() - 1).add(arg);
            }
        }
        int n = servers.size();
        double[][] wall = new double[n][runs];
        double[][] cpu = new double[n][runs];
        double[][] rss = new double[n][runs];
        for (int run = 0; run < runs; run++) {
            for (int i = 0; i < n; i++) {
                int s = (i + run) % n;
                List<String> server = servers.get(s);
                double[] first = null;
                for (int attempt = 1; first == null; attempt++) { // another port when the first was taken
                    first = firstAnswer(server.subList(2, server.size()), server.get(1), token, attempt == 3);
                }
                wall[s][run] = first[0];
                cpu[s][run] = first[1];
                rss[s][run] = first[2];
            }
        }
        int width = servers.stream().mapToInt(server -> server.get(0).length()).max().orElse(0) + 1;
        StringBuilder lines = new StringBuilder();
        for (int s = 0; s < n; s++) {
            String label = servers.get(s).get(0);
            List<String> each = new ArrayList<>();
            for (double w : wall[s]) {
                each.add(String.format("%.2f", w));
            }
            System.out.printf("  %-" + width + "s median %.2f s, best %.2f s %s; CPU time by then: median %.1f s;"
                    + " RSS then: median %.0f MiB%n", label + ":", median(wall[s]),
                    Arrays.stream(wall[s]).min().orElseThrow(), each, median(cpu[s]), median(rss[s]));
            lines.append(String.format("%s\t%.2f\t%.1f\t%.0f%n", label, median(wall[s]), median(cpu[s]),
                    median(rss[s])));
        }
        Files.writeString(results, lines.toString());
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /**
     * Spawns the command once: {wall seconds to the first 200 of GET path, CPU seconds by then, RSS
     * MiB then}, or null when it could not listen on the port it was given (taken meanwhile: the
     * machine is shared) unless lastTry.
     */
    static double[] firstAnswer(List<String> command, String path, String token, boolean lastTry)
            throws Exception {
        int port = freePort();
        List<String> withPort = command.stream()
                .map(arg -> arg.startsWith("--server.port=") ? "--server.port=" + port : arg)
                .map(arg -> arg.replace("{PORT}", String.valueOf(port))).toList();
        Path log = Files.createTempFile("bench-race-", ".log");
        long started = System.nanoTime();
        Process process = new ProcessBuilder(withPort).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            while (true) {
                if (!process.isAlive()) {
                    String output = Files.readString(log);
                    if (!lastTry && PORT_TAKEN.matcher(output).find()) {
                        Files.delete(log);
                        return null;
                    }
                    throw new IllegalStateException("exited with " + process.exitValue() + ": " + withPort
                            + "\n" + output);
                }
                try {
                    HttpResponse<Void> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                            + port + path)).header("X-Auth-Token", token).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (answer.statusCode() == 200) {
                        break;
                    }
                } catch (IOException notYet) {
                    Thread.onSpinWait();
                }
                if (System.nanoTime() - started > TimeUnit.SECONDS.toNanos(180)) {
                    throw new IllegalStateException("no 200 within 180 s: " + withPort + "\n" + Files.readString(log));
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpuTime = cpuSeconds(process.pid());
            double rss = rssMiB(process.pid());
            for (ProcessHandle child : process.descendants().toList()) {
                try {
                    cpuTime += cpuSeconds(child.pid());
                    rss += rssMiB(child.pid());
                } catch (IOException | IllegalStateException gone) {
                    // ended meanwhile
                }
            }
            Files.delete(log);
            return new double[] {seconds, cpuTime, rss};
        } finally {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
            }
        }
    }

    /**
     * Until GET PATH answers 200 (a server started by the shell, in the background); exits with 3
     * at once when the server's process (PID, if given) has ended.
     */
    static void ready(int port, String token, String path, long pid) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (true) {
            if (pid >= 0 && !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                System.err.println("the server on port " + port + " has ended");
                System.exit(3);
            }
            try {
                if (get(port, token, path, null).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no 200 of GET " + path + " on port " + port + " within 180 s");
            }
            Thread.sleep(50);
        }
    }

    /**
     * A WireMock mapping that answers GET PATH with what the server on PORT answers to it now: the
     * same status, body and headers (less those of the connection, which WireMock sets itself).
     */
    static void stub(int port, String token, String path, Path file) throws Exception {
        HttpResponse<String> answer = get(port, token, path, null);
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        StringBuilder headers = new StringBuilder();
        answer.headers().map().forEach((name, values) -> {
            if (!List.of("date", "content-length", "transfer-encoding", "connection", "keep-alive", ":status")
                    .contains(name.toLowerCase())) {
                headers.append(headers.length() == 0 ? "" : ", ").append(json(name)).append(": ")
                        .append(json(values.get(0)));
            }
        });
        Files.writeString(file, "{\"request\": {\"method\": \"GET\", \"urlPath\": " + json(path) + "},\n"
                + " \"response\": {\"status\": 200, \"headers\": {" + headers + "},\n"
                + "  \"body\": " + json(answer.body()) + "}}\n");
        Matcher ids = ID.matcher(answer.body());
        int count = 0;
        while (ids.find()) {
            count++;
        }
        System.out.println(count + " backups, " + answer.body().getBytes(StandardCharsets.UTF_8).length + " bytes");
    }

    static String json(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
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
