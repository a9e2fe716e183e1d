package dev.cinderemulator.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;

import dev.cinderemulator.CinderBackupsEmulatorApplication;
import dev.cinderemulator.testing.CinderEmulator.AuthMode;

/**
 * Starts the emulator of a {@link CinderEmulatorTest} in the test's JVM, once per distinct set of
 * settings for the whole run (kept in the root store, which stops it when the run ends), so a suite
 * of many classes pays the start once. Like a fixture started for each class, each test class finds
 * it as it was started: reset, with its fixtures loaded again, before every class after the first
 * that uses it ({@code @Nested} classes share their enclosing class's state). It resets before each
 * test too if asked, and is handed to {@link CinderEmulator} parameters.
 */
public class CinderEmulatorExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
            .create(CinderEmulatorExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        InProcessEmulator emulator = emulator(context);
        boolean topLevel = context.getParent().map(parent -> parent.getTestClass().isEmpty()).orElse(true);
        if (topLevel && emulator.usedBy(context.getRequiredTestClass())) {
            emulator.reset();
            settings(context).fixtureDocuments().forEach(emulator::loadFixtures);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Settings settings = settings(context);
        if (settings.resetBeforeEach()) {
            InProcessEmulator emulator = emulator(context);
            emulator.reset();
            settings.fixtureDocuments().forEach(emulator::loadFixtures);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == CinderEmulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return emulator(context);
    }

    @SuppressWarnings("deprecation") // getOrComputeIfAbsent: JUnit 5 has no computeIfAbsent
    private static InProcessEmulator emulator(ExtensionContext context) {
        Settings settings = settings(context);
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(settings.key(),
                key -> InProcessEmulator.start(settings), InProcessEmulator.class);
    }

    /** The annotation of the test class, or of the class a {@code @Nested} class sits in. */
    private static Settings settings(ExtensionContext context) {
        for (ExtensionContext current = context; current != null; current = current.getParent().orElse(null)) {
            Optional<CinderEmulatorTest> annotation = current.getTestClass()
                    .flatMap(type -> AnnotationSupport.findAnnotation(type, CinderEmulatorTest.class));
            if (annotation.isPresent()) {
                return Settings.of(annotation.get());
            }
        }
        throw new ExtensionConfigurationException(
                "CinderEmulatorExtension needs @CinderEmulatorTest on the test class (or an enclosing class)");
    }

    /**
     * What the emulator is started with, as Spring properties; equal settings share an emulator.
     * {@code resetBeforeEach} and the fixture documents' text are not part of the key.
     */
    record Settings(Map<String, String> properties, List<Path> fixtures, boolean resetBeforeEach) {

        static Settings of(CinderEmulatorTest annotation) {
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("server.port", "0");
            properties.put("server.address", "127.0.0.1");
            properties.put("spring.jmx.enabled", "false");
            properties.put("emulator.auth.mode", annotation.auth().name().toLowerCase(Locale.ROOT));
            for (String timing : annotation.timings()) {
                String[] parts = pair("timings", timing);
                if (!CinderEmulator.TIMED_OPERATIONS.contains(parts[0])) {
                    throw new ExtensionConfigurationException("@CinderEmulatorTest timings: operation '" + parts[0]
                            + "' is not one of " + CinderEmulator.TIMED_OPERATIONS);
                }
                if (parts[1].equalsIgnoreCase("manual")) {
                    throw new ExtensionConfigurationException("@CinderEmulatorTest timings: '" + timing
                            + "': manual is set at run time, with emulator.setTiming(\"" + parts[0]
                            + "\", \"manual\")");
                }
                properties.put("emulator.timing." + parts[0], parts[1]);
            }
            List<Path> fixtures = Stream.of(annotation.fixtures()).map(Settings::fixturePath).toList();
            if (!fixtures.isEmpty()) {
                properties.put("emulator.fixtures",
                        String.join(",", fixtures.stream().map(Path::toString).toList()));
            }
            if (!annotation.idSeed().isBlank()) {
                properties.put("emulator.id-seed", annotation.idSeed().trim());
            }
            for (String property : annotation.properties()) {
                String[] parts = pair("properties", property);
                properties.put(parts[0], parts[1]);
            }
            return new Settings(Collections.unmodifiableMap(properties), fixtures, annotation.resetBeforeEach());
        }

        Object key() {
            return List.of(CinderEmulatorExtension.class.getName(), properties);
        }

        AuthMode authMode() {
            return properties.get("emulator.auth.mode").equals("noauth") ? AuthMode.NOAUTH : AuthMode.KEYSTONE;
        }

        /** The documents to load again after a reset, in the order the emulator loaded them at start-up. */
        List<String> fixtureDocuments() {
            List<String> documents = new ArrayList<>();
            for (Path location : fixtures) {
                for (Path file : documentsIn(location)) {
                    try {
                        documents.add(Files.readString(file, StandardCharsets.UTF_8));
                    } catch (IOException unreadable) {
                        throw new UncheckedIOException("fixture " + file + " could not be read", unreadable);
                    }
                }
            }
            return documents;
        }

        private static List<Path> documentsIn(Path location) {
            if (!Files.isDirectory(location)) {
                return List.of(location);
            }
            try (Stream<Path> files = Files.list(location)) {
                return files.filter(Files::isRegularFile).filter(file -> {
                    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                    return name.endsWith(".json") || name.endsWith(".yaml") || name.endsWith(".yml");
                }).sorted().toList();
            } catch (IOException unreadable) {
                throw new UncheckedIOException("fixtures " + location + " could not be listed", unreadable);
            }
        }

        private static String[] pair(String attribute, String text) {
            int equals = text.indexOf('=');
            if (equals <= 0) {
                throw new ExtensionConfigurationException(
                        "@CinderEmulatorTest " + attribute + ": 'name=value' expected, got '" + text + "'");
            }
            return new String[] { text.substring(0, equals).trim(), text.substring(equals + 1).trim() };
        }

        /** A path as given, or a {@code classpath:} resource (copied out of a jar when it is in one). */
        private static Path fixturePath(String location) {
            if (!location.startsWith("classpath:")) {
                Path path = Path.of(location).toAbsolutePath();
                if (!Files.exists(path)) {
                    throw new ExtensionConfigurationException("@CinderEmulatorTest fixtures: " + path
                            + " does not exist");
                }
                return path;
            }
            String resource = location.substring("classpath:".length()).replaceFirst("^/", "");
            URL url = Thread.currentThread().getContextClassLoader().getResource(resource);
            if (url == null) {
                throw new ExtensionConfigurationException("@CinderEmulatorTest fixtures: no class path resource '"
                        + resource + "'");
            }
            try {
                if (url.getProtocol().equals("file")) {
                    return Path.of(url.toURI());
                }
                String name = resource.substring(resource.lastIndexOf('/') + 1);
                Path copy = Files.createTempDirectory("cinder-fixtures").resolve(name);
                try (InputStream in = url.openStream()) {
                    Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
                }
                copy.toFile().deleteOnExit();
                copy.getParent().toFile().deleteOnExit();
                return copy;
            } catch (IOException | URISyntaxException unreadable) {
                throw new ExtensionConfigurationException("@CinderEmulatorTest fixtures: " + url
                        + " could not be read", unreadable);
            }
        }
    }

    /** The emulator's Spring application in this JVM, stopped when the store that holds it closes. */
    @SuppressWarnings("deprecation") // CloseableResource: what JUnit 5 before 5.13 closes
    static final class InProcessEmulator
            implements CinderEmulator, AutoCloseable, ExtensionContext.Store.CloseableResource {

        private final ConfigurableApplicationContext context;
        private final URI baseUrl;
        private final AuthMode authMode;
        private final AtomicBoolean closed = new AtomicBoolean();
        private Class<?> lastTestClass;

        private InProcessEmulator(ConfigurableApplicationContext context, AuthMode authMode) {
            this.context = context;
            this.authMode = authMode;
            String port = context.getEnvironment().getRequiredProperty("local.server.port");
            this.baseUrl = URI.create("http://127.0.0.1:" + port);
        }

        static InProcessEmulator start(Settings settings) {
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("spring.config.location", ownConfiguration());
            properties.putAll(settings.properties());
            String[] arguments = properties.entrySet().stream()
                    .map(entry -> "--" + entry.getKey() + "=" + entry.getValue()).toArray(String[]::new);
            ConfigurableApplicationContext context = new SpringApplicationBuilder(
                    CinderBackupsEmulatorApplication.class).main(CinderBackupsEmulatorApplication.class)
                    .environment(new IsolatedEnvironment()).run(arguments);
            return new InProcessEmulator(context, settings.authMode());
        }

        /**
         * The emulator's own {@code application.yml}, found beside its classes: the test project may
         * have an {@code application.yml} of its own earlier on the class path.
         */
        private static String ownConfiguration() {
            String codeSource = CinderBackupsEmulatorApplication.class.getProtectionDomain().getCodeSource()
                    .getLocation().toString();
            List<String> expected = List.of(codeSource + "application.yml", "jar:" + codeSource + "!/application.yml");
            try {
                for (URL candidate : Collections.list(CinderBackupsEmulatorApplication.class.getClassLoader()
                        .getResources("application.yml"))) {
                    if (expected.contains(candidate.toString())) {
                        return candidate.toString();
                    }
                }
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
            throw new IllegalStateException("The emulator's application.yml is not beside its classes in " + codeSource);
        }

        /** Records the test class now using the emulator; true when another class used it before. */
        synchronized boolean usedBy(Class<?> testClass) {
            boolean usedBefore = lastTestClass != null && lastTestClass != testClass;
            lastTestClass = testClass;
            return usedBefore;
        }

        @Override
        public URI baseUrl() {
            return baseUrl;
        }

        @Override
        public AuthMode authMode() {
            return authMode;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                context.close();
            }
        }

        @Override
        public String toString() {
            return "CinderEmulator at " + baseUrl + " (in process, " + authMode.name().toLowerCase(Locale.ROOT) + ")";
        }
    }

    /** An environment without the JVM's system properties and environment variables. */
    private static final class IsolatedEnvironment extends StandardEnvironment {

        @Override
        protected void customizePropertySources(MutablePropertySources propertySources) {
            // Nothing: only the emulator's application.yml and the command-line arguments count.
        }
    }
}
