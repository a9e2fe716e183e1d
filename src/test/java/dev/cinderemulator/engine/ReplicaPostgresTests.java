package dev.cinderemulator.engine;

import java.util.List;

import org.junit.jupiter.api.condition.EnabledIf;

import dev.cinderemulator.support.PostgresDatabase;

/** The two-emulator scenario on PostgreSQL, the database replicas are meant to share. */
@EnabledIf(value = "dev.cinderemulator.support.PostgresDatabase#configured",
        disabledReason = "no PostgreSQL: set CINDER_TEST_POSTGRES_URL (.ci/postgres.sh prints it)")
class ReplicaPostgresTests extends ReplicaTests {

    @Override
    protected String databaseUrl() {
        return PostgresDatabase.freshSchemaUrl("replicas");
    }

    @Override
    protected List<String> databaseCredentials() {
        return List.of("--spring.datasource.username=" + PostgresDatabase.user(),
                "--spring.datasource.password=" + PostgresDatabase.password());
    }
}
