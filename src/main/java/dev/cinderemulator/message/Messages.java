package dev.cinderemulator.message;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code messages} table. */
@Repository
class Messages {

    private static final String COLUMNS = "id, project_id, request_id, resource_type, resource_uuid, event_id, "
            + "detail_id, action_id, message_level, created_at, expires_at";

    private final JdbcClient jdbc;

    Messages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Message message) {
        jdbc.sql("INSERT INTO messages (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(message.id(), message.projectId(), message.requestId(), message.resourceType(),
                        message.resourceUuid(), message.eventId(), message.detailId(), message.actionId(),
                        message.messageLevel(), message.createdAt(), message.expiresAt())
                .update();
    }

    Optional<Message> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM messages WHERE id = ?").param(id).query(Messages::row)
                .optional();
    }

    List<Message> findAllById(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM messages WHERE id IN (:ids)").param("ids", ids)
                .query(Messages::row).list();
    }

    void delete(String id) {
        jdbc.sql("DELETE FROM messages WHERE id = ?").param(id).update();
    }

    /** {@code cleanup_expired_messages}. */
    int deleteExpired(LocalDateTime now) {
        return jdbc.sql("DELETE FROM messages WHERE expires_at < ?").param(now).update();
    }

    int deleteAll() {
        return jdbc.sql("DELETE FROM messages").update();
    }

    int deleteByProjectId(String projectId) {
        return jdbc.sql("DELETE FROM messages WHERE project_id = ?").param(projectId).update();
    }

    private static Message row(ResultSet rs, int row) throws SQLException {
        return new Message(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getTimestamp(10).toLocalDateTime(), rs.getTimestamp(11).toLocalDateTime());
    }
}
