package dev.cinderemulator.lifecycle;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Limit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Schedules and runs the emulated services' work. The worker only ever reads due rows through an
 * index on the due time, so its cost follows the work in flight, not the size of the cloud.
 */
@Service
public class TransitionScheduler {

    private static final Log LOG = LogFactory.getLog(TransitionScheduler.class);
    private static final int BATCH = 500;

    private final Transitions transitions;
    private final EmulatorClock clock;
    private final Timings timings;
    private final TransactionTemplate transaction;
    /** Handlers are the resource services, which schedule work here too: looked up on first use. */
    private final ObjectProvider<TransitionHandler> handlerBeans;
    private volatile Map<TransitionAction, TransitionHandler> handlers;

    TransitionScheduler(Transitions transitions, EmulatorClock clock, Timings timings,
            PlatformTransactionManager transactions, ObjectProvider<TransitionHandler> handlerBeans) {
        this.transitions = transitions;
        this.clock = clock;
        this.timings = timings;
        this.transaction = new TransactionTemplate(transactions);
        this.handlerBeans = handlerBeans;
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

    @Scheduled(fixedDelayString = "${emulator.timing.poll-interval:100ms}")
    public void runScheduled() {
        runDue();
    }

    /** Completes everything due by the clock's current time; returns how many transitions ran. */
    public synchronized int runDue() {
        int ran = 0;
        List<Transition> due;
        do {
            due = transitions.findDue(clock.now(), Limit.of(BATCH));
            for (Transition transition : due) {
                if (complete(transition)) {
                    ran++;
                }
            }
        } while (due.size() == BATCH);
        return ran;
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
        return transitions.findAllByOrderByIdAsc(Limit.of(limit));
    }

    private boolean complete(Transition transition) {
        try {
            return Boolean.TRUE.equals(transaction.execute(status -> {
                if (transitions.consume(transition.id()) == 0) {
                    return false;
                }
                handlerFor(transition.action()).complete(transition);
                return true;
            }));
        } catch (RuntimeException failure) {
            LOG.warn("Transition " + transition.action() + " of " + transition.resourceId()
                    + " failed and will be retried", failure);
            return false;
        }
    }
}
