package dev.cinderemulator.engine;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Repository;

import dev.cinderemulator.store.EntityTable;
import dev.cinderemulator.store.EntityTables;

/** The {@code transitions} table: the queue of work the emulated services have yet to do. */
@Repository
class Transitions {

    private final EntityTable<Transition> table;

    Transitions(EntityTables tables) {
        this.table = tables.of(Transition.class, "transitions", Map.of());
    }

    Transition save(Transition transition) {
        return table.insert(transition);
    }

    Optional<Transition> findById(Long id) {
        return table.findById(id);
    }

    List<Transition> findDue(LocalDateTime now, int limit) {
        return table.findWhere("due_at <= ?", "due_at, id LIMIT " + limit, now);
    }

    List<Transition> findByResourceId(String resourceId) {
        return table.findWhere("resource_id = ?", "id", resourceId);
    }

    List<Transition> findAllByOrderByIdAsc(int limit) {
        return table.findWhere(null, "id LIMIT " + limit);
    }

    /**
     * Consuming the row is what makes the work happen exactly once, however many workers (threads
     * or emulators sharing the database) race: the delete and the work commit together, and a row
     * another worker holds is skipped at once rather than waited for (H2 and PostgreSQL alike).
     */
    int consume(Long id) {
        return table.sql("DELETE FROM transitions WHERE id = (SELECT id FROM transitions WHERE id = ? FOR UPDATE SKIP LOCKED)")
                .param(id).update();
    }

    int cancelFor(String resourceId) {
        return table.deleteWhere("resource_id = ?", resourceId);
    }

    int cancelAll() {
        return table.deleteWhere(null);
    }
}
