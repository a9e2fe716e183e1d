package dev.cinderemulator.web;

import static dev.cinderemulator.web.JsonSchema.schema;

import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Cinder's {@code cinder/api/validation/parameter_types.py}: the building blocks of its request
 * schemas, with the same limits and the same format checkers.
 */
public final class ParameterTypes {

    private static final List<Object> BOOLEAN_VALUES = List.of(true, "True", "TRUE", "true", "1", "ON", "On", "on",
            "YES", "Yes", "yes", "y", "t", false, "False", "FALSE", "false", "0", "OFF", "Off", "off", "NO", "No", "no",
            "n", "f");
    private static final String BOOLEAN_PYTHON = "[True, 'True', 'TRUE', 'true', '1', 'ON', 'On', 'on', 'YES', 'Yes',"
            + " 'yes', 'y', 't', False, 'False', 'FALSE', 'false', '0', 'OFF', 'Off', 'off', 'NO', 'No', 'no', 'n', 'f']";
    private static final Set<String> TRUE_STRINGS = Set.of("1", "t", "true", "on", "y", "yes");
    private static final Pattern HEX32 = Pattern.compile("[0-9a-f]{32}");
    public static final String METADATA_KEY = "^[a-zA-Z0-9-_:. /]{1,255}$";

    private ParameterTypes() {
    }

    public static JsonSchema uuid() {
        return schema().type("string").format("uuid", ParameterTypes::isUuidLike);
    }

    public static JsonSchema uuidAllowNull() {
        return schema().oneOf(uuid(), schema().type("null"));
    }

    public static JsonSchema nameAllowZeroMinLength() {
        return schema().type("string", "null").minLength(0).maxLength(255);
    }

    public static JsonSchema container() {
        return nameAllowZeroMinLength();
    }

    /** Printable characters only: no control characters, and no separators other than spaces. */
    public static JsonSchema description() {
        return schema().type("string", "null").minLength(0).maxLength(255).pattern("^[\\P{C}&&[^\\p{Zl}\\p{Zp}]]*$");
    }

    public static JsonSchema booleanString() {
        return schema().type("boolean", "string").enumeration(BOOLEAN_VALUES, BOOLEAN_PYTHON);
    }

    public static JsonSchema metadata(boolean nullable) {
        JsonSchema metadata = nullable ? schema().type("object", "null") : schema().type("object");
        return metadata.patternProperty("^[a-zA-Z0-9-_:. /]{1,255}$", schema().type("string").maxLength(255))
                .noAdditionalProperties();
    }

    /** oslo's {@code uuidutils.is_uuid_like}: case, dashes, braces and a urn prefix don't matter. */
    public static boolean isUuidLike(String value) {
        String hex = value.toLowerCase(Locale.ROOT).replace("urn:", "").replace("uuid:", "").replace("{", "")
                .replace("}", "").replace("-", "");
        return HEX32.matcher(hex).matches();
    }

    /** Python's lenient {@code base64.b64decode}: characters outside the alphabet are dropped. */
    public static boolean isBase64(String value) {
        try {
            decodeBase64(value);
            return true;
        } catch (IllegalArgumentException invalid) {
            return false;
        }
    }

    public static byte[] decodeBase64(String value) {
        return Base64.getDecoder().decode(value.replaceAll("[^A-Za-z0-9+/=]", ""));
    }

    /** oslo's {@code strutils.bool_from_string}, non-strict: anything unknown is false. */
    public static boolean isTrue(String value) {
        return value != null && TRUE_STRINGS.contains(value.trim().toLowerCase(Locale.ROOT));
    }

    public static boolean isBooleanString(String value) {
        String lower = value.trim().toLowerCase(Locale.ROOT);
        return TRUE_STRINGS.contains(lower) || Set.of("0", "f", "false", "off", "n", "no").contains(lower);
    }
}
