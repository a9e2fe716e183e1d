/**
 * The consumer kit: what a project that uses the emulator as a test fixture adds to its own tests.
 * {@link dev.cinderemulator.testing.CinderEmulatorContainer} runs the Docker image with Testcontainers;
 * {@link dev.cinderemulator.testing.CinderEmulatorTest} starts the emulator in the test's own JVM; both
 * hand out the same {@link dev.cinderemulator.testing.CinderEmulator}. Published as the project's test
 * jar (classifier {@code tests}); see docs/consumers.md.
 */
package dev.cinderemulator.testing;
