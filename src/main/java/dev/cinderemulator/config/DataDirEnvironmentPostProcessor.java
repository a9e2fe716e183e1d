package dev.cinderemulator.config;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code emulator.data-dir} turns the default in-memory H2 into a file-backed one in that folder,
 * unless {@code spring.datasource.url} names another database (PostgreSQL, say). Every commit is
 * written through at once ({@code WRITE_DELAY=0}), so a kill -9 loses nothing acknowledged.
 */
class DataDirEnvironmentPostProcessor implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String dataDir = environment.getProperty("emulator.data-dir");
        if (dataDir == null || dataDir.isBlank() || environment.containsProperty("spring.datasource.url")) {
            return;
        }
        String file = Path.of(dataDir).toAbsolutePath().resolve("cinder").toString();
        environment.getPropertySources().addLast(new MapPropertySource("emulatorDataDir",
                Map.of("spring.datasource.url", "jdbc:h2:file:" + file + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE")));
    }
}
