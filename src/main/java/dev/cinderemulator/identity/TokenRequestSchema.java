package dev.cinderemulator.identity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.cinderemulator.web.PythonText;
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

    private static final Node DOMAIN = object().property("id", string()).property("name", string());
    private static final Node AUTH = object()
            .property("identity", object()
                    .property("methods", array(string()))
                    .property("password", object()
                            .property("user", object()
                                    .property("id", string())
                                    .property("name", string())
                                    .property("password", string())
                                    .property("domain", DOMAIN)))
                    .property("token", object().property("id", string()).required("id"))
                    .required("methods"))
            .property("scope", new Node("object", "string")
                    .property("project", object()
                            .property("name", string())
                            .property("id", string())
                            .property("domain", DOMAIN))
                    .property("domain", DOMAIN)
                    .property("OS-TRUST:trust", object().property("id", string()))
                    .property("system", object().property("all", new Node("boolean").booleanEnum())))
            .required("identity");

    private TokenRequestSchema() {
    }

    /** {@code validate_issue_token_auth}; nothing to check when {@code auth} is absent or null. */
    static void validate(JsonNode auth) {
        if (auth == null || auth.isNull() || auth.isMissingNode()) {
            return;
        }
        Optional<String> error = AUTH.firstError(auth, new ArrayList<>());
        if (error.isPresent()) {
            throw KeystoneException.badRequest(error.get());
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

    private static Node object() {
        return new Node("object");
    }

    private static Node string() {
        return new Node("string");
    }

    private static Node array(Node items) {
        Node array = new Node("array");
        array.items = items;
        return array;
    }

    /** One (sub)schema: {@code type}, then {@code enum}, {@code items} or {@code properties}, then {@code required}. */
    private static final class Node {

        private final List<String> types;
        private final Map<String, Node> properties = new LinkedHashMap<>();
        private final List<String> required = new ArrayList<>();
        private Node items;
        private boolean booleanEnum;

        Node(String... types) {
            this.types = Arrays.asList(types);
        }

        Node property(String name, Node schema) {
            properties.put(name, schema);
            return this;
        }

        Node required(String name) {
            required.add(name);
            return this;
        }

        Node booleanEnum() {
            booleanEnum = true;
            return this;
        }

        Optional<String> firstError(JsonNode instance, List<String> path) {
            if (types.stream().noneMatch(type -> isOfType(instance, type))) {
                return error(path, repr(instance, path) + " is not of type "
                        + types.stream().map(PythonText::repr).collect(Collectors.joining(", ")));
            }
            if (booleanEnum && !instance.isBoolean()) {
                return error(path, repr(instance, path) + " is not one of [True, False]");
            }
            if (items != null && instance.isArray()) {
                for (int index = 0; index < instance.size(); index++) {
                    path.add(Integer.toString(index));
                    Optional<String> error = items.firstError(instance.get(index), path);
                    path.remove(path.size() - 1);
                    if (error.isPresent()) {
                        return error;
                    }
                }
            }
            if (instance.isObject()) {
                for (Map.Entry<String, Node> property : properties.entrySet()) {
                    if (instance.has(property.getKey())) {
                        path.add(property.getKey());
                        Optional<String> error = property.getValue().firstError(instance.get(property.getKey()), path);
                        path.remove(path.size() - 1);
                        if (error.isPresent()) {
                            return error;
                        }
                    }
                }
                for (String name : required) {
                    if (!instance.has(name)) {
                        return error(path, PythonText.repr(name) + " is a required property");
                    }
                }
            }
            return Optional.empty();
        }

        private static boolean isOfType(JsonNode instance, String type) {
            return switch (type) {
                case "object" -> instance.isObject();
                case "array" -> instance.isArray();
                case "string" -> instance.isString();
                case "boolean" -> instance.isBoolean();
                default -> false;
            };
        }

        /** {@code SchemaValidator.validate}: the field path in front when the error is below the root. */
        private static Optional<String> error(List<String> path, String message) {
            return Optional.of(path.isEmpty() ? message
                    : "Invalid input for field '" + String.join("/", path) + "': " + message);
        }

        private static String repr(JsonNode instance, List<String> path) {
            return path.contains("password") || containsPassword(instance) ? "'***'" : PythonText.repr(instance);
        }

        private static boolean containsPassword(JsonNode instance) {
            if (instance.isObject()) {
                return instance.has("password") || instance.values().stream().anyMatch(Node::containsPassword);
            }
            return instance.isArray() && instance.values().stream().anyMatch(Node::containsPassword);
        }
    }
}
