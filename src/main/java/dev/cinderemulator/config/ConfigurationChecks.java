package dev.cinderemulator.config;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;

/**
 * Checks the configuration before the slow part of the start (database, migrations, Tomcat): the
 * {@code emulator.*} properties bind and pass their constraints, no {@code emulator.*} key is
 * unknown (a misspelt one would otherwise be ignored in silence), the fixture locations exist and
 * the port is free. Every problem found becomes one line of an {@link InvalidConfiguration}.
 *
 * <p>Environment variables are left out of the unknown-key check: {@code EMULATOR_*} variables of
 * scripts around the emulator ({@code EMULATOR_JAR}, say) are no configuration of it.
 */
class ConfigurationChecks implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    /** Right after logging is set up, so Spring Boot's own failure report is silenced as configured. */
    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        check(event.getEnvironment(), event.getSpringApplication());
    }

    void check(ConfigurableEnvironment environment, SpringApplication application) {
        if (Boolean.getBoolean("spring.aot.processing")) {
            return;
        }
        List<String> problems = new ArrayList<>();
        EmulatorProperties properties = bind(environment, problems);
        if (properties != null) {
            problems.addAll(missingFixtures(properties.fixtures()));
        }
        if (application.getWebApplicationType() == WebApplicationType.SERVLET
                && !"none".equalsIgnoreCase(environment.getProperty("spring.main.web-application-type", ""))) {
            portInUse(environment).ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfiguration(problems);
        }
    }

    private static EmulatorProperties bind(ConfigurableEnvironment environment, List<String> problems) {
        EmulatorProperties properties;
        try {
            properties = Binder.get(environment).bindOrCreate("emulator", Bindable.of(EmulatorProperties.class),
                    new NoUnboundElementsBindHandler(BindHandler.DEFAULT, ConfigurationChecks::isConfiguration));
        } catch (BindException failure) {
            problems.addAll(ConfigurationFailureAnalyzer.problems(failure));
            return null;
        }
        // The whole tree at once, so every violated constraint is reported, not the first group's.
        try (ValidatorFactory factory = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory()) {
            List<String> violations = new ArrayList<>();
            for (ConstraintViolation<EmulatorProperties> violation : factory.getValidator().validate(properties)) {
                String name = "emulator." + ConfigurationFailureAnalyzer.kebab(violation.getPropertyPath().toString());
                String given = environment.getProperty(name);
                Object value = given != null ? given : violation.getInvalidValue();
                violations.add(name + ": " + violation.getMessage() + (value == null ? "" : ", got '" + value + "'"));
            }
            violations.stream().sorted().forEach(problems::add);
        }
        return problems.isEmpty() ? properties : null;
    }

    private static boolean isConfiguration(ConfigurationPropertySource source) {
        return !(source.getUnderlyingSource() instanceof SystemEnvironmentPropertySource);
    }

    private static List<String> missingFixtures(List<String> locations) {
        List<String> problems = new ArrayList<>();
        for (String location : locations) {
            if (!location.isBlank() && !Files.exists(Path.of(location))) {
                problems.add("emulator.fixtures: " + Path.of(location).toAbsolutePath()
                        + " does not exist (a fixture document, or a folder of *.json / *.yaml documents)");
            }
        }
        return problems;
    }

    /** Tomcat would find out only after the database and the migrations; a bind and close is instant. */
    private static Optional<String> portInUse(ConfigurableEnvironment environment) {
        int port;
        try {
            port = Integer.parseInt(environment.getProperty("server.port", "8080").trim());
        } catch (NumberFormatException notANumber) {
            return Optional.of("server.port: must be a port number, got '"
                    + environment.getProperty("server.port") + "'");
        }
        if (port <= 0) {
            return Optional.empty();
        }
        String address = environment.getProperty("server.address");
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(address == null || address.isBlank() ? new InetSocketAddress(port)
                    : new InetSocketAddress(InetAddress.getByName(address), port));
            return Optional.empty();
        } catch (IOException inUse) {
            return Optional.of("server.port: port " + port + " is already in use (choose another with "
                    + "--server.port=PORT, or 0 for any free port)");
        }
    }
}
