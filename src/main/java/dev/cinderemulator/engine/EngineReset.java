package dev.cinderemulator.engine;

import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The engine's share of a reset: the work in flight (dropped first), the timings, the clock (real
 * time again) and the id sequence (from its seed again).
 */
@Component
@Order(0)
class EngineReset implements Resettable {

    private final TransitionScheduler scheduler;
    private final Timings timings;
    private final EmulatorClock clock;
    private final IdGenerator ids;

    EngineReset(TransitionScheduler scheduler, Timings timings, EmulatorClock clock, IdGenerator ids) {
        this.scheduler = scheduler;
        this.timings = timings;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public Map<String, Integer> resetAll() {
        int transitions = scheduler.cancelAll();
        timings.reset();
        clock.reset();
        ids.reseed();
        return Map.of("transitions", transitions);
    }
}
