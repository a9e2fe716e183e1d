package dev.cinderemulator.backup;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.cinderemulator.web.CinderException;
import dev.cinderemulator.web.CinderRequest;
import dev.cinderemulator.web.JsonFields;
import dev.cinderemulator.web.ListPages;
import dev.cinderemulator.web.ListRequest;
import dev.cinderemulator.web.ListSpec;
import dev.cinderemulator.web.Microversions;
import dev.cinderemulator.web.RequestBodies;
import dev.cinderemulator.config.EmulatorProperties;
import tools.jackson.databind.JsonNode;

/**
 * Every backups route of Cinder v3 ({@code api/contrib/backups.py}, {@code api/v3/backups.py},
 * the backup admin actions), plus the seed document's {@code /action} forms of restore, export
 * and import, which map onto the same operations.
 */
@RestController
@Transactional
class BackupsController {

    static final ListSpec BACKUP_LIST = ListSpec.of("backups", "Backup")
            .columns("id", "created_at", "updated_at", "user_id", "project_id", "volume_id", "host",
                    "availability_zone", "display_name", "display_description", "container", "parent_id", "status",
                    "fail_reason", "service", "size", "object_count", "num_dependent_backups", "snapshot_id",
                    "data_timestamp", "restore_volume_id", "encryption_key_id")
            .legacyUserFilters("name", "status", "volume_id")
            .resourceFilters("name", "status", "volume_id")
            .renamedFilters(Map.of("name", "display_name", "description", "display_description"))
            .nameSortFrom(Microversions.BACKUP_SORT_NAME)
            .integerColumns("size", "object_count", "num_dependent_backups")
            .build();

    private final BackupApi service;
    private final ListPages lists;
    private final ListPages.Listed<Backup> listed;
    private final RequestBodies bodies;
    private final EmulatorProperties properties;

    BackupsController(BackupApi service, Backups backups, ListPages lists, RequestBodies bodies,
            EmulatorProperties properties) {
        this.service = service;
        this.lists = lists;
        this.listed = new ListPages.Listed<>("backups", "Backup", backups::findAllById, Backup::id);
        this.bodies = bodies;
        this.properties = properties;
    }

    @GetMapping("/v3/backups")
    @Transactional(readOnly = true)
    Map<String, Object> index(CinderRequest request, @RequestParam MultiValueMap<String, String> params) {
        return list(request, params, "backups", backup -> BackupViews.summary(request, backup));
    }

    @GetMapping("/v3/backups/detail")
    @Transactional(readOnly = true)
    Map<String, Object> detail(CinderRequest request, @RequestParam MultiValueMap<String, String> params) {
        return list(request, params, "backups/detail", backup -> BackupViews.detail(request, backup));
    }

    private Map<String, Object> list(CinderRequest request, MultiValueMap<String, String> params, String collection,
            Function<Backup, Map<String, Object>> view) {
        ListRequest list = ListRequest.parse(request, params, BACKUP_LIST);
        return lists.respond(request, list, list.emptyByFilter(), listed, collection, view);
    }

    @GetMapping("/v3/backups/{id}")
    @Transactional(readOnly = true)
    Map<String, Object> show(CinderRequest request, @PathVariable String id) {
        return Map.of("backup", BackupViews.detail(request, service.backup(request, id)));
    }

    @PostMapping("/v3/backups")
    ResponseEntity<Map<String, Object>> create(CinderRequest request, @RequestBody(required = false) byte[] body) {
        JsonNode backup = bodies.parse(body, BackupSchemas.create(request)).get("backup");
        BackupDraft draft = new BackupDraft(JsonFields.rawText(backup, "volume_id"),
                JsonFields.rawText(backup, "snapshot_id"), JsonFields.text(backup, "name"),
                JsonFields.text(backup, "description"), JsonFields.rawText(backup, "container"),
                JsonFields.flag(backup, "incremental"), JsonFields.flag(backup, "force"),
                JsonFields.metadata(backup, "metadata"), JsonFields.rawText(backup, "availability_zone"));
        Backup created = service.create(request, draft);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("backup", BackupViews.summary(request, created)));
    }

    @PutMapping("/v3/backups/{id}")
    Map<String, Object> update(CinderRequest request, @PathVariable String id,
            @RequestBody(required = false) byte[] body) {
        request.requireAtLeast(Microversions.BACKUP_UPDATE);
        JsonNode backup = bodies.parse(body, BackupSchemas.update(request)).get("backup");
        if (backup.isNull()) {
            throw CinderException.badRequest(
                    "Invalid input for field/attribute backup. Value: None. None is not of type 'object'");
        }
        BackupChanges changes = new BackupChanges(JsonFields.text(backup, "name"), JsonFields.has(backup, "name"),
                JsonFields.text(backup, "description"), JsonFields.has(backup, "description"),
                JsonFields.has(backup, "metadata") ? JsonFields.metadata(backup, "metadata") : null);
        return Map.of("backup", BackupViews.summary(request, service.update(request, id, changes)));
    }

    @DeleteMapping("/v3/backups/{id}")
    ResponseEntity<Void> delete(CinderRequest request, @PathVariable String id) {
        service.delete(request, id);
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/v3/backups/{id}/restore")
    ResponseEntity<Map<String, Object>> restore(CinderRequest request, @PathVariable String id,
            @RequestBody(required = false) byte[] body) {
        return restore(request, id, bodies.parse(body, BackupSchemas.restore()));
    }

    private ResponseEntity<Map<String, Object>> restore(CinderRequest request, String id, JsonNode body) {
        JsonNode restore = body.get("restore");
        if (restore.isNull()) {
            throw CinderException.badRequest(
                    "Invalid input for field/attribute restore. Value: None. None is not of type 'object'");
        }
        BackupApi.RestoreResult result = service.restore(request, id, JsonFields.rawText(restore, "volume_id"),
                JsonFields.text(restore, "name"));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("backup_id", result.backupId());
        view.put("volume_id", result.volumeId());
        view.put("volume_name", result.volumeName());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("restore", view));
    }

    @GetMapping("/v3/backups/{id}/export_record")
    Map<String, Object> exportRecord(CinderRequest request, @PathVariable String id) {
        return exported(request, id);
    }

    private Map<String, Object> exported(CinderRequest request, String id) {
        String url = service.export(request, id);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("backup_service", properties.cloud().backupService());
        record.put("backup_url", url);
        return Map.of("backup-record", record);
    }

    @PostMapping("/v3/backups/import_record")
    ResponseEntity<Map<String, Object>> importRecord(CinderRequest request,
            @RequestBody(required = false) byte[] body) {
        return imported(request, bodies.parse(body), "backup-record");
    }

    private ResponseEntity<Map<String, Object>> imported(CinderRequest request, JsonNode body, String key) {
        if (!request.isAdmin()) {
            throw CinderException.policy("backup:backup-import");
        }
        BackupSchemas.importRecord(key).validate(body);
        Backup backup = service.importRecord(request, body.get(key).get("backup_service").stringValue(),
                body.get(key).get("backup_url").stringValue());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("backup", BackupViews.summary(request, backup)));
    }

    /**
     * Cinder's backup actions are {@code os-reset_status} and {@code os-force_delete}; the seed
     * document also sends {@code restore}, {@code backup-export} and {@code backup-import} here.
     */
    @PostMapping("/v3/backups/{id}/action")
    ResponseEntity<?> action(CinderRequest request, @PathVariable String id,
            @RequestBody(required = false) byte[] body) {
        JsonNode action = bodies.parse(body);
        if (!action.isObject() || action.size() != 1) {
            throw CinderException.badRequest("Malformed request body");
        }
        String name = action.propertyNames().iterator().next();
        switch (name) {
            case "os-reset_status" -> {
                BackupSchemas.resetStatus().validate(action);
                service.resetStatus(request, id, action.get(name).get("status").stringValue().toLowerCase());
                return ResponseEntity.accepted().build();
            }
            case "os-force_delete" -> {
                service.forceDelete(request, id);
                return ResponseEntity.accepted().build();
            }
            case "restore" -> {
                BackupSchemas.restore().validate(action);
                return restore(request, id, action);
            }
            case "backup-export" -> {
                return ResponseEntity.ok(exported(request, id));
            }
            case "backup-import" -> {
                return imported(request, action, "backup-import");
            }
            default -> throw CinderException.badRequest("There is no such action: " + name
                    + ". Verify the request body and Content-Type header and try again.");
        }
    }
}
