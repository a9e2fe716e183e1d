package dev.cinderemulator.console;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/** {@code /actuator/info}: the ready banner's facts, as JSON under {@code emulator}. */
@Component
class EmulatorInfo implements InfoContributor {

    private final ReadyFacts facts;

    EmulatorInfo(ReadyFacts facts) {
        this.facts = facts;
    }

    @Override
    public void contribute(Info.Builder builder) {
        builder.withDetail("emulator", facts.asMap(version()));
    }

    /** The project version, written into the jar at build time. */
    static String version() {
        try (InputStream in = EmulatorInfo.class.getResourceAsStream("/emulator-version.properties")) {
            if (in == null) {
                return "(unknown version)";
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "");
            return version.isBlank() || version.startsWith("@") ? "(unknown version)" : version;
        } catch (IOException unreadable) {
            return "(unknown version)";
        }
    }
}
