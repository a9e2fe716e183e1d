package dev.cinderemulator.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.cinderemulator.backup.BackupControl;
import dev.cinderemulator.backup.BackupFixture;
import dev.cinderemulator.config.EmulatorProperties;
import dev.cinderemulator.engine.EmulatorClock;
import dev.cinderemulator.engine.IdGenerator;
import dev.cinderemulator.fixture.FixtureDefaults;
import dev.cinderemulator.fixture.FixtureFields;
import dev.cinderemulator.identity.Identities;
import dev.cinderemulator.volume.SnapshotFixture;
import dev.cinderemulator.volume.VolumeControl;
import dev.cinderemulator.volume.VolumeFixture;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Fixture documents: {@code {volumes: [...], snapshots: [...], backups: [...]}} in JSON or YAML,
 * with Cinder's field names. A document is checked whole before anything is written, and written
 * in one transaction, so it is applied entirely or not at all. Export writes the same format, so
 * a saved state loads back as it was (into an emulator without those ids: reset first).
 */
@Component
class Fixtures {

    private static final Set<String> ROOT = Set.of("volumes", "snapshots", "backups");

    private final VolumeControl volumes;
    private final BackupControl backups;
    private final IdGenerator ids;
    private final EmulatorClock clock;
    private final EmulatorProperties properties;
    private final Identities identities;
    private final JsonMapper json;
    private final YAMLMapper yaml = YAMLMapper.builder().build();
    private final TransactionTemplate transaction;

    Fixtures(VolumeControl volumes, BackupControl backups, IdGenerator ids, EmulatorClock clock,
            EmulatorProperties properties, Identities identities, JsonMapper json,
            PlatformTransactionManager transactions) {
        this.volumes = volumes;
        this.backups = backups;
        this.ids = ids;
        this.clock = clock;
        this.properties = properties;
        this.identities = identities;
        this.json = json;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** JSON unless the media type says YAML ({@code application/yaml}, {@code application/x-yaml}, {@code text/yaml}). */
    JsonNode read(byte[] body, boolean asYaml) {
        if (body == null || body.length == 0) {
            throw ControlException.badRequest("The fixture document is empty");
        }
        try {
            JsonNode document = asYaml ? yaml.readTree(body) : json.readTree(body);
            if (document == null || document.isMissingNode()) {
                throw ControlException.badRequest("The fixture document is empty");
            }
            return document;
        } catch (JacksonException malformed) {
            throw ControlException.badRequest("The fixture document is not valid " + (asYaml ? "YAML" : "JSON")
                    + ": " + malformed.getOriginalMessage());
        }
    }

    static boolean isYaml(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return false;
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (RuntimeException malformed) {
            throw new ControlException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unreadable Content-Type " + contentType);
        }
        if (type.getSubtype().equals("yaml") || type.getSubtype().equals("x-yaml")) {
            return true;
        }
        if (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json")) {
            return false;
        }
        throw new ControlException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Fixture documents are application/json or application/yaml, not " + contentType);
    }

    /** Checks and loads one document in one transaction; returns how many of each it loaded. */
    Map<String, Integer> apply(JsonNode document) {
        return transaction.execute(status -> {
            Parsed parsed = parse(document);
            parsed.volumes.forEach(volumes::load);
            parsed.snapshots.forEach(volumes::load);
            backups.load(parsed.backups);
            Map<String, Integer> loaded = new LinkedHashMap<>();
            loaded.put("volumes", parsed.volumes.size());
            loaded.put("snapshots", parsed.snapshots.size());
            loaded.put("backups", parsed.backups.size());
            return loaded;
        });
    }

    boolean emulatorIsEmpty() {
        return volumes.isEmpty() && backups.isEmpty();
    }

    private record Parsed(List<VolumeFixture> volumes, List<SnapshotFixture> snapshots, List<BackupFixture> backups) {
    }

    private Parsed parse(JsonNode given) {
        if (!given.isObject()) {
            throw ControlException.badRequest("The fixture document must be an object with volumes, snapshots "
                    + "and/or backups, got " + FixtureFields.describe(given));
        }
        JsonNode document = withProjectIds(given);
        for (String key : document.propertyNames()) {
            if (key.equals("users") || key.equals("projects")) {
                throw FixtureFields.invalid(key, "identities come from configuration (emulator.identity.*) "
                        + "and cannot be loaded as fixtures");
            }
            if (!ROOT.contains(key)) {
                throw FixtureFields.invalid(key, "unknown section (known: backups, snapshots, volumes)");
            }
        }
        FixtureDefaults defaults = new FixtureDefaults(clock.now(), ids::newId,
                properties.cloud().availabilityZone());
        Map<String, VolumeFixture> documentVolumes = new HashMap<>();
        List<VolumeFixture> volumeList = new ArrayList<>();
        for (Item item : items(document, "volumes")) {
            VolumeFixture volume = VolumeFixture.read(new FixtureFields(item.node, item.path, VolumeFixture.FIELDS),
                    defaults);
            if (documentVolumes.putIfAbsent(volume.id(), volume) != null) {
                throw FixtureFields.invalid(item.path + ".id", "volume " + volume.id() + " appears twice");
            }
            if (volumes.findVolume(volume.id()).isPresent()) {
                throw conflict(item.path + ".id", "volume " + volume.id());
            }
            volumeList.add(volume);
        }
        Set<String> snapshotIds = new HashSet<>();
        List<SnapshotFixture> snapshotList = new ArrayList<>();
        for (Item item : items(document, "snapshots")) {
            FixtureFields fields = new FixtureFields(item.node, item.path, SnapshotFixture.FIELDS);
            SnapshotFixture snapshot = SnapshotFixture.read(fields, defaults, id -> volumeOf(id, documentVolumes));
            if (!snapshotIds.add(snapshot.id())) {
                throw FixtureFields.invalid(item.path + ".id", "snapshot " + snapshot.id() + " appears twice");
            }
            if (volumes.snapshotExists(snapshot.id())) {
                throw conflict(item.path + ".id", "snapshot " + snapshot.id());
            }
            snapshotList.add(snapshot);
        }
        Map<String, BackupFixture> documentBackups = new LinkedHashMap<>();
        Map<String, String> pathOf = new HashMap<>();
        for (Item item : items(document, "backups")) {
            BackupFixture backup = BackupFixture.read(new FixtureFields(item.node, item.path, BackupFixture.FIELDS),
                    defaults, id -> volumeOf(id, documentVolumes));
            if (documentBackups.putIfAbsent(backup.id(), backup) != null) {
                throw FixtureFields.invalid(item.path + ".id", "backup " + backup.id() + " appears twice");
            }
            if (backups.find(backup.id()).isPresent()) {
                throw conflict(item.path + ".id", "backup " + backup.id());
            }
            pathOf.put(backup.id(), item.path);
        }
        for (BackupFixture backup : documentBackups.values()) {
            checkParent(backup, documentBackups, pathOf.get(backup.id()) + ".parent_id");
        }
        return new Parsed(volumeList, snapshotList, List.copyOf(documentBackups.values()));
    }

    /**
     * {@code project: demo} names a project; it becomes the {@code project_id} the resource is stored
     * with (Keystone's id, or the name itself in noauth mode, where a token's project is taken as it
     * is). In keystone mode a {@code project_id} must be a configured project's: resources of any
     * other project could never be seen by anyone who logs in.
     */
    private JsonNode withProjectIds(JsonNode given) {
        JsonNode document = given.deepCopy();
        for (String section : ROOT) {
            JsonNode list = document.get(section);
            if (list == null || !list.isArray()) {
                continue;
            }
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof ObjectNode item)) {
                    continue;
                }
                String path = section + "[" + i + "]";
                if (item.has("project")) {
                    if (item.has("project_id")) {
                        throw FixtureFields.invalid(path + ".project",
                                "give the project by name (project) or by id (project_id), not both");
                    }
                    JsonNode name = item.get("project");
                    String id = name.isString() ? identities.projectIdByName(name.asString()).orElse(null) : null;
                    if (id == null) {
                        throw FixtureFields.invalid(path + ".project", "no project named " + name + " (projects: "
                                + projectNames() + ")");
                    }
                    item.remove("project");
                    item.put("project_id", id);
                } else if (item.get("project_id") != null && item.get("project_id").isString()
                        && !identities.projectIdExists(item.get("project_id").asString())) {
                    String id = item.get("project_id").asString();
                    throw FixtureFields.invalid(path + ".project_id", "no configured project has the id " + id
                            + ", so no one could see this resource (the projects: " + projectIds()
                            + "); name the project instead, e.g. project: demo");
                }
            }
        }
        return document;
    }

    private List<String> projectNames() {
        return identities.projects().stream().map(Identities.ProjectView::name).toList();
    }

    private List<String> projectIds() {
        return identities.projects().stream().map(project -> project.name() + " = " + project.id()).toList();
    }

    /** Incrementals: the parent is a backup of the same volume, here or already loaded, and no cycle. */
    private void checkParent(BackupFixture backup, Map<String, BackupFixture> documentBackups, String path) {
        Set<String> seen = new HashSet<>();
        seen.add(backup.id());
        BackupFixture child = backup;
        while (child.parentId() != null) {
            String parentId = child.parentId();
            BackupFixture parent = documentBackups.containsKey(parentId) ? documentBackups.get(parentId)
                    : backups.find(parentId).orElse(null);
            if (parent == null) {
                throw FixtureFields.invalid(path, "no backup " + parentId + " in this document or in the emulator");
            }
            if (child == backup && !parent.volumeId().equals(backup.volumeId())) {
                throw FixtureFields.invalid(path, "the parent " + parentId + " is a backup of volume "
                        + parent.volumeId() + ", not of " + backup.volumeId());
            }
            if (!seen.add(parentId)) {
                throw FixtureFields.invalid(path, "the chain of parents loops back to " + parentId);
            }
            child = parent;
        }
    }

    private Optional<VolumeFixture> volumeOf(String id, Map<String, VolumeFixture> documentVolumes) {
        return documentVolumes.containsKey(id) ? Optional.of(documentVolumes.get(id)) : volumes.findVolume(id);
    }

    private static ControlException conflict(String path, String what) {
        return new ControlException(HttpStatus.CONFLICT,
                path + ": " + what + " already exists in the emulator (reset first, or choose another id)");
    }

    private record Item(JsonNode node, String path) {
    }

    private static List<Item> items(JsonNode document, String section) {
        JsonNode list = document.get(section);
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw FixtureFields.invalid(section, "must be a list, got " + FixtureFields.describe(list));
        }
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            items.add(new Item(list.get(i), section + "[" + i + "]"));
        }
        return items;
    }

    /** The current state, oldest first in each section, with null fields left out. */
    Map<String, Object> export(String projectId) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("volumes", volumes.volumes(projectId).stream().map(VolumeFixture::document).toList());
        document.put("snapshots", volumes.snapshots(projectId).stream().map(SnapshotFixture::document).toList());
        document.put("backups", backups.backups(projectId).stream().map(BackupFixture::document).toList());
        return document;
    }

    String render(Map<String, Object> document, boolean asYaml) {
        return asYaml ? yaml.writeValueAsString(document) : json.writeValueAsString(document);
    }
}
