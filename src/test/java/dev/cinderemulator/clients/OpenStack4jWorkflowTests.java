package dev.cinderemulator.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.openstack4j.api.Builders;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.api.storage.BlockStorageService;
import org.openstack4j.api.types.ServiceType;
import org.openstack4j.core.transport.HttpResponse;
import org.openstack4j.model.common.ActionResponse;
import org.openstack4j.model.common.Identifier;
import org.openstack4j.model.storage.block.Volume;
import org.openstack4j.model.storage.block.VolumeBackup;
import org.openstack4j.model.storage.block.VolumeBackupRestore;
import org.openstack4j.openstack.OSFactory;
import org.openstack4j.openstack.internal.BaseOpenStackService;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * openstack4j, unmodified, against the emulator in its default (keystone) mode: password login
 * against {@code /keystone/v3}, the catalog to find Cinder, then a whole backup workflow. The
 * emulated services finish their work on their own clock, so every wait polls with a deadline.
 * Same application context as the Keystone suites (default configuration).
 *
 * <p>openstack4j 3.12 has no backup update, export or import. Those steps go through openstack4j's
 * own request pipeline ({@link RawBlockStorage}: its session, the catalog's Cinder endpoint and
 * the token), as an application using openstack4j would have to.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenStack4jWorkflowTests {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void adminRunsTheWholeBackupWorkflow() {
        OSClientV3 admin = login("admin");
        assertThat(admin.getToken().getProject().getName()).isEqualTo("admin");
        BlockStorageService storage = admin.blockStorage();
        RawBlockStorage raw = new RawBlockStorage();

        Volume volume = storage.volumes().create(Builders.volume().name("o4j-source").description("from openstack4j")
                .size(1).metadata(Map.of("origin", "openstack4j")).build());
        assertThat(volume.getId()).isNotBlank();
        awaitVolume(storage, volume.getId());

        VolumeBackup created = storage.backups().create(Builders.volumeBackupCreate().volumeId(volume.getId())
                .name("o4j-backup").description("made by openstack4j").build());
        assertThat(created.getId()).isNotBlank();
        assertThat(created.getName()).isEqualTo("o4j-backup");
        String backupId = created.getId();
        VolumeBackup backup = awaitBackup(storage, backupId);

        // Show
        assertThat(backup.getName()).isEqualTo("o4j-backup");
        assertThat(backup.getDescription()).isEqualTo("made by openstack4j");
        assertThat(backup.getVolumeId()).isEqualTo(volume.getId());
        assertThat(backup.getSize()).isEqualTo(1);
        // backup/api.py create() leaves the zone empty; only an import fills it in.
        assertThat(backup.getZone()).isNull();
        assertThat(backup.getContainer()).isNotBlank();
        assertThat(backup.getCreated()).isNotNull();
        assertThat(backup.isIncremental()).isFalse();
        assertThat(backup.hasDependent()).isFalse();

        // List (openstack4j always lists /backups/detail), unfiltered and filtered
        assertThat(storage.backups().list()).extracting(VolumeBackup::getId).contains(backupId);
        assertThat(storage.backups().list(Map.of("name", "o4j-backup", "status", "available")))
                .extracting(VolumeBackup::getId).containsExactly(backupId);
        assertThat(storage.backups().list(Map.of("name", "no-such-backup"))).isEmpty();

        // Update: not in openstack4j, PUT at microversion 3.9 through its pipeline
        HttpResponse updated = raw.update(backupId, "{\"backup\": {\"name\": \"o4j-renamed\", "
                + "\"description\": \"renamed through openstack4j\"}}");
        assertThat(updated.getStatus()).isEqualTo(200);
        assertThat(storage.backups().get(backupId).getName()).isEqualTo("o4j-renamed");
        assertThat(storage.backups().get(backupId).getDescription()).isEqualTo("renamed through openstack4j");

        // Restore into a new volume
        VolumeBackupRestore restore = storage.backups().restore(backupId, "o4j-restored", null);
        assertThat(restore.getBackupId()).isEqualTo(backupId);
        assertThat(restore.getVolumeId()).isNotBlank();
        Volume restored = awaitVolume(storage, restore.getVolumeId());
        assertThat(restored.getName()).isEqualTo("o4j-restored");
        assertThat(restored.getMetaData()).containsEntry("origin", "openstack4j")
                .containsEntry("src_backup_id", backupId);
        awaitBackup(storage, backupId);

        // Restore onto an existing volume
        Volume target = storage.volumes().create(Builders.volume().name("o4j-target").size(1).build());
        awaitVolume(storage, target.getId());
        VolumeBackupRestore onto = storage.backups().restore(backupId, null, target.getId());
        assertThat(onto.getVolumeId()).isEqualTo(target.getId());
        assertThat(awaitVolume(storage, target.getId()).getMetaData()).containsEntry("src_backup_id", backupId);
        awaitBackup(storage, backupId);

        // Export as admin, delete, import the record back
        HttpResponse exported = raw.exportRecord(backupId);
        assertThat(exported.getStatus()).isEqualTo(200);
        JsonNode record = JSON.readTree(body(exported)).get("backup-record");
        assertThat(record.get("backup_service").stringValue()).isNotBlank();
        assertThat(record.get("backup_url").stringValue()).isNotBlank();

        ActionResponse deleted = storage.backups().delete(backupId);
        assertThat(deleted.isSuccess()).as(deleted.toString()).isTrue();
        awaitGone(() -> storage.backups().get(backupId));

        HttpResponse imported = raw.importRecord("{\"backup-record\": " + record + "}");
        assertThat(imported.getStatus()).isEqualTo(201);
        assertThat(JSON.readTree(body(imported)).at("/backup/id").stringValue())
                .isEqualTo(backupId);
        VolumeBackup back = awaitBackup(storage, backupId);
        assertThat(back.getName()).isEqualTo("o4j-renamed");
        assertThat(back.getSize()).isEqualTo(1);

        // Delete everything
        assertThat(storage.backups().delete(backupId).isSuccess()).isTrue();
        awaitGone(() -> storage.backups().get(backupId));
        for (String id : new String[] { volume.getId(), restored.getId(), target.getId() }) {
            ActionResponse gone = storage.volumes().delete(id);
            assertThat(gone.isSuccess()).as(gone.toString()).isTrue();
        }
        for (String id : new String[] { volume.getId(), restored.getId(), target.getId() }) {
            awaitGone(() -> storage.volumes().get(id));
        }
    }

    @Test
    void aMemberWorksInItsOwnProjectOnly() {
        OSClientV3 demo = login("demo");
        BlockStorageService storage = demo.blockStorage();
        Volume volume = storage.volumes().create(Builders.volume().name("o4j-demo").size(1).build());
        awaitVolume(storage, volume.getId());
        String backupId = storage.backups().create(Builders.volumeBackupCreate().volumeId(volume.getId())
                .name("o4j-demo-backup").build()).getId();
        awaitBackup(storage, backupId);
        RawBlockStorage raw = new RawBlockStorage();
        HttpResponse export = raw.exportRecord(backupId);
        assertThat(export.getStatus()).isEqualTo(403);
        assertThat(body(export)).contains("Policy doesn't allow backup:export-import to be performed.");

        OSClientV3 alt = login("alt_demo");
        BlockStorageService altStorage = alt.blockStorage();
        assertThat(altStorage.backups().get(backupId)).isNull();
        assertThat(altStorage.backups().list(Map.of("all_tenants", "1"))).extracting(VolumeBackup::getId)
                .doesNotContain(backupId);
        assertThat(altStorage.volumes().get(volume.getId())).isNull();
        ActionResponse refused = altStorage.backups().delete(backupId);
        assertThat(refused.getCode()).isEqualTo(404);

        OSFactory.clientFromToken(demo.getToken());
        assertThat(storage.backups().get(backupId).getStatus()).isEqualTo(VolumeBackup.Status.AVAILABLE);
        assertThat(storage.backups().delete(backupId).isSuccess()).isTrue();
        awaitGone(() -> storage.backups().get(backupId));
        assertThat(storage.volumes().delete(volume.getId()).isSuccess()).isTrue();
        awaitGone(() -> storage.volumes().get(volume.getId()));
    }

    /** The raw body: openstack4j's own readEntity unwraps a root element. */
    private static String body(HttpResponse response) {
        try (InputStream in = response.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /** openstack4j's password login; it also makes this client the thread's current session. */
    private OSClientV3 login(String user) {
        return OSFactory.builderV3()
                .endpoint("http://127.0.0.1:" + port + "/keystone/v3")
                .credentials(user, user, Identifier.byName("Default"))
                .scopeToProject(Identifier.byName(user), Identifier.byName("Default"))
                .authenticate();
    }

    private static Volume awaitVolume(BlockStorageService storage, String id) {
        return await(() -> storage.volumes().get(id), volume -> volume != null
                && volume.getStatus() == Volume.Status.AVAILABLE, "volume " + id + " available");
    }

    private static VolumeBackup awaitBackup(BlockStorageService storage, String id) {
        return await(() -> storage.backups().get(id), backup -> backup != null
                && backup.getStatus() == VolumeBackup.Status.AVAILABLE, "backup " + id + " available");
    }

    /** openstack4j answers a 404 on GET with null. */
    private static void awaitGone(Supplier<?> probe) {
        await(probe, found -> found == null, "resource gone");
    }

    private static <T> T await(Supplier<T> probe, Predicate<T> done, String what) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        T value = probe.get();
        while (!done.test(value)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("No " + what + " within " + DEADLINE + "; last seen: " + value);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionError(interrupted);
            }
            value = probe.get();
        }
        return value;
    }

    /**
     * Cinder calls openstack4j has no method for, made through its own request pipeline: the
     * current session's token and the Cinder endpoint from its catalog.
     */
    static final class RawBlockStorage extends BaseOpenStackService {

        RawBlockStorage() {
            super(ServiceType.BLOCK_STORAGE);
        }

        HttpResponse update(String backupId, String json) {
            return put(Void.class, uri("/backups/%s", backupId)).header("OpenStack-API-Version", "volume 3.9")
                    .json(json).executeWithResponse();
        }

        HttpResponse exportRecord(String backupId) {
            return get(Void.class, uri("/backups/%s/export_record", backupId)).executeWithResponse();
        }

        HttpResponse importRecord(String json) {
            return post(Void.class, uri("/backups/import_record")).json(json).executeWithResponse();
        }
    }
}
