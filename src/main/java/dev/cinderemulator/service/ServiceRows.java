package dev.cinderemulator.service;

import java.time.LocalDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code services} table: the three rows the V300 migration writes. */
@Repository
class ServiceRows {

    private final JdbcClient jdbc;

    ServiceRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ServiceRow> all() {
        return jdbc.sql("SELECT id, host, service_binary, disabled, disabled_reason, frozen, created_at, modified_at "
                + "FROM services ORDER BY id").query((rs, row) -> new ServiceRow(rs.getInt(1), rs.getString(2),
                        rs.getString(3), rs.getBoolean(4), rs.getString(5), rs.getBoolean(6),
                        rs.getTimestamp(7).toLocalDateTime(),
                        rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toLocalDateTime()))
                .list();
    }

    void setDisabled(int id, boolean disabled, String reason, boolean changeReason, LocalDateTime now) {
        if (changeReason) {
            jdbc.sql("UPDATE services SET disabled = ?, disabled_reason = ?, modified_at = ? WHERE id = ?")
                    .params(disabled, reason, now, id).update();
        } else {
            jdbc.sql("UPDATE services SET disabled = ?, modified_at = ? WHERE id = ?").params(disabled, now, id)
                    .update();
        }
    }

    void setFrozen(int id, boolean frozen, LocalDateTime now) {
        jdbc.sql("UPDATE services SET frozen = ?, modified_at = ? WHERE id = ?").params(frozen, now, id).update();
    }

    void enableAll() {
        jdbc.sql("UPDATE services SET disabled = FALSE, disabled_reason = NULL, frozen = FALSE, modified_at = NULL")
                .update();
    }
}
