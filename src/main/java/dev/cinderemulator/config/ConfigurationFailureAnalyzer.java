package dev.cinderemulator.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Turns a configuration problem into one line per problem, naming the property and what it
 * accepts, instead of a stack trace whose cause does not name it. Ahead of Spring Boot's own
 * analyzers, which would describe the same failure at length.
 */
class ConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<RuntimeException> implements Ordered {

    static final String ACTION = "java -jar cinder-backups-emulator.jar --help lists every property, its default "
            + "and meaning.";

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RuntimeException cause) {
        List<String> problems;
        if (cause instanceof InvalidConfiguration invalid) {
            problems = invalid.problems();
        } else if (cause instanceof BindException bind && bind.getName().toString().startsWith("emulator")) {
            problems = problems(bind);
        } else {
            return null;
        }
        return new FailureAnalysis(String.join("\n", problems), ACTION, cause);
    }

    static List<String> problems(BindException failure) {
        Throwable reason = failure.getCause();
        String name = failure.getName().toString();
        if (reason instanceof UnboundConfigurationPropertiesException unbound) {
            return unbound.getUnboundProperties().stream().map(ConfigurationFailureAnalyzer::unknown).toList();
        }
        if (reason instanceof BindValidationException invalid) {
            List<String> problems = new ArrayList<>();
            String prefix = invalid.getValidationErrors().getName().toString();
            for (ObjectError error : invalid.getValidationErrors().getAllErrors()) {
                String field = error instanceof FieldError fieldError ? prefix + "." + kebab(fieldError.getField())
                        : prefix;
                Object value = error instanceof FieldError fieldError ? fieldError.getRejectedValue() : null;
                String line = field + ": " + error.getDefaultMessage() + (value == null ? "" : ", got " + shown(value));
                if (!problems.contains(line)) {
                    problems.add(line);
                }
            }
            return problems;
        }
        Object value = failure.getProperty() == null ? null : failure.getProperty().getValue();
        Class<?> type = failure.getTarget().getType().resolve(Object.class);
        return List.of(name + ": " + shown(value) + " " + expected(type));
    }

    private static String unknown(ConfigurationProperty property) {
        String name = property.getName().toString();
        return name + ": no such property" + PropertyHelp.nearest(name).map(known -> " (did you mean " + known + "?)")
                .orElse(" (--help lists them)");
    }

    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "is not one of " + Arrays.stream(type.getEnumConstants())
                    .map(constant -> constant.toString().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
        }
        if (type == Duration.class) {
            return "is not a duration such as 2s, 500ms, 1m or PT1H";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "is not a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "is not true or false";
        }
        return "cannot be read as " + type.getSimpleName();
    }

    private static String shown(Object value) {
        return value instanceof CharSequence text ? "'" + text + "'" : String.valueOf(value);
    }

    /** {@code journal.maxBodyBytes} → {@code journal.max-body-bytes}, as the property is written. */
    static String kebab(String javaPath) {
        return javaPath.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
