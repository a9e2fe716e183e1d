package dev.cinderemulator.service;

import static dev.cinderemulator.web.JsonSchema.schema;

import dev.cinderemulator.web.JsonSchema;

/** {@code cinder/api/schemas/services.py}. */
final class ServiceSchemas {

    private ServiceSchemas() {
    }

    private static JsonSchema cinderHost() {
        return schema().type("string", "null").minLength(1).maxLength(255).pattern("^[a-zA-Z0-9-._#@:/+\\[\\]]*$");
    }

    private static JsonSchema nullableString() {
        return schema().type("string", "null").minLength(0).maxLength(255);
    }

    static JsonSchema enableAndDisable(boolean withReason) {
        JsonSchema body = schema().type("object")
                .property("binary", schema().type("string").minLength(1).maxLength(255))
                .property("host", cinderHost())
                .property("cluster", nullableString())
                .property("service", schema().type("string").minLength(1).maxLength(255));
        if (withReason) {
            // The disabled_reason format checker strips the reason and checks its length again; its
            // InvalidInput is a format error, so all spaces is "'  ' is not a 'disabled_reason'".
            body.property("disabled_reason", schema().type("string").minLength(1).maxLength(255)
                    .format("disabled_reason", reason -> !reason.isBlank()));
        }
        return body.anyOf(schema().required("binary"), schema().required("service")).noAdditionalProperties();
    }

    static JsonSchema freezeAndThaw() {
        return schema().type("object").property("cluster", nullableString()).property("host", cinderHost())
                .noAdditionalProperties();
    }

    static JsonSchema failoverHost() {
        return schema().type("object").property("host", cinderHost()).property("backend_id", nullableString())
                .property("cluster", nullableString()).noAdditionalProperties();
    }
}
