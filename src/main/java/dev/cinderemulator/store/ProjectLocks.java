package dev.cinderemulator.store;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Serialises quota checks per project across threads and across emulators sharing one database:
 * the caller's transaction updates the project's {@code quota_locks} row and holds its row lock
 * until it commits, so the rows it counted can't change under it. Quotas are counted from the
 * resource rows themselves, so usage always equals what exists.
 */
@Component
public class ProjectLocks {

    private final JdbcClient jdbc;

    ProjectLocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void lock(String projectId) {
        if (jdbc.sql("UPDATE quota_locks SET claims = claims + 1 WHERE project_id = ?").param(projectId).update() == 0) {
            // The project's first claim. Of two concurrent first claims one fails on the primary key;
            // the API retries that request (api.ConcurrentUpdates) and it then finds the row.
            jdbc.sql("INSERT INTO quota_locks (project_id, claims) VALUES (?, 1)").param(projectId).update();
        }
    }
}
