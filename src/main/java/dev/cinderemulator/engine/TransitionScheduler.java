package dev.cinderemulator.engine;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Schedules and runs the emulated services' work. The worker only ever reads due rows through an
 * index on the due time, so its cost follows the work in flight, not the size of the cloud.
 * Several emulators may share one database: each transition is completed by whichever worker
 * deletes its row, in the transaction that applies it. The {@code emulator.transitions.completed}
 * counter (per action) counts the completions this process committed.
 */
@Service
public class TransitionScheduler {

    private static final Log LOG = LogFactory.getLog(TransitionScheduler.class);
    private static final int BATCH = 1000;
    /** Transitions completed per transaction: one commit (a disk write, a WAL flush) for many. */
    private static final int CHUNK = 250;

    private final Transitions transitions;
    private final EmulatorClock clock;
    private final Timings timings;
    private final TransactionTemplate transaction;
    /** Handlers are the resource services, which schedule work here too: looked up on first use. */
    private final ObjectProvider<TransitionHandler> handlerBeans;
    private volatile Map<TransitionAction, TransitionHandler> handlers;
    private final Map<TransitionAction, Counter> completed = new EnumMap<>(TransitionAction.class);

    TransitionScheduler(Transitions transitions, EmulatorClock clock, Timings timings,
            PlatformTransactionManager transactions, ObjectProvider<TransitionHandler> handlerBeans,
            ObjectProvider<MeterRegistry> meters) {
        this.transitions = transitions;
        this.clock = clock;
        this.timings = timings;
        this.transaction = new TransactionTemplate(transactions);
        this.handlerBeans = handlerBeans;
        MeterRegistry registry = meters.getIfAvailable();
        for (TransitionAction action : TransitionAction.values()) {
            completed.put(action, registry == null ? null
                    : Counter.builder("emulator.transitions.completed").tag("action", action.name().toLowerCase())
                            .description("Transitions this process completed").register(registry));
        }
    }

    private TransitionHandler handlerFor(TransitionAction action) {
        if (handlers == null) {
            Map<TransitionAction, TransitionHandler> byAction = new EnumMap<>(TransitionAction.class);
            handlerBeans.forEach(handler -> handler.handles().forEach(handled -> byAction.put(handled, handler)));
            handlers = byAction;
        }
        return handlers.get(action);
    }

    /** Called inside the API transaction: the work is due after {@code delay} (null = manual). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void schedule(TransitionAction action, String resourceId, Duration delay) {
        LocalDateTime now = clock.now();
        transitions.save(new Transition(action, resourceId, delay == null ? null : now.plus(delay), now));
    }

    /** Called inside the API transaction: the work is due after the operation's current timing. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void schedule(TransitionAction action, String resourceId) {
        schedule(action, resourceId, timings.delay(action));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void cancelFor(String resourceId) {
        transitions.cancelFor(resourceId);
    }

    /** The control API's reset: all work in flight is dropped. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int cancelAll() {
        return transitions.cancelAll();
    }

    @Scheduled(fixedDelayString = "${emulator.timing.poll-interval:25ms}")
    public void runScheduled() {
        runDue();
    }

    /** Completes everything due by the clock's current time; returns how many transitions ran. */
    public synchronized int runDue() {
        int ran = 0;
        List<Transition> due;
        do {
            due = transitions.findDue(clock.now(), BATCH);
            for (int from = 0; from < due.size(); from += CHUNK) {
                ran += completeChunk(due.subList(from, Math.min(due.size(), from + CHUNK)));
            }
        } while (due.size() == BATCH);
        return ran;
    }

    /**
     * Completes a chunk of due transitions in one transaction. If any of them fails, the chunk is
     * rolled back and each is tried in a transaction of its own, so one transition that can't be
     * applied (or meets a concurrent update) never holds back the others.
     */
    private int completeChunk(List<Transition> chunk) {
        if (chunk.size() == 1) {
            return complete(chunk.get(0)) ? 1 : 0;
        }
        List<Transition> done;
        try {
            done = transaction.execute(status -> {
                // Every row first, then the work: each DELETE writes the changes pending in the unit of
                // work first, which the work fills; consumed and applied, they still commit together.
                List<Transition> completedHere = new ArrayList<>();
                for (Transition transition : chunk) {
                    if (transitions.consume(transition.id()) == 1) {
                        completedHere.add(transition);
                    }
                }
                completedHere.forEach(transition -> handlerFor(transition.action()).complete(transition));
                return completedHere;
            });
        } catch (RuntimeException failure) {
            LOG.debug("A chunk of " + chunk.size() + " transitions failed; completing them one by one", failure);
            int ran = 0;
            for (Transition transition : chunk) {
                if (complete(transition)) {
                    ran++;
                }
            }
            return ran;
        }
        done.forEach(transition -> count(transition.action()));
        return done.size();
    }

    private void count(TransitionAction action) {
        Counter counter = completed.get(action);
        if (counter != null) {
            counter.increment();
        }
    }

    /** Completes one pending transition now, whatever its due time (the control API's "manual" step). */
    public boolean completeNow(Long transitionId) {
        return transitions.findById(transitionId).map(this::complete).orElse(false);
    }

    public List<Transition> pendingFor(String resourceId) {
        return transitions.findByResourceId(resourceId);
    }

    /** Pending work in the order it was scheduled, manual ones included. */
    public List<Transition> pending(int limit) {
        return transitions.findAllByOrderByIdAsc(limit);
    }

    private boolean complete(Transition transition) {
        boolean done;
        try {
            done = Boolean.TRUE.equals(transaction.execute(status -> {
                if (transitions.consume(transition.id()) == 0) {
                    return false;
                }
                handlerFor(transition.action()).complete(transition);
                return true;
            }));
        } catch (ConcurrencyFailureException conflict) {
            // An API request changed the same rows meanwhile: nothing was applied, the next poll retries.
            LOG.debug("Transition " + transition.action() + " of " + transition.resourceId()
                    + " met a concurrent update and will be retried", conflict);
            return false;
        } catch (RuntimeException failure) {
            LOG.warn("Transition " + transition.action() + " of " + transition.resourceId()
                    + " failed and will be retried", failure);
            return false;
        }
        if (done) {
            count(transition.action());
        }
        return done;
    }
}
