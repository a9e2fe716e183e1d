package dev.cinderemulator.message;

import java.time.LocalDateTime;

/** One row of Cinder's {@code messages} table. */
record Message(String id, String projectId, String requestId, String resourceType, String resourceUuid,
        String eventId, String detailId, String actionId, String messageLevel, LocalDateTime createdAt,
        LocalDateTime expiresAt) {

    /** {@code MessagesController._build_user_message}: {@code "<action>:<detail>"}. */
    String userMessage() {
        return MessageField.actionText(actionId) + ":" + MessageField.detailText(detailId);
    }
}
