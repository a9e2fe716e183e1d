package dev.cinderemulator.store;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Where the features get the tables of their entities ({@link EntityTable}). */
@Component
public class EntityTables {

    private final JdbcClient jdbc;

    EntityTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code renamed}: field name to column name, where Cinder's column is not the field's snake_case. */
    public <T> EntityTable<T> of(Class<T> type, String table, Map<String, String> renamed) {
        return new EntityTable<>(jdbc, type, table, renamed);
    }
}
