package dev.cinderemulator.volume;

import static dev.cinderemulator.api.JsonSchema.schema;

import dev.cinderemulator.api.JsonSchema;
import dev.cinderemulator.api.ParameterTypes;

/** {@code cinder/api/schemas/volumes.py}, {@code snapshots.py} and the volume reset-status action. */
final class VolumeSchemas {

    private VolumeSchemas() {
    }

    static JsonSchema create(boolean strict) {
        JsonSchema volume = schema().type("object")
                .property("name", nameOrDescription())
                .property("description", nameOrDescription())
                .property("display_name", nameOrDescription())
                .property("display_description", nameOrDescription())
                .property("volume_type", ParameterTypes.nameAllowZeroMinLength())
                .property("metadata", ParameterTypes.metadata(true))
                .property("snapshot_id", optionalUuid())
                .property("source_volid", optionalUuid())
                .property("consistencygroup_id", optionalUuid())
                .property("size", schema().type("integer", "string").pattern("^[0-9]+$").range(1, 0x7FFFFFFFL))
                .property("availability_zone", schema().type("string", "null").minLength(1).maxLength(255))
                .property("multiattach", schema().type("boolean", "null"))
                .property("image_id", schema().type("string", "null").minLength(0).maxLength(255))
                .property("imageRef", schema().type("string", "null").minLength(0).maxLength(255));
        if (strict) {
            volume.property("group_id", schema().type("string", "null").minLength(0).maxLength(255))
                    .property("backup_id", optionalUuid()).noAdditionalProperties();
        }
        return schema().type("object").property("volume", volume)
                .property("OS-SCH-HNT:scheduler_hints", schema().type("object", "null")).required("volume")
                .noAdditionalProperties();
    }

    static JsonSchema update() {
        return schema().type("object").property("volume", schema().type("object")
                .property("name", nameOrDescription())
                .property("description", nameOrDescription())
                .property("display_name", nameOrDescription())
                .property("display_description", nameOrDescription())
                .property("metadata", ParameterTypes.metadata(false))
                .noAdditionalProperties()).required("volume").noAdditionalProperties();
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

    static JsonSchema resetStatus() {
        return schema().type("object").property("os-reset_status", schema().type("object")
                .property("status", schema().type("string"))
                .property("attach_status", schema().type("string", "null"))
                .property("migration_status", schema().type("string", "null"))
                .noAdditionalProperties()).required("os-reset_status").noAdditionalProperties();
    }

    private static JsonSchema nameOrDescription() {
        return schema().type("string", "null").maxLength(255);
    }

    private static JsonSchema optionalUuid() {
        return schema().oneOf(schema().type("null"), ParameterTypes.uuid());
    }
}
