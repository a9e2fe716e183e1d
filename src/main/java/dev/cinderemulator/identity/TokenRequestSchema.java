package dev.cinderemulator.identity;

import static dev.cinderemulator.web.JsonSchema.schema;

import java.util.List;
import java.util.Optional;

import dev.cinderemulator.web.JsonSchema;
import tools.jackson.databind.JsonNode;

/**
 * {@code keystone/auth/schema.py}: the JSON schema of {@code auth} in a token request, checked as
 * jsonschema does (keywords in declaration order, first error wins), followed by the id-or-name
 * checks of {@code validate_issue_token_auth}.
 *
 * <p>Keystone answers with jsonschema's whole {@code str(error)}, which goes on to dump the schema
 * and the offending instance; the emulator keeps its first line, and never repeats a value found
 * in or under a {@code password} field.
 */
final class TokenRequestSchema {

    private static final JsonSchema DOMAIN = object().property("id", string()).property("name", string());
    private static final JsonSchema AUTH = object()
            .property("identity", object()
                    .property("methods", schema().type("array").items(string()))
                    .property("password", object()
                            .property("user", object()
                                    .property("id", string())
                                    .property("name", string())
                                    .property("password", string())
                                    .property("domain", DOMAIN)))
                    .property("token", object().property("id", string()).required("id"))
                    .required("methods"))
            .property("scope", schema().type("object", "string")
                    .property("project", object()
                            .property("name", string())
                            .property("id", string())
                            .property("domain", DOMAIN))
                    .property("domain", DOMAIN)
                    .property("OS-TRUST:trust", object().property("id", string()))
                    .property("system", object().property("all",
                            schema().type("boolean").enumeration(List.of(true, false), "[True, False]"))))
            .required("identity");

    private TokenRequestSchema() {
    }

    /** {@code validate_issue_token_auth}; nothing to check when {@code auth} is absent or null. */
    static void validate(JsonNode auth) {
        if (auth == null || auth.isNull() || auth.isMissingNode()) {
            return;
        }
        Optional<JsonSchema.Violation> error = AUTH.firstViolation(auth, TokenRequestSchema::isSecret);
        if (error.isPresent()) {
            List<String> path = error.get().path();
            // SchemaValidator.validate: the field path in front when the error is below the root.
            throw KeystoneException.badRequest(path.isEmpty() ? error.get().message()
                    : "Invalid input for field '" + String.join("/", path) + "': " + error.get().message());
        }
        JsonNode user = auth.path("identity").path("password").path("user");
        if (user.isObject()) {
            requireIdOrName(user, "identity/password/user");
            if (user.has("domain")) {
                requireIdOrName(user.get("domain"), "identity/password/user/domain");
            }
        }
        JsonNode scope = auth.path("scope");
        if (scope.isObject()) {
            if (scope.has("project")) {
                requireIdOrName(scope.get("project"), "scope/project");
                if (scope.get("project").has("domain")) {
                    requireIdOrName(scope.get("project").get("domain"), "scope/project/domain");
                }
            }
            if (scope.has("domain")) {
                requireIdOrName(scope.get("domain"), "scope/domain");
            }
        }
    }

    private static void requireIdOrName(JsonNode reference, String field) {
        if (!reference.has("id") && !reference.has("name")) {
            throw KeystoneException.badRequest(
                    "Invalid input for field " + field + ": id or name must be present.");
        }
    }

    private static JsonSchema object() {
        return schema().type("object");
    }

    private static JsonSchema string() {
        return schema().type("string");
    }

    /** A password, or anything that holds one, is never repeated in an error. */
    private static boolean isSecret(List<String> path, JsonNode instance) {
        return path.contains("password") || containsPassword(instance);
    }

    private static boolean containsPassword(JsonNode instance) {
        if (instance.isObject()) {
            return instance.has("password")
                    || instance.values().stream().anyMatch(TokenRequestSchema::containsPassword);
        }
        return instance.isArray() && instance.values().stream().anyMatch(TokenRequestSchema::containsPassword);
    }
}
