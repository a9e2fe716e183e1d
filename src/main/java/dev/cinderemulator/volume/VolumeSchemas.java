package dev.cinderemulator.volume;

import static dev.cinderemulator.web.JsonSchema.schema;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.cinderemulator.web.CinderRequest;
import dev.cinderemulator.web.JsonSchema;
import dev.cinderemulator.web.Microversions;
import dev.cinderemulator.web.ParameterTypes;
import dev.cinderemulator.web.PythonText;
import tools.jackson.databind.JsonNode;

/**
 * {@code cinder/api/schemas/volumes.py}, {@code snapshots.py} and {@code admin_actions.py}'s
 * {@code reset_status_volume}, with the format checkers of {@code api/validation/validators.py}.
 */
final class VolumeSchemas {

    /** {@code fields.VolumeStatus.ALL}, in its order: Cinder prints the tuple in refusals. */
    static final List<String> VOLUME_STATUSES = VolumeStatus.NAMES;
    private static final List<String> ATTACH_STATUSES = List.of("attached", "detached");
    private static final List<String> MIGRATION_STATUSES = List.of("migrating", "error", "success", "completing",
            "none", "starting");
    private static final long DB_MAX_INT = 0x7FFFFFFFL;

    private VolumeSchemas() {
    }

    /**
     * {@code create} below 3.13, {@code create_volume_v313} (group_id), {@code v347} (backup_id)
     * and, from 3.53, {@code v353}, which is the first to refuse unknown properties.
     */
    static JsonSchema create(CinderRequest request) {
        JsonSchema volume = schema().type("object")
                .property("name", nameOrDescription("name"))
                .property("description", nameOrDescription("description"))
                .property("display_name", nameOrDescription("name"))
                .property("display_description", nameOrDescription("description"))
                .property("volume_type", ParameterTypes.nameAllowZeroMinLength())
                .property("metadata", ParameterTypes.metadata(true))
                .property("snapshot_id", optionalUuid())
                .property("source_volid", optionalUuid())
                .property("consistencygroup_id", optionalUuid())
                .property("size", schema().type("integer", "string", "null").pattern("^[0-9]+$").range(1, DB_MAX_INT))
                .property("availability_zone", schema().type("string", "null").minLength(1).maxLength(255))
                .property("multiattach", schema().oneOf(schema().type("null"), ParameterTypes.booleanString()))
                .property("image_id", schema().type("string", "null").minLength(0).maxLength(255))
                .property("imageRef", schema().type("string", "null").minLength(0).maxLength(255));
        if (request.atLeast(Microversions.GROUP_VOLUME)) {
            volume.property("group_id", schema().type("string", "null").minLength(0).maxLength(255));
        }
        if (request.atLeast(Microversions.VOLUME_CREATE_FROM_BACKUP)) {
            volume.property("backup_id", optionalUuid());
        }
        if (request.atLeast(Microversions.SUPPORT_VOLUME_SCHEMA_CHANGES)) {
            volume.noAdditionalProperties();
        }
        return schema().type("object").property("volume", volume)
                .property("OS-SCH-HNT:scheduler_hints", schema().type("object", "null")).required("volume")
                .noAdditionalProperties();
    }

    /** {@code update}, and from 3.53 {@code update_v353}, which wants at least one field. */
    static JsonSchema update(CinderRequest request) {
        JsonSchema volume = schema().type("object")
                .property("name", nameOrDescription("name"))
                .property("description", nameOrDescription("description"))
                .property("display_name", nameOrDescription("name"))
                .property("display_description", nameOrDescription("description"))
                .property("metadata", ParameterTypes.metadata(false))
                .noAdditionalProperties();
        if (request.atLeast(Microversions.SUPPORT_VOLUME_SCHEMA_CHANGES)) {
            volume.anyOf(schema().required("name"), schema().required("description"), schema().required("display_name"),
                    schema().required("display_description"), schema().required("metadata"));
        }
        return schema().type("object").property("volume", volume).required("volume").noAdditionalProperties();
    }

    static JsonSchema createSnapshot() {
        return schema().type("object").property("snapshot", schema().type("object")
                .property("name", ParameterTypes.nameAllowZeroMinLength())
                .property("display_name", ParameterTypes.nameAllowZeroMinLength())
                .property("description", ParameterTypes.description())
                .property("volume_id", ParameterTypes.uuidAllowNull())
                .property("force", ParameterTypes.booleanString())
                .property("metadata", ParameterTypes.metadata(true))
                .required("volume_id").noAdditionalProperties()).required("snapshot").noAdditionalProperties();
    }

    static JsonSchema updateSnapshot() {
        return schema().type("object").property("snapshot", schema().type("object")
                .property("name", ParameterTypes.nameAllowZeroMinLength())
                .property("description", ParameterTypes.description())
                .property("display_name", ParameterTypes.nameAllowZeroMinLength())
                .property("display_description", ParameterTypes.description())
                .noAdditionalProperties()
                .anyOf(schema().required("name"), schema().required("description"), schema().required("display_name"),
                        schema().required("display_description")))
                .required("snapshot").noAdditionalProperties();
    }

    /**
     * {@code reset_status_volume}: the body-level {@code validate_volume_reset_body} format runs
     * before the properties, and the status formats raise their own texts, with Python's tuple
     * and list reprs and the value as sent.
     */
    static JsonSchema resetStatus() {
        return schema().type("object").property("os-reset_status", schema().type("object")
                .objectFormatRaising(VolumeSchemas::namesAResetField,
                        "Must specify 'status', 'attach_status' or 'migration_status' for update.")
                .property("status", statusField("Volume status", VOLUME_STATUSES, true))
                .property("attach_status", statusField("Volume attach status", ATTACH_STATUSES, false))
                .property("migration_status", statusField("Volume migration status", MIGRATION_STATUSES, true))
                .noAdditionalProperties()).required("os-reset_status").noAdditionalProperties();
    }

    /**
     * {@code reset_status_snapshot}: the {@code snapshot_status} format, whose text lists
     * {@code SnapshotStatus.ALL}. {@code deleted} passes Cinder's check but names no status a
     * snapshot row can show here, so the emulator refuses it with the same text.
     */
    static JsonSchema resetSnapshotStatus() {
        return schema().type("object").property("os-reset_status", schema().type("object")
                .property("status", schema().type("string").formatRaising(
                        status -> !status.isEmpty() && SnapshotStatus.NAMES.contains(status.toLowerCase(Locale.ROOT)),
                        status -> "Snapshot status: " + status + " is invalid, valid statuses are: ('error', "
                                + "'available', 'creating', 'deleting', 'deleted', 'updating', 'error_deleting', "
                                + "'unmanaging', 'backing-up', 'restoring')."))
                .required("status").noAdditionalProperties()).required("os-reset_status").noAdditionalProperties();
    }

    /** {@code snapshot_actions.update_snapshot_status}, with the {@code progress} format. */
    static JsonSchema updateSnapshotStatus() {
        return schema().type("object").property("os-update_snapshot_status", schema().type("object")
                .property("status", schema().type("string"))
                .property("progress", schema().formatRaising(VolumeSchemas::isProgress,
                        progress -> progressProblem(progress)))
                .required("status").noAdditionalProperties()).required("os-update_snapshot_status")
                .noAdditionalProperties();
    }

    private static boolean isProgress(String progress) {
        return progressProblem(progress) == null;
    }

    /** {@code validators._validate_progress}: an integer percentage between 0 and 100, or empty. */
    private static String progressProblem(String progress) {
        if (progress.isEmpty()) {
            return null;
        }
        int value;
        try {
            value = Integer.parseInt(progress.substring(0, progress.length() - 1).strip());
        } catch (NumberFormatException notInteger) {
            return "Invalid input received: progress must be an integer percentage";
        }
        if (value < 0 || value > 100 || !progress.endsWith("%")) {
            return "Invalid input received: progress must be an integer percentage between 0 and 100";
        }
        return null;
    }

    /** {@code volume_actions.extend}: {@code new_size} is {@code parameter_types.volume_size}. */
    static JsonSchema extend() {
        return schema().type("object").property("os-extend", schema().type("object")
                .property("new_size", schema().type("integer", "string").pattern("^[0-9]+$").range(1, DB_MAX_INT))
                .required("new_size").noAdditionalProperties()).required("os-extend").noAdditionalProperties();
    }

    /** {@code set_bootable} and {@code volume_readonly_update}: one required boolean. */
    static JsonSchema flagAction(String action, String field) {
        return schema().type("object").property(action, schema().type("object")
                .property(field, ParameterTypes.booleanString()).required(field).noAdditionalProperties())
                .required(action).noAdditionalProperties();
    }

    static JsonSchema attach() {
        return schema().type("object").property("os-attach", schema().type("object")
                .property("instance_uuid", ParameterTypes.uuid())
                .property("mountpoint", schema().type("string").minLength(1).maxLength(255))
                .property("host_name", schema().type("string").maxLength(255))
                .property("mode", schema().type("string").enumeration(List.of("rw", "ro"), "['rw', 'ro']"))
                .required("mountpoint")
                .anyOf(schema().required("instance_uuid"), schema().required("host_name"))
                .noAdditionalProperties()).required("os-attach").noAdditionalProperties();
    }

    static JsonSchema detach() {
        return schema().type("object").property("os-detach", schema().type("object", "null")
                .property("attachment_id", ParameterTypes.uuidAllowNull()).noAdditionalProperties())
                .required("os-detach").noAdditionalProperties();
    }

    static JsonSchema retype() {
        return schema().type("object").property("os-retype", schema().type("object")
                .property("new_type", schema().type("string"))
                .property("migration_policy", schema().type("string", "null")
                        .enumeration(List.of("on-demand", "never"), "['on-demand', 'never']"))
                .required("new_type").noAdditionalProperties()).required("os-retype").noAdditionalProperties();
    }

    /**
     * {@code volume_metadata.create}: {@code extra_specs} (string values up to 255, keys of the
     * metadata alphabet); {@code update} wants exactly one pair under {@code meta}.
     */
    static JsonSchema metadataBody(String key) {
        return schema().type("object").property(key, ParameterTypes.metadata(false)).required(key)
                .noAdditionalProperties();
    }

    private static boolean namesAResetField(JsonNode body) {
        return truthy(body.get("status")) || truthy(body.get("attach_status")) || truthy(body.get("migration_status"));
    }

    /** Python's truth value of a JSON value. */
    private static boolean truthy(JsonNode value) {
        if (value == null || value.isNull()) {
            return false;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            return value.doubleValue() != 0;
        }
        if (value.isString()) {
            return !value.stringValue().isEmpty();
        }
        return !value.isEmpty();
    }

    private static JsonSchema statusField(String label, List<String> valid, boolean tuple) {
        String shown = valid.stream().map(PythonText::repr).collect(Collectors.joining(", ",
                tuple ? "(" : "[", tuple ? ")" : "]"));
        return schema().type("string", "null").formatRaising(
                value -> value.isEmpty() || valid.contains(value.toLowerCase(Locale.ROOT)),
                value -> label + ": " + value + " is invalid, valid statuses are: " + shown + ".");
    }

    /**
     * The {@code name_non_mandatory_remove_white_spaces} and {@code description_...} formats:
     * checked after stripping, and the checker's {@code InvalidInput} escapes the validator, so the
     * text has no field prefix.
     */
    private static JsonSchema nameOrDescription(String entity) {
        return schema().type("string", "null").formatRaising(
                value -> value.strip().codePointCount(0, value.strip().length()) <= 255,
                value -> "Invalid input received: " + entity + " has "
                        + value.strip().codePointCount(0, value.strip().length()) + " characters, more than 255.");
    }

    private static JsonSchema optionalUuid() {
        return schema().oneOf(schema().type("null"), ParameterTypes.uuid());
    }
}
