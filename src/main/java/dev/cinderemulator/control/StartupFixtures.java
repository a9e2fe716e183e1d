package dev.cinderemulator.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import dev.cinderemulator.config.EmulatorProperties;
import dev.cinderemulator.config.InvalidConfiguration;
import dev.cinderemulator.fixture.InvalidFixture;

/**
 * {@code --emulator.fixtures=PATH}: a fixture document, or a folder whose {@code *.json},
 * {@code *.yaml} and {@code *.yml} files are loaded in name order, each whole or not at all. It
 * runs before the emulator reports itself ready, and a bad document stops the start with the
 * file and the field at fault. Fixtures seed an empty cloud only: with a durable data directory
 * that already holds state they are skipped, so a restart does not load them twice.
 */
@Component
public class StartupFixtures implements ApplicationRunner {

    private static final Log LOG = LogFactory.getLog(StartupFixtures.class);

    private final Fixtures fixtures;
    private final EmulatorProperties properties;
    private final List<String> loaded = new CopyOnWriteArrayList<>();
    private volatile boolean skipped;

    StartupFixtures(Fixtures fixtures, EmulatorProperties properties) {
        this.fixtures = fixtures;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        List<String> locations = properties.fixtures().stream().filter(location -> !location.isBlank()).toList();
        if (locations.isEmpty()) {
            return;
        }
        if (!fixtures.emulatorIsEmpty()) {
            LOG.info("The emulator already holds volumes or backups: fixtures " + locations + " are not loaded again");
            skipped = true;
            return;
        }
        for (String location : locations) {
            for (Path file : files(Path.of(location))) {
                load(file);
            }
        }
    }

    /** What this start loaded, one line per document ("file: 2 volumes, 0 snapshots, 3 backups"). */
    public List<String> loaded() {
        return List.copyOf(loaded);
    }

    /** True when fixtures were configured but the durable state already held resources. */
    public boolean skipped() {
        return skipped;
    }

    private void load(Path file) {
        try {
            String name = file.getFileName().toString().toLowerCase();
            boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml");
            Map<String, Integer> loaded = fixtures.apply(fixtures.read(Files.readAllBytes(file), yaml));
            LOG.debug("Loaded fixtures from " + file + ": " + loaded);
            this.loaded.add(file + ": " + loaded.get("volumes") + " volumes, " + loaded.get("snapshots")
                    + " snapshots, " + loaded.get("backups") + " backups");
        } catch (ControlException | InvalidFixture invalid) {
            throw new InvalidConfiguration("emulator.fixtures: " + file + " was not loaded: " + invalid.getMessage());
        } catch (IOException unreadable) {
            throw new InvalidConfiguration("emulator.fixtures: " + file + " could not be read: " + unreadable);
        }
    }

    private static List<Path> files(Path location) {
        if (Files.isRegularFile(location)) {
            return List.of(location);
        }
        if (!Files.isDirectory(location)) {
            throw new InvalidConfiguration("emulator.fixtures: " + location.toAbsolutePath() + " does not exist");
        }
        try (Stream<Path> listing = Files.list(location)) {
            List<Path> documents = new ArrayList<>(listing.filter(Files::isRegularFile).filter(file -> {
                String name = file.getFileName().toString().toLowerCase();
                return name.endsWith(".json") || name.endsWith(".yaml") || name.endsWith(".yml");
            }).sorted().toList());
            return documents;
        } catch (IOException unreadable) {
            throw new InvalidConfiguration("emulator.fixtures: " + location + " could not be listed: " + unreadable);
        }
    }
}
