package dev.cinderemulator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Boots the emulator: Cinder v3 (backups, volumes, snapshots), Keystone v3 and the control API on one port. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CinderBackupsEmulatorApplication {

    public static void main(String[] args) {
        SpringApplication.run(CinderBackupsEmulatorApplication.class, args);
    }
}
