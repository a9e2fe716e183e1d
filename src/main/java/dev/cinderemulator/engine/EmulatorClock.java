package dev.cinderemulator.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The one clock every timestamp and due time comes from. It runs in real time until someone
 * freezes or advances it, so a test can move time instead of sleeping. UTC, microsecond precision,
 * like the naive timestamps Cinder stores.
 */
public class EmulatorClock extends Clock {

    /**
     * As far as the clock may be moved: Cinder's datetimes are Python's, with four-digit years, and
     * work due up to {@link Timings#MAX_DELAY} later, and tokens issued then, must still fit.
     */
    public static final Instant LATEST = Instant.parse("9998-12-31T00:00:00Z");

    private final Clock real;
    private volatile Duration offset = Duration.ZERO;
    private volatile Instant frozenAt;

    public EmulatorClock(Clock real) {
        this.real = real;
    }

    @Override
    public Instant instant() {
        Instant frozen = frozenAt;
        return (frozen != null ? frozen : real.instant().plus(offset)).truncatedTo(ChronoUnit.MICROS);
    }

    public LocalDateTime now() {
        return LocalDateTime.ofInstant(instant(), ZoneOffset.UTC);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The emulator's clock is always UTC");
    }

    public synchronized void advance(Duration amount) {
        if (amount.compareTo(Duration.between(instant(), LATEST)) > 0) {
            throw new IllegalArgumentException("The clock cannot move past " + LATEST);
        }
        if (frozenAt != null) {
            frozenAt = frozenAt.plus(amount);
        } else {
            offset = offset.plus(amount);
        }
    }

    public synchronized void freeze() {
        if (frozenAt == null) {
            frozenAt = instant();
        }
    }

    /** Runs on from where it stands now, without jumping back. */
    public synchronized void unfreeze() {
        if (frozenAt != null) {
            offset = Duration.between(real.instant(), frozenAt);
            frozenAt = null;
        }
    }

    /** Back to the machine's own time. */
    public synchronized void reset() {
        frozenAt = null;
        offset = Duration.ZERO;
    }

    public boolean isFrozen() {
        return frozenAt != null;
    }

    public Duration offset() {
        return frozenAt != null ? Duration.between(real.instant(), frozenAt) : offset;
    }
}
