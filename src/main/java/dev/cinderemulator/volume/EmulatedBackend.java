package dev.cinderemulator.volume;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.cinderemulator.web.CinderTime;

/**
 * The one emulated backend as Cinder's scheduler sees it: the LVM driver's pool stats
 * ({@code volume/drivers/lvm.py _update_volume_stats}) over what the emulator holds, and whether a
 * volume type's extra specs let the scheduler place a volume there
 * ({@code scheduler/filters/capabilities_filter.py}).
 */
final class EmulatedBackend {

    static final String BACKEND_NAME = "lvm";
    static final String DRIVER_VERSION = "3.0.0";
    private static final double TOTAL_CAPACITY_GB = 1000.0;

    /** {@code oslo_utils.strutils.TRUE_STRINGS}. */
    private static final Set<String> TRUE_STRINGS = Set.of("1", "t", "true", "on", "y", "yes");

    private EmulatedBackend() {
    }

    static Map<String, Object> poolCapabilities(List<Volume> all, LocalDateTime now) {
        long allocated = all.stream().mapToLong(Volume::size).sum();
        Map<String, Object> capabilities = new LinkedHashMap<>();
        capabilities.put("pool_name", BACKEND_NAME);
        capabilities.put("total_capacity_gb", TOTAL_CAPACITY_GB);
        capabilities.put("free_capacity_gb", Math.max(0, TOTAL_CAPACITY_GB - allocated));
        capabilities.put("reserved_percentage", 0);
        capabilities.put("location_info", "LVMVolumeDriver:emulator:cinder-volumes:default:0");
        capabilities.put("QoS_support", false);
        capabilities.put("provisioned_capacity_gb", (double) allocated);
        capabilities.put("max_over_subscription_ratio", "20.0");
        capabilities.put("thin_provisioning_support", false);
        capabilities.put("thick_provisioning_support", true);
        capabilities.put("total_volumes", all.size());
        capabilities.put("filter_function", null);
        capabilities.put("goodness_function", null);
        capabilities.put("multiattach", true);
        capabilities.put("backend_state", "up");
        capabilities.put("allocated_capacity_gb", allocated);
        capabilities.put("volume_backend_name", BACKEND_NAME);
        capabilities.put("vendor_name", "Open Source");
        capabilities.put("driver_version", DRIVER_VERSION);
        capabilities.put("storage_protocol", "iSCSI");
        capabilities.put("shared_targets", false);
        capabilities.put("sparse_copy_volume", false);
        capabilities.put("timestamp", CinderTime.format(now));
        return capabilities;
    }

    /**
     * {@code CapabilitiesFilter._satisfies_extra_specs}: every extra spec that is unscoped or scoped
     * {@code capabilities:} must name a capability the backend reports (nested with further
     * {@code :}) and match it as {@code extra_specs_ops.match} does; other scopes (vendor specs)
     * are ignored.
     */
    static boolean satisfies(Map<String, Object> capabilities, Map<String, String> extraSpecs) {
        for (Map.Entry<String, String> spec : extraSpecs.entrySet()) {
            List<String> scope = Arrays.asList(spec.getKey().split(":", -1));
            if (scope.size() > 1 && !scope.get(0).equals("capabilities")) {
                continue;
            }
            if (scope.get(0).equals("capabilities")) {
                scope = scope.subList(1, scope.size());
            }
            Object capability = capabilities;
            for (String name : scope) {
                if (!(capability instanceof Map<?, ?> map) || !map.containsKey(name)) {
                    return false;
                }
                capability = map.get(name);
            }
            List<?> values = capability instanceof List<?> list ? list : Arrays.asList(capability);
            if (values.stream().noneMatch(value -> matches(value, spec.getValue()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code extra_specs_ops.match}: a requirement whose first word is no operator must equal the
     * value; otherwise the operator compares the value with the second word. Where Python would
     * raise a {@code TypeError} (a string operator on a number), the emulator answers no match.
     */
    static boolean matches(Object value, String requirement) {
        String[] words = requirement.strip().isEmpty() ? new String[0] : requirement.strip().split("\\s+");
        String op = words.length > 0 ? words[0] : null;
        boolean known = op != null && (op.equals("<or>") || Set.of("=", "<in>", "<is>", "==", "!=", ">=", "<=", "s==",
                "s!=", "s<", "s<=", "s>", "s>=").contains(op));
        if (!known) {
            return requirement.equals(value);
        }
        if (value == null) {
            return false;
        }
        if (op.equals("<or>")) {
            // <or> v1 <or> v2: every other word is a candidate.
            for (int i = 1; i < words.length; i += 2) {
                if (words[i].equals(value)) {
                    return true;
                }
            }
            return false;
        }
        if (words.length < 2) {
            return false;
        }
        String wanted = words[1];
        try {
            return switch (op) {
                case "=", ">=" -> number(value) >= Double.parseDouble(wanted);
                case "==" -> number(value) == Double.parseDouble(wanted);
                case "!=" -> number(value) != Double.parseDouble(wanted);
                case "<=" -> number(value) <= Double.parseDouble(wanted);
                case "<in>" -> value instanceof String text && text.contains(wanted);
                case "<is>" -> bool(value) == bool(wanted);
                case "s==" -> wanted.equals(value);
                case "s!=" -> !wanted.equals(value);
                default -> value instanceof String text && compare(op, text.compareTo(wanted));
            };
        } catch (NumberFormatException notANumber) {
            return false;
        }
    }

    private static boolean compare(String op, int order) {
        return switch (op) {
            case "s<" -> order < 0;
            case "s<=" -> order <= 0;
            case "s>" -> order > 0;
            default -> order >= 0;
        };
    }

    /** Python's {@code float()} of a capability value. */
    private static double number(Object value) {
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        if (value instanceof Boolean bool) {
            return bool ? 1 : 0;
        }
        return Double.parseDouble(value.toString().strip());
    }

    /** {@code strutils.bool_from_string} (not strict): anything but a true string is false. */
    private static boolean bool(Object value) {
        if (value instanceof Boolean bool) {
            return bool;
        }
        return TRUE_STRINGS.contains(value.toString().strip().toLowerCase(Locale.ROOT));
    }
}
