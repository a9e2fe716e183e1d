package dev.cinderemulator.web;

import java.lang.reflect.Method;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.aop.Advisor;
import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a write does when another one (a request, the scheduler, or another emulator sharing the
 * database) changed the same rows first. Every entity carries a version, so the later commit
 * fails instead of silently overwriting what the earlier one wrote. The whole request is then
 * run again, from a fresh read, up to ten times with a growing random pause: the client sees the answer it would have got had
 * the requests arrived one after the other (a second rename simply wins, a second delete of the
 * same backup is "Invalid backup: Backup status must be available or error"), as Cinder, whose
 * updates are conditional on the status it read, behaves. Only when the conflicts persist does
 * the request end in {@link CinderFaults}' 409 {@code conflictingRequest}.
 *
 * <p>Applies to the POST, PUT and DELETE handlers of our controllers, outside their transaction:
 * the request body is already read, so running the handler again is safe.
 */
@Configuration(proxyBeanMethods = false)
class ConcurrentUpdates {

    static final int ATTEMPTS = 10;
    private static final long MAX_PAUSE_MICROS = 200_000;
    private static final Log LOG = LogFactory.getLog(ConcurrentUpdates.class);
    /**
     * A unique key taken by a concurrent insert (a project's first quota lock, an imported id),
     * a lock wait that timed out (H2), a deadlock or serialisation failure, a lock not available.
     */
    private static final Set<String> CONFLICT_STATES = Set.of("23505", "HYT00", "40001", "40P01", "55P03");

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor concurrentUpdateRetries() {
        return new RetryAdvisor();
    }

    /** Failures that mean "someone else committed first", not "this request is wrong". */
    static boolean isConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyFailureException || cause instanceof DuplicateKeyException) {
                return true;
            }
            if (cause instanceof SQLException sql && CONFLICT_STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static final class RetryAdvisor extends AbstractPointcutAdvisor {

        private final StaticMethodMatcherPointcut pointcut = new StaticMethodMatcherPointcut() {
            @Override
            public boolean matches(Method method, Class<?> targetClass) {
                return targetClass.getName().startsWith("dev.cinderemulator.")
                        && AnnotatedElementUtils.hasAnnotation(targetClass, RestController.class)
                        && (AnnotatedElementUtils.hasAnnotation(method, PostMapping.class)
                                || AnnotatedElementUtils.hasAnnotation(method, PutMapping.class)
                                || AnnotatedElementUtils.hasAnnotation(method, DeleteMapping.class));
            }
        };

        private final MethodInterceptor retry = RetryAdvisor::invoke;

        RetryAdvisor() {
            // Outside the transaction interceptor, so each attempt is a transaction of its own.
            setOrder(Ordered.HIGHEST_PRECEDENCE);
        }

        private static Object invoke(MethodInvocation invocation) throws Throwable {
            if (TransactionSynchronizationManager.isActualTransactionActive()) {
                return invocation.proceed();
            }
            for (int attempt = 1;; attempt++) {
                try {
                    // A clone runs the rest of the chain (the transaction interceptor) again.
                    return ((ProxyMethodInvocation) invocation).invocableClone().proceed();
                } catch (RuntimeException failure) {
                    if (attempt >= ATTEMPTS || !isConflict(failure)) {
                        throw failure;
                    }
                    LOG.debug("Concurrent update in " + invocation.getMethod().getName() + ", attempt " + attempt
                            + "; running the request again", failure);
                    // A random pause that doubles with each attempt (up to 0.2 s), so racers drift apart.
                    long pauseMicros = ThreadLocalRandom.current().nextLong(100,
                            Math.min(MAX_PAUSE_MICROS, 1_000L << attempt));
                    LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(pauseMicros));
                }
            }
        }

        @Override
        public org.springframework.aop.Pointcut getPointcut() {
            return pointcut;
        }

        @Override
        public org.aopalliance.aop.Advice getAdvice() {
            return retry;
        }
    }
}
