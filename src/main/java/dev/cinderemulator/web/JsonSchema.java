package dev.cinderemulator.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

/**
 * The subset of Draft-4 JSON Schema that Cinder's and Keystone's request schemas use, checked as
 * jsonschema does: keywords in declaration order, the first error wins, with jsonschema's texts.
 * Cinder's {@code _SchemaValidator} wraps the error as "Invalid input for field/attribute X.
 * Value: V. ..." ({@link #validate}); Keystone's {@code SchemaValidator} names the whole path and
 * never repeats a secret ({@link #firstViolation(JsonNode, BiPredicate)}).
 */
public final class JsonSchema {

    /** One keyword check; returns the first error it finds. */
    private interface Keyword {
        Optional<Violation> check(JsonNode instance, At at);
    }

    /**
     * An error: the path of the instance it is about (empty at the root), and jsonschema's text.
     * {@code raw} errors come from a format checker that raises its own message, shown as it is.
     */
    public record Violation(List<String> path, JsonNode instance, String message, boolean raw) {
    }

    /** Where a check is: the instance's path, and which values must not be shown. */
    private record At(List<String> path, BiPredicate<List<String>, JsonNode> secret) {

        At child(String name) {
            List<String> longer = new ArrayList<>(path);
            longer.add(name);
            return new At(List.copyOf(longer), secret);
        }

        String repr(JsonNode instance) {
            return secret.test(path, instance) ? "'***'" : PythonText.repr(instance);
        }

        Violation error(JsonNode instance, String message) {
            return new Violation(path, instance, message, false);
        }
    }

    private static final BiPredicate<List<String>, JsonNode> NOTHING_SECRET = (path, instance) -> false;

    private static final Pattern PYTHON_INT = Pattern.compile("[+-]?\\d+(_\\d+)*");
    private static final Pattern PYTHON_FLOAT = Pattern.compile("[+-]?(\\d+\\.\\d*|\\.\\d+|\\d+)([eE][+-]?\\d+)?");

    private final List<Keyword> keywords = new ArrayList<>();
    private final Map<String, JsonSchema> properties = new LinkedHashMap<>();
    private final Map<String, JsonSchema> patternProperties = new LinkedHashMap<>();
    private boolean propertiesKeyword;

    public static JsonSchema schema() {
        return new JsonSchema();
    }

    /** Validates a request body; a failure is Cinder's 400 {@code ValidationError}, naming the last path element. */
    public void validate(JsonNode body) {
        Optional<Violation> violation = firstViolation(body, NOTHING_SECRET);
        if (violation.isPresent()) {
            Violation found = violation.get();
            if (found.raw() || found.path().isEmpty()) {
                throw CinderException.badRequest(found.message());
            }
            throw CinderException.badRequest("Invalid input for field/attribute "
                    + found.path().get(found.path().size() - 1) + ". Value: " + PythonText.str(found.instance())
                    + ". " + found.message());
        }
    }

    public boolean accepts(JsonNode instance) {
        return firstViolation(instance, NOTHING_SECRET).isEmpty();
    }

    /** The first error; {@code secret} says which values (by path, or by content) show as {@code '***'}. */
    public Optional<Violation> firstViolation(JsonNode instance, BiPredicate<List<String>, JsonNode> secret) {
        return firstViolation(instance, new At(List.of(), secret));
    }

    private Optional<Violation> firstViolation(JsonNode instance, At at) {
        for (Keyword keyword : keywords) {
            Optional<Violation> violation = keyword.check(instance, at);
            if (violation.isPresent()) {
                return violation;
            }
        }
        return Optional.empty();
    }

    private JsonSchema add(Keyword keyword) {
        keywords.add(keyword);
        return this;
    }

    public JsonSchema type(String... types) {
        String names = Arrays.stream(types).map(PythonText::repr).collect(Collectors.joining(", "));
        return add((instance, at) -> Arrays.stream(types).anyMatch(type -> isType(instance, type))
                ? Optional.empty()
                : Optional.of(at.error(instance, at.repr(instance) + " is not of type " + names)));
    }

    static boolean isType(JsonNode instance, String type) {
        return switch (type) {
            case "object" -> instance.isObject();
            case "array" -> instance.isArray();
            case "string" -> instance.isString();
            case "boolean" -> instance.isBoolean();
            case "null" -> instance.isNull();
            // Draft 4's type checker: 1.0 is a number, not an integer (Draft 6 changed that).
            case "integer" -> instance.isIntegralNumber();
            case "number" -> instance.isNumber();
            default -> throw new IllegalArgumentException(type);
        };
    }

    /** {@code properties}: declared order matters, it decides which error is reported first. */
    public JsonSchema property(String name, JsonSchema schema) {
        if (!propertiesKeyword) {
            propertiesKeyword = true;
            add((instance, at) -> {
                if (!instance.isObject()) {
                    return Optional.empty();
                }
                for (Map.Entry<String, JsonSchema> property : properties.entrySet()) {
                    JsonNode value = instance.get(property.getKey());
                    if (value != null) {
                        Optional<Violation> violation = property.getValue().firstViolation(value,
                                at.child(property.getKey()));
                        if (violation.isPresent()) {
                            return violation;
                        }
                    }
                }
                return Optional.empty();
            });
        }
        properties.put(name, schema);
        return this;
    }

    public JsonSchema patternProperty(String regex, JsonSchema schema) {
        Pattern pattern = Pattern.compile(regex);
        patternProperties.put(regex, schema);
        return add((instance, at) -> {
            if (!instance.isObject()) {
                return Optional.empty();
            }
            for (Map.Entry<String, JsonNode> entry : instance.properties()) {
                if (pattern.matcher(entry.getKey()).find()) {
                    Optional<Violation> violation = schema.firstViolation(entry.getValue(), at.child(entry.getKey()));
                    if (violation.isPresent()) {
                        return violation;
                    }
                }
            }
            return Optional.empty();
        });
    }

    /** {@code items}: every element of an array, each at its index. */
    public JsonSchema items(JsonSchema schema) {
        return add((instance, at) -> {
            if (!instance.isArray()) {
                return Optional.empty();
            }
            for (int index = 0; index < instance.size(); index++) {
                Optional<Violation> violation = schema.firstViolation(instance.get(index),
                        at.child(Integer.toString(index)));
                if (violation.isPresent()) {
                    return violation;
                }
            }
            return Optional.empty();
        });
    }

    public JsonSchema required(String... names) {
        return add((instance, at) -> {
            if (instance.isObject()) {
                for (String name : names) {
                    if (!instance.has(name)) {
                        return Optional.of(at.error(instance, PythonText.repr(name) + " is a required property"));
                    }
                }
            }
            return Optional.empty();
        });
    }

    /** {@code additionalProperties: false}, with jsonschema's two texts (plain and patternProperties). */
    public JsonSchema noAdditionalProperties() {
        return add((instance, at) -> {
            if (!instance.isObject()) {
                return Optional.empty();
            }
            TreeSet<String> extras = new TreeSet<>();
            for (String key : instance.propertyNames()) {
                boolean patterned = patternProperties.keySet().stream()
                        .anyMatch(regex -> Pattern.compile(regex).matcher(key).find());
                if (!properties.containsKey(key) && !patterned) {
                    extras.add(key);
                }
            }
            if (extras.isEmpty()) {
                return Optional.empty();
            }
            String joined = extras.stream().map(PythonText::repr).collect(Collectors.joining(", "));
            if (!patternProperties.isEmpty()) {
                String patterns = new TreeSet<>(patternProperties.keySet()).stream().map(PythonText::repr)
                        .collect(Collectors.joining(", "));
                return Optional.of(at.error(instance, joined + (extras.size() == 1 ? " does" : " do")
                        + " not match any of the regexes: " + patterns));
            }
            return Optional.of(at.error(instance, "Additional properties are not allowed (" + joined
                    + (extras.size() == 1 ? " was" : " were") + " unexpected)"));
        });
    }

    public JsonSchema maxLength(int max) {
        return add((instance, at) -> instance.isString() && length(instance) > max
                ? Optional.of(at.error(instance, at.repr(instance) + " is too long"))
                : Optional.empty());
    }

    public JsonSchema minLength(int min) {
        return add((instance, at) -> instance.isString() && length(instance) < min
                ? Optional.of(at.error(instance, at.repr(instance)
                        + (min == 1 ? " should be non-empty" : " is too short")))
                : Optional.empty());
    }

    private static int length(JsonNode string) {
        String text = string.stringValue();
        return text.codePointCount(0, text.length());
    }

    public JsonSchema pattern(String regex) {
        Pattern pattern = Pattern.compile(regex);
        return add((instance, at) -> instance.isString() && !pattern.matcher(instance.stringValue()).find()
                ? Optional.of(at.error(instance, at.repr(instance) + " does not match "
                        + PythonText.repr(regex)))
                : Optional.empty());
    }

    /**
     * {@code minimum}/{@code maximum} as Cinder's {@code _SchemaValidator} extends them: a string is
     * first turned into a number with Python's {@code int()} or {@code float()} (so {@code "0"} is
     * below a minimum of 1), and one that is neither passes. The message shows the number.
     */
    public JsonSchema range(long minimum, long maximum) {
        return add((instance, at) -> {
            Optional<PythonNumber> number = numberFrom(instance);
            if (number.isEmpty()) {
                return Optional.empty();
            }
            BigDecimal value = number.get().value();
            if (value.compareTo(BigDecimal.valueOf(minimum)) < 0) {
                return Optional.of(at.error(instance, number.get().repr() + " is less than the minimum of " + minimum));
            }
            if (value.compareTo(BigDecimal.valueOf(maximum)) > 0) {
                return Optional.of(at.error(instance, number.get().repr() + " is greater than the maximum of "
                        + maximum));
            }
            return Optional.empty();
        });
    }

    /** A number as Python holds it after {@code int()} or {@code float()}: the repr differs. */
    private record PythonNumber(BigDecimal value, boolean integral) {

        String repr() {
            return integral ? value.toBigInteger().toString() : PythonText.repr(value.doubleValue());
        }
    }

    private static Optional<PythonNumber> numberFrom(JsonNode instance) {
        if (instance.isNumber()) {
            return Optional.of(new PythonNumber(instance.decimalValue(), instance.isIntegralNumber()));
        }
        if (!instance.isString()) {
            return Optional.empty();
        }
        String text = instance.stringValue().strip().replace("_", "");
        if (PYTHON_INT.matcher(instance.stringValue().strip()).matches()) {
            return Optional.of(new PythonNumber(new BigDecimal(text), true));
        }
        if (PYTHON_FLOAT.matcher(text).matches()) {
            return Optional.of(new PythonNumber(new BigDecimal(text), false));
        }
        return Optional.empty();
    }

    public JsonSchema enumeration(List<Object> values, String pythonList) {
        return add((instance, at) -> values.stream().anyMatch(value -> sameValue(instance, value))
                ? Optional.empty()
                : Optional.of(at.error(instance, at.repr(instance) + " is not one of " + pythonList)));
    }

    private static boolean sameValue(JsonNode instance, Object value) {
        if (value instanceof Boolean bool) {
            return instance.isBoolean() && instance.booleanValue() == bool;
        }
        return instance.isString() && instance.stringValue().equals(value);
    }

    /** A cinder format checker; formats apply to strings only, like jsonschema's. */
    public JsonSchema format(String name, Predicate<String> valid) {
        return add((instance, at) -> !instance.isString() || valid.test(instance.stringValue())
                ? Optional.empty()
                : Optional.of(at.error(instance, at.repr(instance) + " is not a " + PythonText.repr(name))));
    }

    /** A format whose checker raises its own error (Cinder's {@code backup_status}): no field prefix. */
    public JsonSchema formatRaising(Predicate<String> valid, java.util.function.Function<String, String> message) {
        return add((instance, at) -> !instance.isString() || valid.test(instance.stringValue())
                ? Optional.empty()
                : Optional.of(new Violation(at.path(), instance, message.apply(instance.stringValue()), true)));
    }

    /** The same for a format checker on an object (Cinder's {@code validate_volume_reset_body}). */
    public JsonSchema objectFormatRaising(Predicate<JsonNode> valid, String message) {
        return add((instance, at) -> !instance.isObject() || valid.test(instance)
                ? Optional.empty()
                : Optional.of(new Violation(at.path(), instance, message, true)));
    }

    /** {@code minProperties}, with the text of Debian's jsonschema 4.10. */
    public JsonSchema minProperties(int min) {
        return add((instance, at) -> instance.isObject() && instance.size() < min
                ? Optional.of(at.error(instance, at.repr(instance) + " does not have enough properties"))
                : Optional.empty());
    }

    /**
     * A format checker on an object that raises its own error with a text that depends on the value
     * (Cinder's {@code quota_set}): {@code check} returns the message, or null when the value is valid.
     */
    public JsonSchema objectCheckRaising(java.util.function.Function<JsonNode, String> check) {
        return add((instance, at) -> {
            String message = instance.isObject() ? check.apply(instance) : null;
            return message == null ? Optional.empty() : Optional.of(new Violation(at.path(), instance, message, true));
        });
    }

    public JsonSchema oneOf(JsonSchema... choices) {
        return add((instance, at) -> {
            long matches = Arrays.stream(choices).filter(choice -> choice.accepts(instance)).count();
            if (matches == 1) {
                return Optional.empty();
            }
            return Optional.of(at.error(instance, at.repr(instance)
                    + (matches == 0 ? " is not valid under any of the given schemas" : " is valid under each of "
                            + "the given schemas")));
        });
    }

    public JsonSchema anyOf(JsonSchema... choices) {
        return add((instance, at) -> Arrays.stream(choices).anyMatch(choice -> choice.accepts(instance))
                ? Optional.empty()
                : Optional.of(at.error(instance, at.repr(instance)
                        + " is not valid under any of the given schemas")));
    }
}
