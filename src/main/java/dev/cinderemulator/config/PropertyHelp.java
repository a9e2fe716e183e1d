package dev.cinderemulator.config;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every {@code emulator.*} property with its default and meaning: the text of {@code --help}, and
 * the names a misspelt key is compared with. {@code PropertyHelpTests} keeps it complete against
 * {@link EmulatorProperties}.
 */
public final class PropertyHelp {

    public record Entry(String name, String defaultValue, String meaning) {
    }

    public static final List<Entry> ENTRIES = List.of(
            new Entry("emulator.auth.mode", "keystone",
                    "keystone (log in at /keystone/v3 first) or noauth (X-Auth-Token: <user>:<project>, admin)"),
            new Entry("emulator.auth.token-ttl", "1h", "how long an issued Keystone token is valid"),
            new Entry("emulator.auth.static-tokens[N].token", "(none)",
                    "a fixed token accepted beside issued ones; with .user and .project"),
            new Entry("emulator.auth.static-tokens[N].user", "(none)", "the user name of that static token"),
            new Entry("emulator.auth.static-tokens[N].project", "(none)", "the project name of that static token"),
            new Entry("emulator.timing.backup-create", "2s", "creating -> available of a backup (0: at once)"),
            new Entry("emulator.timing.backup-restore", "2s", "restoring -> available of a backup and its volume"),
            new Entry("emulator.timing.backup-delete", "1s", "deleting -> gone of a backup"),
            new Entry("emulator.timing.backup-import", "1s", "an imported backup record becoming available"),
            new Entry("emulator.timing.volume-create", "1s", "creating -> available of a volume"),
            new Entry("emulator.timing.volume-delete", "1s", "deleting -> gone of a volume"),
            new Entry("emulator.timing.snapshot-create", "1s", "creating -> available of a snapshot"),
            new Entry("emulator.timing.snapshot-delete", "1s", "deleting -> gone of a snapshot"),
            new Entry("emulator.timing.poll-interval", "25ms", "how often the emulated services look for due work"),
            new Entry("emulator.quotas.volumes", "10", "volumes per project (-1: unlimited)"),
            new Entry("emulator.quotas.snapshots", "10", "snapshots per project (-1: unlimited)"),
            new Entry("emulator.quotas.gigabytes", "1000", "GB of volumes and snapshots per project (-1: unlimited)"),
            new Entry("emulator.quotas.backups", "10", "backups per project (-1: unlimited)"),
            new Entry("emulator.quotas.backup-gigabytes", "1000", "GB of backups per project (-1: unlimited)"),
            new Entry("emulator.quotas.per-volume-gigabytes", "-1", "GB of one volume (-1: unlimited)"),
            new Entry("emulator.quotas.groups", "10", "groups per project (-1: unlimited)"),
            new Entry("emulator.cloud.public-base-url", "(the request's)",
                    "the URL clients reach the emulator at, used in the catalog and links"),
            new Entry("emulator.cloud.region", "RegionOne", "the region of the catalog's endpoints"),
            new Entry("emulator.cloud.availability-zone", "nova", "the availability zone of volumes and backups"),
            new Entry("emulator.cloud.backup-service", "cinder.backup.drivers.swift.SwiftBackupDriver",
                    "the backup driver exported records name"),
            new Entry("emulator.cloud.max-request-body-size", "114688", "larger request bodies get 413"),
            new Entry("emulator.identity.projects[N].name", "admin, demo, alt_demo", "the projects Keystone serves"),
            new Entry("emulator.identity.projects[N].id", "(derived from the name)", "a project's fixed id"),
            new Entry("emulator.identity.users[N].name", "admin, demo, alt_demo", "the users Keystone serves"),
            new Entry("emulator.identity.users[N].password", "(none: cannot log in)", "a user's password"),
            new Entry("emulator.identity.users[N].project", "(none)", "a user's project, created if not listed"),
            new Entry("emulator.identity.users[N].roles", "member (admin for admin)", "a user's roles on it"),
            new Entry("emulator.identity.users[N].id", "(derived from the name)", "a user's fixed id"),
            new Entry("emulator.fixtures", "(none)",
                    "fixture documents or folders of them, loaded into an empty emulator at start"),
            new Entry("emulator.id-seed", "(random)", "generated ids repeat from run to run (and after a reset)"),
            new Entry("emulator.data-dir", "(memory)", "keep the state in an H2 database in this folder"),
            new Entry("emulator.journal.size", "1000", "requests the journal keeps, 0 to 100000 (0: off)"),
            new Entry("emulator.journal.max-body-bytes", "4096", "bytes of each request body the journal keeps"),
            new Entry("emulator.control.open", "false",
                    "true: anyone who reaches the port may use /_emulator (else loopback or an admin token)"),
            new Entry("emulator.limits.body-read-timeout", "10s", "the longest a request body may take to arrive (408)"),
            new Entry("emulator.limits.concurrent-body-reads", "150",
                    "request bodies read at once; more get 503 (slow senders leave threads free)"),
            new Entry("emulator.limits.fixtures-body-size", "16MB", "the largest fixture document (413)"),
            new Entry("emulator.limits.tokens", "10000", "issued Keystone tokens kept; past it the oldest go"),
            new Entry("emulator.limits.fault-rules", "100", "fault rules at once"));

    /** Besides the emulator's own, the Spring Boot properties people set most. */
    public static final List<Entry> COMMON = List.of(
            new Entry("server.port", "8776", "the port of everything (0: any free port)"),
            new Entry("server.address", "(all interfaces)", "the address to listen on"),
            new Entry("spring.datasource.url", "(H2 in memory)",
                    "a database of your own, e.g. jdbc:postgresql://host/cinder (with .username, .password)"),
            new Entry("logging.level.dev.cinderemulator", "INFO", "DEBUG shows each transition"));

    private PropertyHelp() {
    }

    /** The known property nearest to a misspelt one, if it is near enough to be meant. */
    public static Optional<String> nearest(String misspelt) {
        String plain = misspelt.replaceAll("\\[\\d+]", "[N]");
        return ENTRIES.stream().map(Entry::name)
                .min(Comparator.comparingInt(name -> distance(name, plain)))
                .filter(name -> distance(name, plain) <= Math.max(2, plain.length() / 5));
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
