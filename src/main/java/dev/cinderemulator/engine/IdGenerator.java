package dev.cinderemulator.engine;

import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.cinderemulator.config.EmulatorProperties;

/**
 * The ids of new volumes, snapshots and backups: random version-4 UUIDs as Cinder makes them, or,
 * with {@code emulator.id-seed}, the same sequence on every run and again after every reset.
 * {@link Random} is used because its algorithm is fixed by its specification, so a seed gives the
 * same ids on every JDK.
 */
@Component
public class IdGenerator {

    private final Long seed;
    private Random seeded;

    IdGenerator(EmulatorProperties properties) {
        this.seed = properties.idSeed();
        reseed();
    }

    public synchronized String newId() {
        if (seeded == null) {
            return UUID.randomUUID().toString();
        }
        long high = (seeded.nextLong() & ~0xF000L) | 0x4000L;
        long low = (seeded.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    /** Starts the seeded sequence again from its beginning; without a seed ids stay random. */
    public synchronized void reseed() {
        seeded = seed == null ? null : new Random(seed);
    }

    public Optional<Long> seed() {
        return Optional.ofNullable(seed);
    }
}
