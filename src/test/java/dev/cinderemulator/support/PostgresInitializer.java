package dev.cinderemulator.support;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points a test context at the run's PostgreSQL schema through the standard {@code spring.datasource.*}. */
public class PostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** One schema for every acceptance suite of the run, so they share one cached context. */
    private static String schemaUrl;

    private static synchronized String schemaUrl() {
        if (schemaUrl == null) {
            schemaUrl = PostgresDatabase.freshSchemaUrl("acceptance");
        }
        return schemaUrl;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("postgresTests",
                Map.of("spring.datasource.url", schemaUrl(), "spring.datasource.username", PostgresDatabase.user(),
                        "spring.datasource.password", PostgresDatabase.password())));
    }
}
