package dev.cinderemulator.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL server the {@code *PostgresTests} run against, named by the system property
 * {@code cinder.test.postgres.url} or the variable {@code CINDER_TEST_POSTGRES_URL} (with
 * {@code _USER} and {@code _PASSWORD}, default {@code cinder}), as {@code .ci/postgres.sh} prints
 * them. Without a URL those tests are skipped. Each suite works in a schema of its own, created
 * for the run, so rows of earlier runs or of other suites never show.
 */
public final class PostgresDatabase {

    private PostgresDatabase() {
    }

    public static boolean configured() {
        String url = url();
        return url != null && !url.isBlank();
    }

    public static String url() {
        return setting("cinder.test.postgres.url", "CINDER_TEST_POSTGRES_URL", null);
    }

    public static String user() {
        return setting("cinder.test.postgres.user", "CINDER_TEST_POSTGRES_USER", "cinder");
    }

    public static String password() {
        return setting("cinder.test.postgres.password", "CINDER_TEST_POSTGRES_PASSWORD", "cinder");
    }

    /** Creates an empty schema and answers a JDBC URL whose connections work in it. */
    public static String freshSchemaUrl(String prefix) {
        String schema = prefix + "_" + Long.toHexString(System.nanoTime()) + Integer.toHexString((int) (Math.random() * 0xffff));
        try (Connection connection = DriverManager.getConnection(url(), user(), password());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException unreachable) {
            throw new IllegalStateException("PostgreSQL at " + url() + " is not usable", unreachable);
        }
        return url() + (url().contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static String setting(String property, String variable, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(variable);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
