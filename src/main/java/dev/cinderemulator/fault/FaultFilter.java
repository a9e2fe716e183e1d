package dev.cinderemulator.fault;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.cinderemulator.web.BufferedBodyRequest;
import dev.cinderemulator.web.CinderRequest;
import dev.cinderemulator.web.Fault;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code http} and {@code latency} rules. Runs after the Cinder API filter, so the request has
 * passed authentication and carries its project, and its path is the routed one whatever layout
 * the client used. A latency rule really delays the request (that is the feature); an http rule
 * answers in place of the controller with a Cinder fault body and the headers Cinder sends.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class FaultFilter extends OncePerRequestFilter {

    private static final int PEEK = 8192;

    private final FaultRules rules;
    private final List<RuleSubjects> subjects;
    private final JsonMapper json;

    FaultFilter(FaultRules rules, List<RuleSubjects> subjects, JsonMapper json) {
        this.rules = rules;
        this.subjects = subjects;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return rules.isEmpty() || CinderRequest.of(request) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String method = request.getMethod();
        String path = request.getRequestURI();
        HttpServletRequest forwarded = request;
        BufferedBodyRequest body = null;
        if (method.equals("POST") || method.equals("PUT")) {
            body = BufferedBodyRequest.current(request);
            if (body == null) {
                body = BufferedBodyRequest.of(request, PEEK);
                forwarded = body;
            }
        }
        String actionName = body != null && CinderOperations.needsActionName(method, path) ? firstName(body) : null;
        Optional<String> operation = CinderOperations.classify(method, path, actionName);
        if (operation.isEmpty() || !rules.anyFor(operation.get(), FaultRule.Action.LATENCY)
                && !rules.anyFor(operation.get(), FaultRule.Action.HTTP)) {
            chain.doFilter(forwarded, response);
            return;
        }
        String op = operation.get();
        CinderRequest cinder = CinderRequest.of(request);
        Optional<FaultRule> latency = rules.fire(op, FaultRule.Action.LATENCY,
                subject(op, FaultRule.Action.LATENCY, path, body, cinder));
        if (latency.isPresent()) {
            pause(latency.get());
        }
        Optional<FaultRule> http = rules.fire(op, FaultRule.Action.HTTP,
                subject(op, FaultRule.Action.HTTP, path, body, cinder));
        if (http.isPresent()) {
            answer(response, http.get());
            return;
        }
        chain.doFilter(forwarded, response);
    }

    private FaultRule.Subject subject(String operation, FaultRule.Action kind, String path, BufferedBodyRequest body,
            CinderRequest cinder) {
        return rules.needsDetails(operation, kind) ? details(operation, path, body, cinder)
                : new FaultRule.Subject(cinder.projectId(), null, null);
    }

    /** The volume and backup the request concerns, from its path or its body. */
    private FaultRule.Subject details(String operation, String path, BufferedBodyRequest body, CinderRequest cinder) {
        String id = CinderOperations.pathId(path);
        String volumeId = null;
        String backupName = null;
        Optional<RuleSubjects> owner = subjects.stream()
                .filter(candidate -> operation.startsWith(candidate.operationPrefix())).findFirst();
        if (owner.isPresent() && id != null) {
            Optional<RuleSubjects.Subject> subject = owner.get().find(id);
            volumeId = subject.map(RuleSubjects.Subject::volumeId).orElse(null);
            backupName = subject.map(RuleSubjects.Subject::backupName).orElse(null);
        } else if (operation.startsWith("volume.")) {
            volumeId = id;
        } else if (operation.equals("backup.create") || operation.equals("snapshot.create")) {
            JsonNode resource = parse(body).path(operation.startsWith("backup") ? "backup" : "snapshot");
            volumeId = resource.path("volume_id").isString() ? resource.get("volume_id").asString() : null;
            backupName = resource.path("name").isString() ? resource.get("name").asString() : null;
        }
        return new FaultRule.Subject(cinder.projectId(), volumeId, backupName);
    }

    private JsonNode parse(BufferedBodyRequest body) {
        if (body == null || !body.isComplete()) {
            return json.missingNode();
        }
        try {
            JsonNode tree = json.readTree(body.head());
            return tree == null ? json.missingNode() : tree;
        } catch (JacksonException malformed) {
            return json.missingNode();
        }
    }

    /** The action an {@code /action} body names: its one top-level key. */
    private String firstName(BufferedBodyRequest body) {
        try (JsonParser parser = json.createParser(body.head())) {
            if (parser.nextToken() == JsonToken.START_OBJECT && parser.nextToken() == JsonToken.PROPERTY_NAME) {
                return parser.currentName();
            }
        } catch (JacksonException malformed) {
            // Not JSON: the controller answers it.
        }
        return null;
    }

    private static void pause(FaultRule rule) {
        try {
            Thread.sleep(rule.delay.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void answer(HttpServletResponse response, FaultRule rule) throws IOException {
        Fault.of(rule.status, rule.message, rule.retryAfter).write(response);
    }
}
