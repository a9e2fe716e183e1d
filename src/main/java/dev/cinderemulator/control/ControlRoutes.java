package dev.cinderemulator.control;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.cinderemulator.fault.FaultRules;
import dev.cinderemulator.journal.JournalEntry;
import dev.cinderemulator.journal.RequestJournal;
import dev.cinderemulator.service.CinderServices;
import dev.cinderemulator.engine.EmulatorClock;
import dev.cinderemulator.engine.Timings;
import dev.cinderemulator.engine.Transition;
import dev.cinderemulator.engine.TransitionAction;
import dev.cinderemulator.engine.TransitionScheduler;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * The control API, one small route each (described in {@code openapi/emulator-control.yaml}):
 *
 * <pre>
 * POST   /_emulator/reset[?project=]                 everything, or one project's resources
 * GET    /_emulator/fixtures[?project=&amp;format=yaml]  export (JSON, or YAML)
 * POST   /_emulator/fixtures                         load a JSON or YAML document, whole or not at all
 * GET    /_emulator/timing                           per-operation delays
 * PUT    /_emulator/timing                           change some of them (duration, 0, or manual)
 * GET    /_emulator/transitions[?resource=]          pending work
 * POST   /_emulator/transitions/{id}/complete        finish one piece of work now
 * POST   /_emulator/transitions/complete[?resource=] finish all (of one resource) now
 * GET    /_emulator/clock                            now, frozen?, offset
 * POST   /_emulator/clock/freeze | unfreeze | reset  stop, restart, back to real time
 * POST   /_emulator/clock/advance[?by=]              move on (body {"by": ...}), due work runs first
 * POST   /_emulator/faults                           add a rule
 * GET    /_emulator/faults[/{id}]                    rules, with what is left of them
 * DELETE /_emulator/faults[/{id}]                    remove one, or all
 * GET    /_emulator/requests[?path=&amp;method=&amp;status=&amp;limit=]   the journal, newest first
 * GET    /_emulator/requests/count[?path=&amp;method=&amp;status=]
 * PUT    /_emulator/services/{binary}                disable or enable a Cinder service ({"disabled": true, "reason": "..."})
 * DELETE /_emulator/requests                         clear it
 * GET    /_emulator/requests/settings                its bound
 * PUT    /_emulator/requests/settings                change its bound ({"size": N}, 0 = off)
 * </pre>
 */
@RestController
@RequestMapping(path = "/_emulator", produces = MediaType.APPLICATION_JSON_VALUE)
class ControlRoutes {

    private static final int MAX_LIST = 10_000;

    private final Reset reset;
    private final Fixtures fixtures;
    private final Timings timings;
    private final TransitionScheduler scheduler;
    private final EmulatorClock clock;
    private final FaultRules faults;
    private final RequestJournal journal;
    private final JsonMapper json;
    private final CinderServices services;

    ControlRoutes(Reset reset, Fixtures fixtures, Timings timings, TransitionScheduler scheduler, EmulatorClock clock,
            FaultRules faults, RequestJournal journal, JsonMapper json, CinderServices services) {
        this.services = services;
        this.reset = reset;
        this.fixtures = fixtures;
        this.timings = timings;
        this.scheduler = scheduler;
        this.clock = clock;
        this.faults = faults;
        this.journal = journal;
        this.json = json;
    }

    // ---- reset

    @PostMapping("/reset")
    Map<String, Object> reset(@RequestParam Optional<String> project) {
        if (project.isPresent()) {
            return reset.project(nonBlank("project", project.get()));
        }
        return reset.everything();
    }

    // ---- services

    /** The fault "cinder-backup is down" (or any service): what os-services disable does, without a token. */
    @PutMapping(path = "/services/{binary}", consumes = MediaType.ALL_VALUE)
    Map<String, Object> setService(@PathVariable String binary, @RequestBody(required = false) byte[] body) {
        JsonNode change = object(body);
        JsonNode disabled = change.get("disabled");
        if (disabled == null || !disabled.isBoolean()) {
            throw ControlException.badRequest("disabled: true or false is required");
        }
        JsonNode reason = change.get("reason");
        if (reason != null && !reason.isNull() && !reason.isString()) {
            throw ControlException.badRequest("reason: a string, got " + reason);
        }
        return services.setDisabled(binary, disabled.booleanValue(),
                reason == null || reason.isNull() ? null : reason.stringValue())
                .orElseThrow(() -> ControlException.notFound("no service " + binary
                        + "; there are cinder-scheduler, cinder-volume and cinder-backup"));
    }

    // ---- fixtures

    @PostMapping(path = "/fixtures", consumes = MediaType.ALL_VALUE)
    ResponseEntity<Map<String, Object>> loadFixtures(@RequestBody(required = false) byte[] body,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType) {
        Map<String, Integer> loaded = fixtures.apply(fixtures.read(body, Fixtures.isYaml(contentType)));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("loaded", loaded));
    }

    @GetMapping(path = "/fixtures", produces = MediaType.ALL_VALUE)
    ResponseEntity<String> exportFixtures(@RequestParam Optional<String> project, @RequestParam Optional<String> format,
            HttpServletRequest request) {
        boolean yaml = format.map(value -> switch (value) {
            case "yaml" -> true;
            case "json" -> false;
            default -> throw ControlException.badRequest("format: 'json' or 'yaml', got '" + value + "'");
        }).orElseGet(() -> wantsYaml(request.getHeader(HttpHeaders.ACCEPT)));
        String document = fixtures.render(fixtures.export(project.map(id -> nonBlank("project", id)).orElse(null)),
                yaml);
        return ResponseEntity.ok().contentType(yaml ? MediaType.parseMediaType("application/yaml")
                : MediaType.APPLICATION_JSON).body(document);
    }

    // ---- timing and pending work

    @GetMapping("/timing")
    Map<String, Object> timing() {
        Map<String, Object> view = new LinkedHashMap<>();
        timings.all().forEach((action, delay) -> view.put(Timings.operationName(action),
                delay.map(Duration::toString).orElse("manual")));
        return view;
    }

    /** Only the operations named change; every value is checked before any is applied. */
    @PutMapping(path = "/timing", consumes = MediaType.ALL_VALUE)
    Map<String, Object> changeTiming(@RequestBody(required = false) byte[] body) {
        JsonNode changes = object(body);
        Map<TransitionAction, Optional<Duration>> parsed = new EnumMap<>(TransitionAction.class);
        for (String name : changes.propertyNames()) {
            TransitionAction action = Timings.operation(name).orElseThrow(() -> ControlException.badRequest(
                    name + ": not an operation (one of " + timing().keySet() + ")"));
            parsed.put(action, delay(name, changes.get(name)));
        }
        timings.update(parsed);
        return timing();
    }

    @GetMapping("/transitions")
    Map<String, Object> transitions(@RequestParam Optional<String> resource) {
        List<Transition> pending = resource.isPresent() ? scheduler.pendingFor(resource.get())
                : scheduler.pending(MAX_LIST);
        return Map.of("transitions", pending.stream().map(ControlRoutes::view).toList());
    }

    @PostMapping("/transitions/{id}/complete")
    Map<String, Object> completeTransition(@PathVariable String id) {
        long transitionId;
        try {
            transitionId = Long.parseLong(id);
        } catch (NumberFormatException notANumber) {
            throw ControlException.notFound("No pending transition " + id);
        }
        if (!scheduler.completeNow(transitionId)) {
            throw ControlException.notFound("No pending transition " + id);
        }
        return Map.of("completed", 1);
    }

    @PostMapping("/transitions/complete")
    Map<String, Object> completeTransitions(@RequestParam Optional<String> resource) {
        List<Transition> pending = resource.isPresent() ? scheduler.pendingFor(resource.get())
                : scheduler.pending(MAX_LIST);
        if (pending.isEmpty() && resource.isPresent()) {
            throw ControlException.notFound("No pending transition for " + resource.get());
        }
        int completed = 0;
        for (Transition transition : pending) {
            if (scheduler.completeNow(transition.id())) {
                completed++;
            }
        }
        return Map.of("completed", completed);
    }

    // ---- virtual clock

    @GetMapping("/clock")
    Map<String, Object> clock() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("now", clock.instant().toString());
        view.put("frozen", clock.isFrozen());
        view.put("offset", clock.offset().toString());
        return view;
    }

    @PostMapping("/clock/freeze")
    Map<String, Object> freeze() {
        clock.freeze();
        return clock();
    }

    @PostMapping("/clock/unfreeze")
    Map<String, Object> unfreeze() {
        clock.unfreeze();
        return clock();
    }

    @PostMapping("/clock/reset")
    Map<String, Object> resetClock() {
        clock.reset();
        return clock();
    }

    /** Moves time on, then runs the work that became due, so the answer already shows its effects. */
    @PostMapping(path = "/clock/advance", consumes = MediaType.ALL_VALUE)
    Map<String, Object> advance(@RequestParam Optional<String> by, @RequestBody(required = false) byte[] body) {
        JsonNode given = body == null || body.length == 0 ? MissingNode.getInstance() : object(body);
        for (String field : given.propertyNames()) {
            if (!field.equals("by")) {
                throw ControlException.badRequest(field + ": unknown field (known: [by])");
            }
        }
        if (by.isPresent() == given.has("by")) {
            throw ControlException.badRequest("by: give the duration once, as ?by= or as {\"by\": ...}");
        }
        String text = by.orElseGet(() -> given.get("by").isString() ? given.get("by").asString() : null);
        if (text == null) {
            throw ControlException.badRequest("by: must be a string such as PT1H or 90s, got " + given.get("by"));
        }
        Duration amount = Durations.parse("by", text);
        if (amount.isZero() || amount.isNegative()) {
            throw ControlException.badRequest("by: must move time forward, got " + text);
        }
        if (amount.compareTo(Duration.between(clock.instant(), EmulatorClock.LATEST)) > 0) {
            throw ControlException.badRequest("by: would move the clock past " + EmulatorClock.LATEST
                    + " (Cinder's datetimes have four-digit years, and work due later must still fit), got " + text);
        }
        clock.advance(amount);
        int completed = scheduler.runDue();
        Map<String, Object> view = clock();
        view.put("completed", completed);
        return view;
    }

    // ---- faults

    @PostMapping(path = "/faults", consumes = MediaType.ALL_VALUE)
    ResponseEntity<Map<String, Object>> addFault(@RequestBody(required = false) byte[] body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(faults.add(object(body)));
    }

    @GetMapping("/faults")
    Map<String, Object> faults() {
        return Map.of("faults", faults.list());
    }

    @GetMapping("/faults/{id}")
    Map<String, Object> fault(@PathVariable String id) {
        return faults.find(id).orElseThrow(() -> ControlException.notFound("No fault rule " + id));
    }

    @DeleteMapping("/faults/{id}")
    ResponseEntity<Void> removeFault(@PathVariable String id) {
        if (!faults.remove(id)) {
            throw ControlException.notFound("No fault rule " + id);
        }
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/faults")
    ResponseEntity<Void> clearFaults() {
        faults.clear();
        return ResponseEntity.noContent().build();
    }

    // ---- request journal

    @GetMapping("/requests")
    Map<String, Object> requests(@RequestParam Optional<String> path, @RequestParam Optional<String> method,
            @RequestParam Optional<String> status, @RequestParam Optional<Integer> limit) {
        int max = limit.orElse(100);
        if (max < 1 || max > RequestJournal.MAX_CAPACITY) {
            throw ControlException.badRequest("limit: between 1 and " + RequestJournal.MAX_CAPACITY + ", got " + max);
        }
        List<JournalEntry> found = journal.find(path.orElse(null), method.orElse(null), status.orElse(null), max);
        return Map.of("requests", found.stream().map(JournalEntry::view).toList());
    }

    @GetMapping("/requests/count")
    Map<String, Object> countRequests(@RequestParam Optional<String> path, @RequestParam Optional<String> method,
            @RequestParam Optional<String> status) {
        return Map.of("count", journal.count(path.orElse(null), method.orElse(null), status.orElse(null)));
    }

    @DeleteMapping("/requests")
    ResponseEntity<Void> clearRequests() {
        journal.clear();
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/requests/settings")
    Map<String, Object> journalSettings() {
        return Map.of("size", journal.capacity(), "held", journal.size());
    }

    @PutMapping(path = "/requests/settings", consumes = MediaType.ALL_VALUE)
    Map<String, Object> changeJournalSettings(@RequestBody(required = false) byte[] body) {
        JsonNode settings = object(body);
        for (String field : settings.propertyNames()) {
            if (!field.equals("size")) {
                throw ControlException.badRequest(field + ": unknown field (known: [size])");
            }
        }
        JsonNode size = settings.get("size");
        if (size == null || !size.isIntegralNumber()) {
            throw ControlException.badRequest("size: a whole number is required, got " + size);
        }
        if (!size.canConvertToInt()) {
            throw ControlException.badRequest("size: must be between 0 and " + RequestJournal.MAX_CAPACITY
                    + ", got " + size);
        }
        journal.resize(size.asInt());
        return journalSettings();
    }

    // ---- anything else under /_emulator

    @RequestMapping("/**")
    ResponseEntity<Map<String, Object>> unknown(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType != null && !isMediaType(contentType)) {
            // Spring's routing finds no route whose consumes condition can read this type: the
            // request's own fault, not a missing route.
            throw new ControlException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type '" + contentType + "' is not a media type");
        }
        throw ControlException.notFound("No control route " + request.getMethod() + " " + request.getRequestURI());
    }

    private JsonNode object(byte[] body) {
        return ControlException.jsonObject(json, body);
    }

    private static Optional<Duration> delay(String field, JsonNode value) {
        if (value.isNumber() && value.canConvertToLong() && value.asDouble() == 0) {
            return Optional.of(Duration.ZERO);
        }
        if (!value.isString()) {
            throw ControlException.badRequest(field + ": a duration such as PT2S, 500ms or 2s, 0, or manual, got "
                    + value);
        }
        if (value.asString().equals("manual")) {
            return Optional.empty();
        }
        Duration delay = Durations.parse(field, value.asString());
        if (delay.isNegative()) {
            throw ControlException.badRequest(field + ": a delay cannot be negative, got " + value.asString());
        }
        if (delay.compareTo(Timings.MAX_DELAY) > 0) {
            throw ControlException.badRequest(field + ": at most " + Timings.MAX_DELAY.toDays()
                    + " days (or manual), got " + value.asString());
        }
        return Optional.of(delay);
    }

    private static boolean isMediaType(String contentType) {
        try {
            MediaType.parseMediaType(contentType);
            return true;
        } catch (InvalidMediaTypeException malformed) {
            return false;
        }
    }

    private static boolean wantsYaml(String accept) {
        if (accept == null) {
            return false;
        }
        return MediaType.parseMediaTypes(accept).stream().filter(type -> !type.isWildcardType())
                .findFirst().map(type -> type.getSubtype().equals("yaml") || type.getSubtype().equals("x-yaml"))
                .orElse(false);
    }

    private static String nonBlank(String field, String value) {
        if (value.isBlank()) {
            throw ControlException.badRequest(field + ": must not be empty");
        }
        return value;
    }

    private static Map<String, Object> view(Transition transition) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", transition.id());
        view.put("operation", Timings.operationName(transition.action()));
        view.put("resource_id", transition.resourceId());
        view.put("due_at", transition.dueAt() == null ? null
                : transition.dueAt().toInstant(ZoneOffset.UTC).toString());
        view.put("manual", transition.dueAt() == null);
        view.put("created_at", transition.createdAt().toInstant(ZoneOffset.UTC).toString());
        return view;
    }
}
