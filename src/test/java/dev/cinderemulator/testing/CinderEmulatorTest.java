package dev.cinderemulator.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import dev.cinderemulator.testing.CinderEmulator.AuthMode;

/**
 * Runs the test class against an emulator started in the test's own JVM on a random port, with an
 * in-memory database of its own: no Docker, no fixed port. A test method, constructor or lifecycle
 * method asks for it with a {@link CinderEmulator} parameter.
 *
 * <pre>{@code
 * @CinderEmulatorTest(timings = "backup-create=10s", fixtures = "classpath:cinder/demo.yaml")
 * class BackupJobTests {
 *     @Test
 *     void nightlyJobWaitsForTheBackup(CinderEmulator cinder) {
 *         cinder.freezeClock();
 *         ... point the code under test at cinder.authUrl() / cinder.cloudConfig() ...
 *         cinder.advanceClock(Duration.ofSeconds(10));
 *     }
 * }
 * }</pre>
 *
 * Test classes with the same settings share one emulator for the whole run (it stops when the run
 * ends), so a suite pays the start once; by default it is reset, and the fixtures loaded again,
 * before each test, and with {@code resetBeforeEach = false} still before each further test class. The emulator reads
 * only its own {@code application.yml} and these settings: not the test project's
 * {@code application.yml}, environment variables or system properties. See docs/consumers.md.
 */
@Target({ ElementType.TYPE, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(CinderEmulatorExtension.class)
public @interface CinderEmulatorTest {

    /** {@code emulator.auth.mode}. */
    AuthMode auth() default AuthMode.KEYSTONE;

    /**
     * Start-up timings as {@code operation=duration}, such as {@code "backup-create=0s"} or
     * {@code "volume-create=PT0.5S"}; operations are {@link CinderEmulator#TIMED_OPERATIONS}. For
     * {@code manual}, call {@link CinderEmulator#setTiming(String, String)} in the test.
     */
    String[] timings() default {};

    /**
     * Fixture documents or folders loaded at start-up (and after each reset): file system paths,
     * relative to the working directory, or {@code classpath:} resources.
     */
    String[] fixtures() default {};

    /** {@code emulator.id-seed}: generated ids repeat from run to run (and after each reset). */
    String idSeed() default "";

    /** Any other property as {@code name=value}, such as {@code "emulator.journal.size=50"}. */
    String[] properties() default {};

    /** Reset the emulator (and load the fixtures again) before each test. */
    boolean resetBeforeEach() default true;
}
