package dev.cinderemulator.message;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.cinderemulator.engine.EmulatorClock;
import dev.cinderemulator.engine.IdGenerator;
import dev.cinderemulator.engine.Resettable;

/**
 * {@code cinder/message/api.py}: what the services call when asynchronous work fails. A message
 * lives {@code message_ttl} (30 days); Cinder's scheduler reaps expired ones once a day, the
 * emulator before every read, so on the emulator's clock an expired message is simply gone.
 */
@Service
@Transactional
public class UserMessages implements Resettable {

    /** Cinder's {@code message_ttl} default, 2592000 seconds. */
    static final Duration MESSAGE_TTL = Duration.ofSeconds(2592000);

    private final Messages messages;
    private final EmulatorClock clock;
    private final IdGenerator ids;

    UserMessages(Messages messages, EmulatorClock clock, IdGenerator ids) {
        this.messages = messages;
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * {@code API.create} with level {@code ERROR}. The services here run outside the request that
     * started the work, which the emulator does not remember, so the message carries a request id
     * of its own.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void create(String projectId, MessageField.Action action, String resourceType, String resourceUuid,
            MessageField.Detail detail) {
        LocalDateTime now = clock.now();
        messages.insert(new Message(ids.newId(), projectId, "req-" + ids.newId(), resourceType, resourceUuid,
                "VOLUME_" + resourceType + "_" + action.id + "_" + detail.id, detail.id, action.id, "ERROR", now,
                now.plus(MESSAGE_TTL)));
    }

    void reapExpired() {
        messages.deleteExpired(clock.now());
    }

    @Override
    public Map<String, Integer> resetAll() {
        messages.deleteAll();
        return Map.of();
    }

    @Override
    public Map<String, Integer> resetProject(String projectId) {
        messages.deleteByProjectId(projectId);
        return Map.of();
    }
}
