package dev.cinderemulator;

import java.net.URL;
import java.security.CodeSource;

import org.springframework.aot.AotDetector;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.util.ClassUtils;

/** Boots the emulator: Cinder v3 (backups, volumes, snapshots), Keystone v3 and the control API on one port. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CinderBackupsEmulatorApplication {

    public static void main(String[] args) throws Throwable {
        if (CommandLine.answered(args)) {
            return;
        }
        useAheadOfTimeBeansFromTheJar();
        if (ExtractedJar.relaunch(CinderBackupsEmulatorApplication.class, args)) {
            return;
        }
        SpringApplication application = new SpringApplication(CinderBackupsEmulatorApplication.class);
        application.addListeners(new IdleFootprint());
        application.run(args);
    }

    /**
     * An emulator is started far more often than it is built, so the jar starts from the bean
     * definitions Spring's AOT processing wrote at build time, without a flag to know: a third less
     * start-up. Only from a jar, where they were generated together with the classes beside them
     * (a classes folder may hold stale ones from an earlier package); and never over the user's own
     * {@code -Dspring.aot.enabled=false}, the way back to a reflective start (which honours
     * conditions AOT fixed at build time, such as actuator exposure changed at run time).
     */
    static void useAheadOfTimeBeansFromTheJar() {
        if (System.getProperty(AotDetector.AOT_ENABLED) != null || !startedFromJar()) {
            return;
        }
        ClassLoader loader = CinderBackupsEmulatorApplication.class.getClassLoader();
        if (ClassUtils.isPresent(CinderBackupsEmulatorApplication.class.getName() + "__ApplicationContextInitializer",
                loader)) {
            System.setProperty(AotDetector.AOT_ENABLED, "true");
        }
    }

    private static boolean startedFromJar() {
        CodeSource source = CinderBackupsEmulatorApplication.class.getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        if (location == null) {
            return false;
        }
        String where = location.toString();
        // java -jar (nested: BOOT-INF/classes inside the jar) or the extracted layout (the application jar).
        return where.startsWith("jar:") || where.startsWith("nested:") || where.endsWith(".jar")
                || where.contains(".jar!");
    }
}
