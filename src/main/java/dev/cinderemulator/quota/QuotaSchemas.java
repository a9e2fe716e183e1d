package dev.cinderemulator.quota;

import static dev.cinderemulator.web.JsonSchema.schema;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import dev.cinderemulator.web.CinderException;
import dev.cinderemulator.web.JsonSchema;
import tools.jackson.databind.JsonNode;

/**
 * {@code cinder/api/schemas/quotas.py} and {@code quota_classes.py}, with the {@code quota_set} and
 * {@code quota_class_set} format checkers of {@code api/validation/validators.py}, which raise their
 * own {@code InvalidInput} (bad keys) or {@code HTTPBadRequest} (oslo's {@code validate_integer}).
 */
final class QuotaSchemas {

    /** {@code constants.DB_MAX_INT}. */
    static final long DB_MAX_INT = 0x7FFFFFFFL;
    private static final Pattern PYTHON_INT = Pattern.compile("[+-]?\\d+(_\\d+)*");
    private static final String CLASS_KEY = "^[a-zA-Z0-9-_:. ]{1,255}$";
    /** The keys the quota-set format checker passes over: {@code quota.NON_QUOTA_KEYS}. */
    static final List<String> NON_QUOTA_KEYS = List.of("tenant_id", "id");

    private QuotaSchemas() {
    }

    static JsonSchema updateQuotaSet(Predicate<String> isResource) {
        JsonSchema quotaSet = schema().type("object").minProperties(1).objectCheckRaising(set -> {
            List<String> badKeys = new ArrayList<>();
            for (Map.Entry<String, JsonNode> item : set.properties()) {
                String key = item.getKey();
                if (!isResource.test(key) && !NON_QUOTA_KEYS.contains(key)) {
                    badKeys.add(key);
                } else if (!NON_QUOTA_KEYS.contains(key)) {
                    String invalid = integerError(item.getValue(), key);
                    if (invalid != null) {
                        return invalid;
                    }
                }
            }
            return badKeys.isEmpty() ? null
                    : "Invalid input received: Bad key(s) in quota set: " + String.join(", ", badKeys);
        });
        return schema().type("object").property("quota_set", quotaSet).required("quota_set").noAdditionalProperties();
    }

    static JsonSchema updateQuotaClassSet(Predicate<String> isResource) {
        JsonSchema value = schema().type("integer", "string").pattern("^[0-9]*$").range(-1, DB_MAX_INT).minLength(1);
        JsonSchema classSet = schema().type("object").objectCheckRaising(set -> {
            List<String> badKeys = new ArrayList<>();
            set.propertyNames().forEach(key -> {
                if (!isResource.test(key)) {
                    badKeys.add(key);
                }
            });
            return badKeys.isEmpty() ? null
                    : "Invalid input received: Bad key(s) in quota class set: " + String.join(", ", badKeys);
        }).patternProperty(CLASS_KEY, value).noAdditionalProperties();
        return schema().type("object").property("quota_class_set", classSet).required("quota_class_set")
                .noAdditionalProperties();
    }

    /** oslo's {@code validate_integer(value, key, -1, DB_MAX_INT)}: {@code int(str(value))}, then the range. */
    static String integerError(JsonNode value, String key) {
        BigInteger number = integerOf(value);
        if (number == null) {
            return key + " must be an integer";
        }
        if (number.compareTo(BigInteger.valueOf(-1)) < 0) {
            return key + " must be >= -1";
        }
        if (number.compareTo(BigInteger.valueOf(DB_MAX_INT)) > 0) {
            return key + " must be <= " + DB_MAX_INT;
        }
        return null;
    }

    /** The value as Python's {@code int(str(value))} reads it; null where that raises. */
    static BigInteger integerOf(JsonNode value) {
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue();
        }
        if (value.isString()) {
            String text = value.stringValue().strip();
            if (PYTHON_INT.matcher(text).matches()) {
                return new BigInteger(text.replace("_", "").replace("+", ""));
            }
        }
        return null;
    }

    static int limitOf(JsonNode value) {
        BigInteger number = integerOf(value);
        if (number == null) {
            throw CinderException.badRequest("Invalid quota value: " + value);
        }
        return number.intValueExact();
    }
}
