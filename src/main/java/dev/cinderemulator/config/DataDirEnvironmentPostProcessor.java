package dev.cinderemulator.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Chooses the database unless {@code spring.datasource.url} names one (PostgreSQL, say): an
 * in-memory H2 by default, or with {@code emulator.data-dir} a file-backed H2 in that folder. Every commit is
 * written through at once ({@code WRITE_DELAY=0}), so a kill -9 loses nothing acknowledged. A write
 * waits up to ten seconds for a row another transaction holds (H2's default is one), as concurrent
 * requests on one project queue on its quota lock.
 */
class DataDirEnvironmentPostProcessor implements EnvironmentPostProcessor {

    private static final String LOCK_TIMEOUT = ";LOCK_TIMEOUT=10000";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("spring.datasource.url")) {
            return;
        }
        String dataDir = environment.getProperty("emulator.data-dir");
        String url;
        if (dataDir == null || dataDir.isBlank()) {
            // A name of its own per start, so two emulators in one JVM (tests) never share a cloud.
            url = "jdbc:h2:mem:cinder-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + LOCK_TIMEOUT;
        } else {
            String file = Path.of(dataDir).toAbsolutePath().resolve("cinder").toString();
            url = "jdbc:h2:file:" + file + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE" + LOCK_TIMEOUT;
        }
        environment.getPropertySources().addLast(new MapPropertySource("emulatorDataDir",
                Map.of("spring.datasource.url", url)));
    }
}
