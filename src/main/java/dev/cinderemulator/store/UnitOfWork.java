package dev.cinderemulator.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The rows one transaction has read, each as one instance, and the values they had when read.
 * Before the transaction commits, every instance whose values changed is written back with its
 * version check (a read-only transaction writes nothing). Queries write pending changes first, so
 * they see what the transaction did.
 */
final class UnitOfWork implements TransactionSynchronization {

    private static final class Managed {
        final Object entity;
        Object[] values;
        boolean forceIncrement;

        Managed(Object entity, Object[] values) {
            this.entity = entity;
            this.values = values;
        }
    }

    private final Map<EntityTable<?>, Map<Object, Managed>> tables = new LinkedHashMap<>();

    /** The current transaction's unit of work, begun on first use; null outside a transaction. */
    static UnitOfWork current() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        UnitOfWork work = (UnitOfWork) TransactionSynchronizationManager.getResource(UnitOfWork.class);
        if (work == null) {
            work = new UnitOfWork();
            TransactionSynchronizationManager.bindResource(UnitOfWork.class, work);
            TransactionSynchronizationManager.registerSynchronization(work);
        }
        return work;
    }

    @SuppressWarnings("unchecked")
    <T> T known(EntityTable<T> table, Object key) {
        Map<Object, Managed> rows = tables.get(table);
        Managed managed = rows == null ? null : rows.get(key);
        return managed == null ? null : (T) managed.entity;
    }

    <T> void manage(EntityTable<T> table, Object key, T entity, Object[] values) {
        tables.computeIfAbsent(table, any -> new HashMap<>()).put(key, new Managed(entity, values));
    }

    void forget(EntityTable<?> table, Object key) {
        Map<Object, Managed> rows = tables.get(table);
        if (rows != null) {
            rows.remove(key);
        }
    }

    void forgetAll(EntityTable<?> table) {
        tables.remove(table);
    }

    void forceIncrement(EntityTable<?> table, Object key) {
        Map<Object, Managed> rows = tables.get(table);
        Managed managed = rows == null ? null : rows.get(key);
        if (managed != null) {
            managed.forceIncrement = true;
        }
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void flush() {
        if (TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            return;
        }
        List<Map.Entry<EntityTable<?>, Map<Object, Managed>>> snapshot = new ArrayList<>(tables.entrySet());
        for (Map.Entry<EntityTable<?>, Map<Object, Managed>> rows : snapshot) {
            EntityTable table = rows.getKey();
            for (Managed managed : rows.getValue().values()) {
                Object[] now = table.values(managed.entity);
                if (managed.forceIncrement || !Arrays.equals(now, managed.values)) {
                    table.update(managed.entity, now);
                    managed.values = now;
                    managed.forceIncrement = false;
                }
            }
        }
    }

    @Override
    public void beforeCommit(boolean readOnly) {
        if (!readOnly) {
            flush();
        }
    }

    @Override
    public void suspend() {
        TransactionSynchronizationManager.unbindResource(UnitOfWork.class);
    }

    @Override
    public void resume() {
        TransactionSynchronizationManager.bindResource(UnitOfWork.class, this);
    }

    @Override
    public void afterCompletion(int status) {
        TransactionSynchronizationManager.unbindResourceIfPossible(UnitOfWork.class);
        tables.clear();
    }
}
