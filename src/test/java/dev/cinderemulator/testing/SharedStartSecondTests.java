package dev.cinderemulator.testing;

import org.junit.jupiter.api.Test;

/** The other half of {@link SharedStartFirstTests}. */
@CinderEmulatorTest(idSeed = "7001", resetBeforeEach = false)
class SharedStartSecondTests {

    @Test
    void findsTheSharedEmulatorAsStarted(CinderEmulator emulator) {
        SharedStartFirstTests.Ledger.visit(emulator, getClass());
    }
}
