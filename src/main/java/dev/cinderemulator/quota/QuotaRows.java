package dev.cinderemulator.quota;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code quotas} and {@code quota_classes} tables: only the limits someone set. */
@Repository
class QuotaRows {

    private final JdbcClient jdbc;

    QuotaRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, Integer> project(String projectId) {
        return rows("SELECT resource, hard_limit FROM quotas WHERE project_id = ?", projectId);
    }

    Map<String, Integer> quotaClass(String className) {
        return rows("SELECT resource, hard_limit FROM quota_classes WHERE class_name = ?", className);
    }

    void setProject(String projectId, String resource, int limit) {
        if (jdbc.sql("UPDATE quotas SET hard_limit = ? WHERE project_id = ? AND resource = ?")
                .params(limit, projectId, resource).update() == 0) {
            jdbc.sql("INSERT INTO quotas (project_id, resource, hard_limit) VALUES (?, ?, ?)")
                    .params(projectId, resource, limit).update();
        }
    }

    void setClass(String className, String resource, int limit) {
        if (jdbc.sql("UPDATE quota_classes SET hard_limit = ? WHERE class_name = ? AND resource = ?")
                .params(limit, className, resource).update() == 0) {
            jdbc.sql("INSERT INTO quota_classes (class_name, resource, hard_limit) VALUES (?, ?, ?)")
                    .params(className, resource, limit).update();
        }
    }

    int deleteProject(String projectId) {
        return jdbc.sql("DELETE FROM quotas WHERE project_id = ?").param(projectId).update();
    }

    int deleteAll() {
        return jdbc.sql("DELETE FROM quotas").update() + jdbc.sql("DELETE FROM quota_classes").update();
    }

    private Map<String, Integer> rows(String sql, String key) {
        Map<String, Integer> limits = new LinkedHashMap<>();
        jdbc.sql(sql).param(key).query(rs -> {
            limits.put(rs.getString(1), rs.getInt(2));
        });
        return limits;
    }
}
