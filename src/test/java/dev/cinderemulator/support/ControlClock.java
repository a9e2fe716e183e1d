package dev.cinderemulator.support;

import static dev.cinderemulator.support.ControlApi.control;

import java.time.Duration;
import java.util.function.IntSupplier;

/**
 * The emulator's clock, moved through {@code /_emulator/clock} as any test client would: frozen for
 * a test, moved on instead of slept through, and back to real time afterwards.
 */
public final class ControlClock {

    private final IntSupplier port;

    /** The port is asked for at each call: it is injected after the test instance is built. */
    public ControlClock(IntSupplier port) {
        this.port = port;
    }

    public void freeze() {
        control(port.getAsInt()).post("/_emulator/clock/freeze").then().statusCode(200);
    }

    public void reset() {
        control(port.getAsInt()).post("/_emulator/clock/reset").then().statusCode(200);
    }

    /** Moves time on; the work that fell due has run when this returns. */
    public void advance(Duration by) {
        control(port.getAsInt()).body("{\"by\": \"" + by + "\"}").post("/_emulator/clock/advance").then()
                .statusCode(200);
    }
}
