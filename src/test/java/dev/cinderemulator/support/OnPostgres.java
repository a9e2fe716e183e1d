package dev.cinderemulator.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.test.context.ContextConfiguration;

/**
 * Runs an acceptance suite against PostgreSQL instead of H2 (see {@link PostgresDatabase}); the
 * suite is skipped when no server is named.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@EnabledIf(value = "dev.cinderemulator.support.PostgresDatabase#configured",
        disabledReason = "no PostgreSQL: set CINDER_TEST_POSTGRES_URL (.ci/postgres.sh prints it)")
@ContextConfiguration(initializers = PostgresInitializer.class)
public @interface OnPostgres {
}
