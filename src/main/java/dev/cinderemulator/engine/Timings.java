package dev.cinderemulator.engine;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.cinderemulator.config.EmulatorProperties;

/**
 * How long each piece of emulated service work takes. It starts from {@code emulator.timing.*} and
 * the control API changes it at run time. An empty delay means manual: the resource stays in its
 * transient status until someone completes the transition.
 */
@Component
public class Timings {

    /**
     * The longest delay an operation may be given (beyond it, {@code manual}): work due later than
     * a year would only be reached by moving the clock, which {@link EmulatorClock#LATEST} bounds.
     */
    public static final Duration MAX_DELAY = Duration.ofDays(366);

    private final Map<TransitionAction, Optional<Duration>> configured;
    private final Map<TransitionAction, Optional<Duration>> current;

    Timings(EmulatorProperties properties) {
        EmulatorProperties.Timing timing = properties.timing();
        Map<TransitionAction, Optional<Duration>> initial = new EnumMap<>(TransitionAction.class);
        initial.put(TransitionAction.BACKUP_CREATE, Optional.of(timing.backupCreate()));
        initial.put(TransitionAction.BACKUP_RESTORE, Optional.of(timing.backupRestore()));
        initial.put(TransitionAction.BACKUP_DELETE, Optional.of(timing.backupDelete()));
        initial.put(TransitionAction.BACKUP_IMPORT, Optional.of(timing.backupImport()));
        initial.put(TransitionAction.VOLUME_CREATE, Optional.of(timing.volumeCreate()));
        initial.put(TransitionAction.VOLUME_DELETE, Optional.of(timing.volumeDelete()));
        initial.put(TransitionAction.SNAPSHOT_CREATE, Optional.of(timing.snapshotCreate()));
        initial.put(TransitionAction.SNAPSHOT_DELETE, Optional.of(timing.snapshotDelete()));
        this.configured = Collections.unmodifiableMap(new EnumMap<>(initial));
        this.current = initial;
    }

    /** The delay before {@code action} is due, or null when it is manual (the scheduler's convention). */
    public synchronized Duration delay(TransitionAction action) {
        return current.get(action).orElse(null);
    }

    public synchronized Map<TransitionAction, Optional<Duration>> all() {
        return Collections.unmodifiableMap(new EnumMap<>(current));
    }

    /** Applies every change or none: the caller validated them all first. */
    public synchronized void update(Map<TransitionAction, Optional<Duration>> changes) {
        changes.values().forEach(delay -> delay.ifPresent(Timings::checkNotNegative));
        current.putAll(changes);
    }

    public synchronized void reset() {
        current.putAll(configured);
    }

    /** {@code BACKUP_CREATE} is {@code backup-create} on the control API, as in {@code emulator.timing.*}. */
    public static String operationName(TransitionAction action) {
        return action.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<TransitionAction> operation(String name) {
        return Arrays.stream(TransitionAction.values()).filter(action -> operationName(action).equals(name))
                .findFirst();
    }

    private static void checkNotNegative(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("A delay cannot be negative: " + delay);
        }
    }
}
