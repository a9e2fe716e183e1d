package dev.cinderemulator.message;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.cinderemulator.store.ListQuery;
import dev.cinderemulator.web.CinderException;
import dev.cinderemulator.web.CinderRequest;
import dev.cinderemulator.web.CinderTime;
import dev.cinderemulator.web.ListPages;
import dev.cinderemulator.web.ListRequest;
import dev.cinderemulator.web.ListSpec;
import dev.cinderemulator.web.Microversions;

/**
 * {@code /messages} ({@code cinder/api/v3/messages.py}, 3.3+): list, show and delete. Before 3.5
 * the list takes no parameters at all; from 3.5 it pages, sorts and filters on any column, and
 * from 3.31 a non-admin may filter only on {@code resource_filters.json}'s message keys. The
 * database query is {@code project_only}: an admin sees every project's messages, anyone else only
 * their own (someone else's message is not found).
 */
@RestController
@Transactional
class MessagesController {

    static final ListSpec MESSAGE_LIST = ListSpec.of("messages", "Message")
            .columns("id", "project_id", "request_id", "resource_type", "resource_uuid", "event_id", "detail_id",
                    "action_id", "message_level", "created_at", "expires_at")
            .legacyUserFilters("id", "project_id", "request_id", "resource_type", "resource_uuid", "event_id",
                    "detail_id", "action_id", "message_level", "created_at", "expires_at")
            .resourceFilters("resource_uuid", "resource_type", "event_id", "request_id", "message_level")
            .build();

    private final Messages messages;
    private final UserMessages userMessages;
    private final ListPages lists;
    private final ListPages.Listed<Message> listed;

    MessagesController(Messages messages, UserMessages userMessages, ListPages lists) {
        this.messages = messages;
        this.userMessages = userMessages;
        this.lists = lists;
        this.listed = new ListPages.Listed<>("messages", "Message", messages::findAllById, Message::id);
    }

    @GetMapping("/v3/messages")
    Map<String, Object> index(CinderRequest request, @RequestParam MultiValueMap<String, String> params) {
        request.requireAtLeast(Microversions.MESSAGES);
        userMessages.reapExpired();
        MultiValueMap<String, String> used = request.atLeast(Microversions.MESSAGES_PAGINATION) ? params
                : new LinkedMultiValueMap<>();
        ListRequest list = ListRequest.parse(request, used, MESSAGE_LIST);
        if (request.isAdmin()) {
            ListQuery query = list.query();
            list = new ListRequest(new ListQuery(query.table(), null, query.filters(), query.likeFilters(),
                    query.metadata(), query.sort(), query.marker(), query.limit(), query.offset()), list.withCount(),
                    list.emptyByFilter(), list.limit(), list.originalParams());
        }
        return lists.respond(request, list, list.emptyByFilter(), listed, "messages",
                message -> view(request, message));
    }

    @GetMapping("/v3/messages/{id}")
    Map<String, Object> show(CinderRequest request, @PathVariable String id) {
        request.requireAtLeast(Microversions.MESSAGES);
        return Map.of("message", view(request, message(request, id)));
    }

    @DeleteMapping("/v3/messages/{id}")
    ResponseEntity<Void> delete(CinderRequest request, @PathVariable String id) {
        request.requireAtLeast(Microversions.MESSAGES);
        messages.delete(message(request, id).id());
        return ResponseEntity.noContent().build();
    }

    private Message message(CinderRequest request, String id) {
        userMessages.reapExpired();
        return messages.find(id)
                .filter(message -> request.isAdmin() || message.projectId().equals(request.projectId()))
                .orElseThrow(() -> CinderException.notFound("Message " + id + " could not be found."));
    }

    /** {@code api/v3/views/messages.py detail}. */
    private static Map<String, Object> view(CinderRequest request, Message message) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", message.id());
        view.put("event_id", message.eventId());
        view.put("user_message", message.userMessage());
        view.put("message_level", message.messageLevel());
        view.put("created_at", CinderTime.format(message.createdAt()));
        view.put("guaranteed_until", CinderTime.format(message.expiresAt()));
        view.put("request_id", message.requestId());
        view.put("links", List.of(Map.of("href", request.selfHref("messages", message.id()), "rel", "self"),
                Map.of("href", request.bookmarkHref("messages", message.id()), "rel", "bookmark")));
        if (message.resourceType() != null && !message.resourceType().isEmpty()) {
            view.put("resource_type", message.resourceType());
        }
        if (message.resourceUuid() != null && !message.resourceUuid().isEmpty()) {
            view.put("resource_uuid", message.resourceUuid());
        }
        return view;
    }
}
