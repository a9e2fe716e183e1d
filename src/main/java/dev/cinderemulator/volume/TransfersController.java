package dev.cinderemulator.volume;

import static dev.cinderemulator.web.JsonSchema.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.cinderemulator.web.CinderException;
import dev.cinderemulator.web.CinderRequest;
import dev.cinderemulator.web.CinderTime;
import dev.cinderemulator.web.JsonFields;
import dev.cinderemulator.web.JsonSchema;
import dev.cinderemulator.web.Microversions;
import dev.cinderemulator.web.ParameterTypes;
import dev.cinderemulator.web.RequestBodies;
import tools.jackson.databind.JsonNode;

/**
 * Volume transfers under both of Cinder's routes: {@code /os-volume-transfer}
 * ({@code contrib/volume_transfer.py}) and, from 3.55, {@code /volume-transfers}
 * ({@code api/v3/volume_transfer.py}, with {@code no_snapshots}); views as {@code views/transfers.py},
 * whose links always name {@code os-volume-transfer}. 3.57 adds the transfer's history fields.
 */
@RestController
class TransfersController {

    private static final String LEGACY = "/v3/os-volume-transfer";
    private static final String CURRENT = "/v3/volume-transfers";

    private final TransferApi service;
    private final RequestBodies bodies;

    TransfersController(TransferApi service, RequestBodies bodies) {
        this.service = service;
        this.bodies = bodies;
    }

    @GetMapping({ LEGACY, CURRENT })
    Map<String, Object> index(CinderRequest request, @RequestParam MultiValueMap<String, String> params,
            HttpServletRequest http) {
        gate(request, http);
        return list(request, params, false);
    }

    @GetMapping({ LEGACY + "/detail", CURRENT + "/detail" })
    Map<String, Object> detail(CinderRequest request, @RequestParam MultiValueMap<String, String> params,
            HttpServletRequest http) {
        gate(request, http);
        return list(request, params, true);
    }

    private Map<String, Object> list(CinderRequest request, MultiValueMap<String, String> params, boolean detail) {
        String allTenants = params.getFirst("all_tenants");
        List<Map<String, Object>> views = service.list(request, allTenants != null && ParameterTypes.isTrue(allTenants))
                .stream().map(transfer -> detail ? detailView(request, transfer, false) : summary(request, transfer))
                .toList();
        return Map.of("transfers", views);
    }

    @GetMapping({ LEGACY + "/{id}", CURRENT + "/{id}" })
    Map<String, Object> show(CinderRequest request, @PathVariable String id,
            HttpServletRequest http) {
        gate(request, http);
        return Map.of("transfer", detailView(request, service.transfer(request, id), false));
    }

    @PostMapping({ LEGACY, CURRENT })
    ResponseEntity<Map<String, Object>> create(CinderRequest request, @RequestBody(required = false) byte[] body,
            HttpServletRequest http) {
        gate(request, http);
        boolean snapshotsOption = http.getRequestURI().contains("/volume-transfers")
                && request.atLeast(Microversions.TRANSFER_WITH_SNAPSHOTS);
        JsonSchema transfer = schema().type("object").property("volume_id", ParameterTypes.uuid())
                .property("name", schema().oneOf(schema().type("string").formatRaising(
                        name -> !name.strip().isEmpty() && name.strip().length() <= 255,
                        name -> "An invalid 'name' value was provided. " + (name.strip().isEmpty()
                                ? "The 'name' can not be empty." : "The 'name' can not be greater than 255 "
                                        + "characters.")),
                        schema().type("null")));
        if (snapshotsOption) {
            transfer.property("no_snapshots", ParameterTypes.booleanString());
        }
        JsonNode fields = bodies.parse(body, schema().type("object")
                .property("transfer", transfer.required("volume_id").noAdditionalProperties())
                .required("transfer").noAdditionalProperties()).get("transfer");
        String name = JsonFields.rawText(fields, "name");
        JsonNode noSnapshots = fields.get("no_snapshots");
        boolean leaveSnapshots = noSnapshots != null && (noSnapshots.isBoolean() ? noSnapshots.booleanValue()
                : ParameterTypes.isTrue(noSnapshots.asString()));
        VolumeTransfer created = service.create(request, JsonFields.rawText(fields, "volume_id"),
                name == null ? null : name.strip(), leaveSnapshots);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(Map.of("transfer", detailView(request, created, true)));
    }

    @PostMapping({ LEGACY + "/{id}/accept", CURRENT + "/{id}/accept" })
    ResponseEntity<Map<String, Object>> accept(CinderRequest request, @PathVariable String id,
            @RequestBody(required = false) byte[] body, HttpServletRequest http) {
        gate(request, http);
        JsonNode accept = bodies.parse(body, schema().type("object").property("accept", schema().type("object")
                .property("auth_key", schema().type("string", "integer")).required("auth_key")
                .noAdditionalProperties()).required("accept").noAdditionalProperties()).get("accept");
        VolumeTransfer accepted = service.accept(request, id, accept.get("auth_key").asString());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("transfer", summary(request, accepted)));
    }

    @DeleteMapping({ LEGACY + "/{id}", CURRENT + "/{id}" })
    ResponseEntity<Void> delete(CinderRequest request, @PathVariable String id,
            HttpServletRequest http) {
        gate(request, http);
        service.delete(request, id);
        return ResponseEntity.accepted().build();
    }

    /** {@code /volume-transfers} exists from 3.55; below it the router has no such route. */
    private static void gate(CinderRequest request, HttpServletRequest http) {
        if (http.getRequestURI().contains("/volume-transfers") && !request.atLeast(Microversions.TRANSFER_WITH_SNAPSHOTS)) {
            throw CinderException.resourceNotFound();
        }
    }

    private static Map<String, Object> summary(CinderRequest request, VolumeTransfer transfer) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", transfer.id());
        view.put("volume_id", transfer.volumeId());
        view.put("name", transfer.name());
        view.put("links", VolumeViews.links(request, "os-volume-transfer", transfer.id()));
        return view;
    }

    /** {@code detail} and {@code create} (which adds the auth key). */
    private static Map<String, Object> detailView(CinderRequest request, VolumeTransfer transfer, boolean created) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", transfer.id());
        view.put("created_at", CinderTime.format(transfer.createdAt()));
        view.put("name", transfer.name());
        view.put("volume_id", transfer.volumeId());
        if (created) {
            view.put("auth_key", transfer.authKey());
        }
        view.put("links", VolumeViews.links(request, "os-volume-transfer", transfer.id()));
        if (request.atLeast(Microversions.TRANSFER_WITH_SNAPSHOTS)) {
            view.put("no_snapshots", transfer.noSnapshots());
        }
        if (request.atLeast(Microversions.TRANSFER_WITH_HISTORY)) {
            view.put("destination_project_id", null);
            view.put("source_project_id", transfer.sourceProjectId());
            view.put("accepted", false);
        }
        return view;
    }
}
