package dev.cinderemulator.engine;

import java.time.LocalDateTime;
import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface Transitions extends JpaRepository<Transition, Long> {

    @Query("select t from Transition t where t.dueAt <= :now order by t.dueAt, t.id")
    List<Transition> findDue(LocalDateTime now, Limit limit);

    List<Transition> findByResourceId(String resourceId);

    List<Transition> findAllByOrderByIdAsc(Limit limit);

    /**
     * Consuming the row is what makes the work happen exactly once, however many workers (threads
     * or emulators sharing the database) race: the delete and the work commit together, and a row
     * another worker holds is skipped at once rather than waited for (H2 and PostgreSQL alike).
     */
    @Modifying
    @Query(value = "DELETE FROM transitions WHERE id = (SELECT id FROM transitions WHERE id = :id FOR UPDATE SKIP LOCKED)",
            nativeQuery = true)
    int consume(Long id);

    @Modifying
    @Query("delete from Transition t where t.resourceId = :resourceId")
    int cancelFor(String resourceId);

    @Modifying
    @Query("delete from Transition t")
    int cancelAll();
}
