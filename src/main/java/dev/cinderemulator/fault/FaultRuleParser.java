package dev.cinderemulator.fault;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.http.HttpStatus;

import dev.cinderemulator.config.EmulatorProperties;
import tools.jackson.databind.JsonNode;

/**
 * Reads a rule from its JSON form and refuses, with the field and the reason, anything it cannot
 * honour exactly: a rule that would not fire as written is worse than an error.
 */
final class FaultRuleParser {

    static final Duration MAX_DELAY = Duration.ofMinutes(5);
    private static final Pattern SECONDS = Pattern.compile("[0-9]{1,9}");
    private static final Set<String> COMMON = Set.of("operation", "action", "project", "volume_id",
            "backup_name_pattern", "times", "probability");
    private static final Set<String> OUTCOME_FIELDS = Set.of("fail_reason");
    private static final Set<String> HTTP_FIELDS = Set.of("status", "message", "retry_after");
    private static final Set<String> LATENCY_FIELDS = Set.of("delay");

    private FaultRuleParser() {
    }

    static FaultRule parse(String id, JsonNode rule, EmulatorProperties.Quotas quotas) {
        if (rule == null || !rule.isObject()) {
            throw invalid("the body must be a JSON object describing one rule");
        }
        String operation = requiredText(rule, "operation");
        if (!CinderOperations.ALL.contains(operation)) {
            throw invalid("operation: '" + operation + "' is not one of " + CinderOperations.ALL);
        }
        String actionName = requiredText(rule, "action");
        FaultRule.Action action = switch (actionName) {
            case "outcome" -> FaultRule.Action.OUTCOME;
            case "http" -> FaultRule.Action.HTTP;
            case "latency" -> FaultRule.Action.LATENCY;
            default -> throw invalid("action: '" + actionName + "' is not one of [outcome, http, latency]");
        };
        Set<String> allowed = new LinkedHashSet<>(COMMON);
        allowed.addAll(switch (action) {
            case OUTCOME -> OUTCOME_FIELDS;
            case HTTP -> HTTP_FIELDS;
            case LATENCY -> LATENCY_FIELDS;
        });
        for (String field : rule.propertyNames()) {
            if (!allowed.contains(field)) {
                throw invalid(field + ": not a field of a rule with action " + actionName + " (allowed: " + allowed
                        + ")");
            }
        }
        if (action == FaultRule.Action.OUTCOME && !CinderOperations.WITH_OUTCOME.containsKey(operation)) {
            throw invalid("action: outcome rules apply to the asynchronous work of "
                    + new TreeSet<>(CinderOperations.WITH_OUTCOME.keySet()) + ", not "
                    + operation);
        }
        String failReason = optionalText(rule, "fail_reason");
        if (failReason != null && !operation.startsWith("backup.")) {
            throw invalid("fail_reason: only backups have a fail_reason; " + operation + " fails without one");
        }
        if (failReason != null && failReason.length() > 255) {
            throw invalid("fail_reason: at most 255 characters, as Cinder's column");
        }
        NamePattern namePattern = null;
        String pattern = optionalText(rule, "backup_name_pattern");
        if (pattern != null) {
            if (!operation.startsWith("backup.")) {
                throw invalid("backup_name_pattern: applies to backup operations only, not " + operation);
            }
            namePattern = NamePattern.compile(pattern);
        }
        Integer times = null;
        if (rule.has("times")) {
            JsonNode value = rule.get("times");
            if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 1) {
                throw invalid("times: must be a whole number of at least 1, got " + value);
            }
            times = value.asInt();
        }
        Double probability = null;
        if (rule.has("probability")) {
            JsonNode value = rule.get("probability");
            if (!value.isNumber() || value.asDouble() <= 0 || value.asDouble() > 1) {
                throw invalid("probability: must be a number above 0 and at most 1, got " + value);
            }
            probability = value.asDouble();
        }
        int status = 0;
        String message = null;
        String retryAfter = null;
        if (action == FaultRule.Action.HTTP) {
            JsonNode value = rule.get("status");
            if (value == null || !value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 400
                    || value.asInt() > 599
                    || HttpStatus.resolve(value.asInt()) == null) {
                throw invalid("status: an HTTP error status (400-599) is required, got " + value);
            }
            status = value.asInt();
            message = optionalText(rule, "message");
            if (message == null) {
                message = defaultMessage(operation, status, quotas);
            }
            JsonNode retry = rule.get("retry_after");
            if (retry != null && !retry.isNull()) {
                // Cinder's Retry-After is always a number of seconds (cinder/api/openstack/wsgi.py OverLimitFault);
                // the value is sent as a header, so nothing else may get through.
                boolean seconds = retry.isIntegralNumber() && retry.canConvertToInt() && retry.asInt() >= 0
                        || retry.isString() && SECONDS.matcher(retry.asString()).matches();
                if (!seconds) {
                    throw invalid("retry_after: a whole number of seconds (0 or more), got " + retry);
                }
                retryAfter = Integer.toString(Integer.parseInt(retry.asString()));
            } else if (status == 413) {
                retryAfter = "0";
            }
        }
        Duration delay = null;
        if (action == FaultRule.Action.LATENCY) {
            String text = requiredText(rule, "delay");
            delay = duration("delay", text);
            if (delay.isZero() || delay.isNegative() || delay.compareTo(MAX_DELAY) > 0) {
                throw invalid("delay: must be above 0 and at most " + MAX_DELAY + ", got " + text);
            }
        }
        return new FaultRule(id, operation, optionalText(rule, "project"), optionalText(rule, "volume_id"),
                namePattern, times, probability, action, failReason, status, message, retryAfter, delay);
    }

    static Duration duration(String field, String text) {
        try {
            return DurationStyle.detectAndParse(text.trim());
        } catch (RuntimeException malformed) {
            throw invalid(field + ": '" + text + "' is not a duration (ISO-8601 such as PT2S, or 500ms, 2s, 1m, 1h)");
        }
    }

    /** Cinder's own texts where there is one: the quota errors of {@code cinder/quota.py}, webob's 5xx. */
    private static String defaultMessage(String operation, int status, EmulatorProperties.Quotas quotas) {
        return switch (status) {
            case 413 -> switch (operation.substring(0, operation.indexOf('.'))) {
                case "backup" -> "BackupLimitExceeded: Maximum number of backups allowed (" + quotas.backups()
                        + ") exceeded";
                case "snapshot" -> "SnapshotLimitExceeded: Maximum number of snapshots allowed ("
                        + quotas.snapshots() + ") exceeded";
                default -> "VolumeLimitExceeded: Maximum number of volumes allowed (" + quotas.volumes()
                        + ") exceeded for quota 'volumes'.";
            };
            case 500 -> "The server has either erred or is incapable of performing the requested operation.";
            case 503 -> "The server is currently unavailable. Please try again at a later time.";
            default -> HttpStatus.valueOf(status).getReasonPhrase();
        };
    }

    private static String requiredText(JsonNode rule, String field) {
        String text = optionalText(rule, field);
        if (text == null) {
            throw invalid(field + ": required");
        }
        return text;
    }

    private static String optionalText(JsonNode rule, String field) {
        JsonNode value = rule.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString() || value.asString().isEmpty()) {
            throw invalid(field + ": must be a non-empty string, got " + value);
        }
        return value.asString();
    }

    private static IllegalArgumentException invalid(String message) {
        return new IllegalArgumentException(message);
    }
}
