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
 * written through at once ({@code WRITE_DELAY=0}), so a kill -9 loses nothing acknowledged. The
 * in-memory URL of {@code application.yml} is already in the environment when this runs, so it
 * is the one URL the data directory overrides.
 */
class DataDirEnvironmentPostProcessor implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String dataDir = environment.getProperty("emulator.data-dir");
        String url = environment.getProperty("spring.datasource.url");
        if (dataDir == null || dataDir.isBlank() || url != null && !url.startsWith("jdbc:h2:mem:")) {
            return;
        }
        String file = Path.of(dataDir).toAbsolutePath().resolve("cinder").toString();
        environment.getPropertySources().addFirst(new MapPropertySource("emulatorDataDir",
                Map.of("spring.datasource.url", "jdbc:h2:file:" + file + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE")));
    }
}
