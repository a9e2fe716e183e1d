package dev.cinderemulator.backup;

import static dev.cinderemulator.web.JsonSchema.schema;

import java.util.Locale;
import java.util.Set;

import dev.cinderemulator.web.CinderRequest;
import dev.cinderemulator.web.JsonSchema;
import dev.cinderemulator.web.Microversions;
import dev.cinderemulator.web.ParameterTypes;

/** {@code cinder/api/schemas/backups.py} and the backup admin actions, per microversion. */
final class BackupSchemas {

    private static final Set<String> RESETTABLE = Set.of("available", "error");

    private BackupSchemas() {
    }

    static JsonSchema create(CinderRequest request) {
        JsonSchema backup = schema().type("object")
                .property("volume_id", ParameterTypes.uuid())
                .property("container", ParameterTypes.container())
                .property("description", ParameterTypes.description())
                .property("incremental", ParameterTypes.booleanString())
                .property("force", ParameterTypes.booleanString())
                .property("name", ParameterTypes.nameAllowZeroMinLength())
                .property("snapshot_id", ParameterTypes.uuidAllowNull());
        if (request.atLeast(Microversions.BACKUP_METADATA)) {
            backup.property("metadata", ParameterTypes.metadata(true));
        }
        if (request.atLeast(Microversions.BACKUP_AZ)) {
            backup.property("availability_zone", schema().type("string", "null").minLength(0).maxLength(255));
        }
        backup.required("volume_id").noAdditionalProperties();
        return schema().type("object").property("backup", backup).required("backup").noAdditionalProperties();
    }

    static JsonSchema update(CinderRequest request) {
        JsonSchema backup = schema().type("object", "null")
                .property("name", ParameterTypes.nameAllowZeroMinLength())
                .property("description", ParameterTypes.description());
        if (request.atLeast(Microversions.BACKUP_METADATA)) {
            backup.property("metadata", ParameterTypes.metadata(false));
        }
        backup.noAdditionalProperties();
        return schema().type("object").property("backup", backup).required("backup").noAdditionalProperties();
    }

    static JsonSchema restore() {
        return schema().type("object").property("restore", schema().type("object", "null")
                .property("name", ParameterTypes.nameAllowZeroMinLength())
                .property("volume_id", ParameterTypes.uuidAllowNull())
                .noAdditionalProperties()).required("restore").noAdditionalProperties();
    }

    static JsonSchema importRecord(String key) {
        return schema().type("object").property(key, schema().type("object")
                .property("backup_service", schema().type("string").minLength(0).maxLength(255))
                .property("backup_url", schema().type("string").minLength(1).format("base64", ParameterTypes::isBase64))
                .required("backup_service", "backup_url").noAdditionalProperties()).required(key)
                .noAdditionalProperties();
    }

    static JsonSchema resetStatus() {
        return schema().type("object").property("os-reset_status", schema().type("object")
                .property("status", schema().type("string").formatRaising(
                        status -> RESETTABLE.contains(status.toLowerCase(Locale.ROOT)),
                        status -> "Backup status: " + status + " is invalid, valid statuses are: ['available', "
                                + "'error']."))
                .required("status").noAdditionalProperties()).required("os-reset_status").noAdditionalProperties();
    }
}
