package dev.cinderemulator.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

import dev.cinderemulator.support.CinderClient;

/**
 * Two test classes with the same settings ({@link SharedStartSecondTests} is the other), in
 * whichever order they run: one emulator serves both, and the second finds none of what the first
 * left, although neither resets before each test.
 */
@CinderEmulatorTest(idSeed = "7001", resetBeforeEach = false)
class SharedStartFirstTests {

    @Test
    void findsTheSharedEmulatorAsStarted(CinderEmulator emulator) {
        Ledger.visit(emulator, getClass());
    }

    /** What each class saw and left: the emulator's address and the volume it created. */
    static final class Ledger {

        private static final Map<Class<?>, URI> ADDRESSES = new ConcurrentHashMap<>();

        static void visit(CinderEmulator emulator, Class<?> visitor) {
            CinderClient cinder = new CinderClient(emulator.cinderUrl(), emulator.token(EmulatorUser.DEMO));
            assertThat(cinder.get("/volumes").body().at("/volumes").size())
                    .as("volumes left by an earlier class").isZero();
            ADDRESSES.forEach((earlier, address) -> assertThat(address)
                    .as("the emulator %s used", earlier.getSimpleName()).isEqualTo(emulator.baseUrl()));
            assertThat(cinder.post("/volumes", "{\"volume\": {\"size\": 1, \"name\": \"left-by-"
                    + visitor.getSimpleName() + "\"}}").status()).isEqualTo(202);
            ADDRESSES.put(visitor, emulator.baseUrl());
        }
    }
}
