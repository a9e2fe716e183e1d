package dev.cinderemulator.store;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One table of Cinder resources as entities of one class: every instance field is a column
 * (snake_case of its name unless renamed; a status enum as Cinder spells it,
 * {@link CinderNameColumn}), {@code id} is the key and {@code version} the
 * optimistic lock. Within a transaction each row is one instance, and what the code changes on it
 * is written back before the transaction commits ({@link UnitOfWork}), as Cinder's SQLAlchemy
 * session does: the features' status machines change their entities and never save them by hand.
 * A row changed by someone else since it was read fails the commit with a concurrency failure,
 * which the API answers by running the request again (web's ConcurrentUpdates).
 *
 * <p>This replaces JPA, whose Hibernate and Spring Data were a third of the emulator's start-up.
 */
public final class EntityTable<T> {

    private final JdbcClient jdbc;
    private final String table;
    private final Constructor<T> constructor;
    private final Column id;
    private final Column version;
    private final Column[] columns;
    private final String selectColumns;
    private final RowMapper<T> rowMapper = this::read;

    private record Column(String name, Field field, Class<?> type) {

        Object get(Object entity) {
            try {
                return field.get(entity);
            } catch (IllegalAccessException impossible) {
                throw new IllegalStateException(impossible);
            }
        }

        void set(Object entity, Object value) {
            try {
                field.set(entity, value);
            } catch (IllegalAccessException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }

    EntityTable(JdbcClient jdbc, Class<T> type, String table, Map<String, String> renamed) {
        this.jdbc = jdbc;
        this.table = table;
        try {
            constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            List<Column> fields = new ArrayList<>();
            Field idField = null;
            Field versionField = null;
            List<Field> declared = new ArrayList<>();
            // The shared columns of CinderBase first, then the resource's own.
            for (Class<?> level = type; level != Object.class; level = level.getSuperclass()) {
                declared.addAll(0, List.of(level.getDeclaredFields()));
            }
            for (Field field : declared) {
                if (Modifier.isStatic(field.getModifiers()) || Modifier.isTransient(field.getModifiers())) {
                    continue;
                }
                field.setAccessible(true);
                switch (field.getName()) {
                    case "id" -> idField = field;
                    case "version" -> versionField = field;
                    default -> fields.add(new Column(renamed.getOrDefault(field.getName(), snakeCase(field.getName())),
                            field, field.getType()));
                }
            }
            if (idField == null) {
                throw new IllegalArgumentException(type + " has no id field");
            }
            this.id = new Column("id", idField, idField.getType());
            this.version = versionField == null ? null : new Column("version", versionField, long.class);
            this.columns = fields.toArray(Column[]::new);
        } catch (ReflectiveOperationException failure) {
            throw new IllegalStateException("Cannot map " + type + " to " + table, failure);
        }
        StringJoiner names = new StringJoiner(", ");
        names.add("id");
        if (version != null) {
            names.add("version");
        }
        Arrays.stream(columns).forEach(column -> names.add(column.name()));
        this.selectColumns = names.toString();
    }

    private static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }

    public Object idOf(T entity) {
        return id.get(entity);
    }

    /** The row with this key; within a transaction, the instance it already read. */
    public Optional<T> findById(Object key) {
        UnitOfWork work = UnitOfWork.current();
        if (work != null) {
            T known = work.known(this, key);
            if (known != null) {
                return Optional.of(known);
            }
        }
        return jdbc.sql("SELECT " + selectColumns + " FROM " + table + " WHERE id = ?").param(key).query(rowMapper)
                .optional();
    }

    /** Rows matching {@code condition} (SQL after WHERE, with ? parameters), in {@code order}. */
    public List<T> findWhere(String condition, String order, Object... params) {
        flush();
        String sql = "SELECT " + selectColumns + " FROM " + table + (condition == null ? "" : " WHERE " + condition)
                + (order == null ? "" : " ORDER BY " + order);
        return jdbc.sql(sql).params(params).query(rowMapper).list();
    }

    public List<T> findAllById(Collection<?> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return findWhere("id IN (" + String.join(", ", Collections.nCopies(keys.size(), "?")) + ")", null,
                keys.toArray());
    }

    public long count(String condition, Object... params) {
        flush();
        return jdbc.sql("SELECT COUNT(*) FROM " + table + (condition == null ? "" : " WHERE " + condition))
                .params(params).query(Long.class).single();
    }

    /** A query of the caller's own over this table, after the changes made so far are written. */
    public JdbcClient.StatementSpec sql(String sql) {
        flush();
        return jdbc.sql(sql);
    }

    /** A new row; an instance already stored in this transaction is left as it is. */
    public T insert(T entity) {
        UnitOfWork work = UnitOfWork.current();
        if (work != null && work.known(this, idOf(entity)) == entity) {
            return entity;
        }
        Object[] values = values(entity);
        StringJoiner names = new StringJoiner(", ");
        StringJoiner marks = new StringJoiner(", ");
        List<Object> params = new ArrayList<>();
        if (idOf(entity) != null) {
            names.add("id");
            marks.add("?");
            params.add(idOf(entity));
        }
        if (version != null) {
            names.add("version");
            marks.add("?");
            params.add(version.get(entity));
        }
        for (int i = 0; i < columns.length; i++) {
            names.add(columns[i].name());
            marks.add("?");
            params.add(values[i]);
        }
        String sql = "INSERT INTO " + table + " (" + names + ") VALUES (" + marks + ")";
        if (idOf(entity) == null) {
            // A generated key (the transitions queue).
            GeneratedKeyHolder keys = new GeneratedKeyHolder();
            jdbc.sql(sql).params(params).update(keys, "id");
            id.set(entity, keys.getKeyAs(Long.class));
        } else {
            jdbc.sql(sql).params(params).update();
        }
        if (work != null) {
            work.manage(this, idOf(entity), entity, values);
        }
        return entity;
    }

    /** Deletes the row as read: a row changed since by someone else fails as a concurrent update. */
    public void delete(T entity) {
        Object key = idOf(entity);
        int deleted = version == null ? jdbc.sql("DELETE FROM " + table + " WHERE id = ?").param(key).update()
                : jdbc.sql("DELETE FROM " + table + " WHERE id = ? AND version = ?").param(key)
                        .param(version.get(entity)).update();
        if (deleted == 0) {
            throw new OptimisticLockingFailureException(table + " row " + key + " was changed or deleted meanwhile");
        }
        UnitOfWork work = UnitOfWork.current();
        if (work != null) {
            work.forget(this, key);
        }
    }

    /** Deletes rows wholesale, whatever their version (the control API's reset). */
    public int deleteWhere(String condition, Object... params) {
        flush();
        int deleted = jdbc.sql("DELETE FROM " + table + (condition == null ? "" : " WHERE " + condition))
                .params(params).update();
        UnitOfWork work = UnitOfWork.current();
        if (work != null) {
            work.forgetAll(this);
        }
        return deleted;
    }

    /**
     * Reads the row again and holds its row lock until the transaction ends, so concurrent
     * updates of one resource queue instead of failing each other's version check.
     */
    public void lockForUpdate(T entity) {
        flush();
        Object key = idOf(entity);
        T fresh = jdbc.sql("SELECT " + selectColumns + " FROM " + table + " WHERE id = ? FOR UPDATE").param(key)
                .query((rs, row) -> {
                    T copy = instantiate();
                    fill(copy, rs);
                    return copy;
                }).optional()
                .orElseThrow(() -> new OptimisticLockingFailureException(table + " row " + key + " was deleted"));
        id.set(entity, id.get(fresh));
        if (version != null) {
            version.set(entity, version.get(fresh));
        }
        for (Column column : columns) {
            column.set(entity, column.get(fresh));
        }
        UnitOfWork work = UnitOfWork.current();
        if (work != null) {
            work.manage(this, key, entity, values(entity));
        }
    }

    /** The row's version moves on at commit even if nothing else changed (JPA's OPTIMISTIC_FORCE_INCREMENT). */
    public void forceVersionIncrement(T entity) {
        UnitOfWork work = UnitOfWork.current();
        if (work != null) {
            work.forceIncrement(this, idOf(entity));
        }
    }

    /** The changes made so far in this transaction, written now (a query is about to read them). */
    private void flush() {
        UnitOfWork work = UnitOfWork.current();
        if (work != null) {
            work.flush();
        }
    }

    /** Writes a changed entity with a version check; the new values become what was read. */
    void update(T entity, Object[] values) {
        StringJoiner assignments = new StringJoiner(", ");
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            assignments.add(columns[i].name() + " = ?");
            params.add(values[i]);
        }
        params.add(idOf(entity));
        String sql;
        if (version == null) {
            sql = "UPDATE " + table + " SET " + assignments + " WHERE id = ?";
        } else {
            long read = (long) version.get(entity);
            sql = "UPDATE " + table + " SET " + assignments + ", version = " + (read + 1) + " WHERE id = ? AND version = ?";
            params.add(read);
        }
        if (jdbc.sql(sql).params(params).update() == 0) {
            throw new OptimisticLockingFailureException(table + " row " + idOf(entity) + " was changed meanwhile");
        }
        if (version != null) {
            version.set(entity, (long) version.get(entity) + 1);
        }
    }

    Object[] values(T entity) {
        Object[] values = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
            values[i] = toColumn(columns[i].get(entity), columns[i].type());
        }
        return values;
    }

    private T read(ResultSet rs, int row) throws SQLException {
        Object key = rs.getObject(1);
        // A read-only transaction writes nothing back, so what it reads needs no before-image.
        UnitOfWork work = TransactionSynchronizationManager.isCurrentTransactionReadOnly() ? null
                : UnitOfWork.current();
        if (work != null) {
            T known = work.known(this, key instanceof Number number ? (Object) number.longValue() : key);
            if (known != null) {
                return known;
            }
        }
        T entity = instantiate();
        fill(entity, rs);
        if (work != null) {
            work.manage(this, idOf(entity), entity, values(entity));
        }
        return entity;
    }

    private T instantiate() {
        try {
            return constructor.newInstance();
        } catch (ReflectiveOperationException failure) {
            throw new IllegalStateException("Cannot create a " + constructor.getDeclaringClass(), failure);
        }
    }

    /** The row's columns in the order of {@link #selectColumns}: id, version, then the fields. */
    private void fill(T entity, ResultSet rs) throws SQLException {
        Object key = rs.getObject(1);
        id.set(entity, key instanceof Number number ? (Object) number.longValue() : key);
        int index = 2;
        if (version != null) {
            version.set(entity, rs.getLong(index++));
        }
        for (Column column : columns) {
            column.set(entity, fromColumn(rs, index++, column.type()));
        }
    }

    private static Object toColumn(Object value, Class<?> type) {
        if (value == null) {
            return type == Map.class ? MetadataConverter.toJson(null) : null;
        }
        if (value instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, String> metadata = (Map<String, String>) map;
            return MetadataConverter.toJson(metadata);
        }
        if (value instanceof Enum<?> constant) {
            return constant.toString();
        }
        return value;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object fromColumn(ResultSet rs, int index, Class<?> type) throws SQLException {
        if (type == String.class) {
            return rs.getString(index);
        }
        if (type == int.class) {
            return rs.getInt(index);
        }
        if (type == long.class) {
            return rs.getLong(index);
        }
        if (type == boolean.class) {
            return rs.getBoolean(index);
        }
        if (type == LocalDateTime.class) {
            return rs.getObject(index, LocalDateTime.class);
        }
        if (type == Map.class) {
            return MetadataConverter.fromJson(rs.getString(index));
        }
        if (type.isEnum()) {
            String value = rs.getString(index);
            return value == null ? null : CinderNameColumn.byName((Class<Enum>) type, value);
        }
        Object value = rs.getObject(index);
        return rs.wasNull() ? null : value;
    }
}
