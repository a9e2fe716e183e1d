package dev.cinderemulator.fault;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.cinderemulator.engine.TransitionAction;

/**
 * Names the Cinder operation a request performs, from its method and its routed path (the
 * {@code /cinder} and {@code /v3/{project_id}} layouts already folded away) and, for the
 * {@code /action} routes, the action named in the body.
 */
final class CinderOperations {

    static final List<String> ALL = List.of("backup.list", "backup.show", "backup.create", "backup.update",
            "backup.delete", "backup.restore", "backup.export", "backup.import", "backup.reset_status",
            "backup.force_delete", "volume.list", "volume.show", "volume.create", "volume.update", "volume.delete",
            "volume.reset_status", "snapshot.list", "snapshot.show", "snapshot.create", "snapshot.update",
            "snapshot.delete");

    /** The operations whose asynchronous work an {@code outcome} rule can make fail. */
    static final Map<String, TransitionAction> WITH_OUTCOME = Map.of("backup.create", TransitionAction.BACKUP_CREATE,
            "backup.delete", TransitionAction.BACKUP_DELETE, "backup.restore", TransitionAction.BACKUP_RESTORE,
            "volume.create", TransitionAction.VOLUME_CREATE, "volume.delete", TransitionAction.VOLUME_DELETE,
            "snapshot.create", TransitionAction.SNAPSHOT_CREATE, "snapshot.delete", TransitionAction.SNAPSHOT_DELETE);

    private static final Map<String, String> COLLECTIONS = Map.of("backups", "backup", "volumes", "volume",
            "snapshots", "snapshot");
    private static final Set<String> LISTS = Set.of("detail");

    private CinderOperations() {
    }

    static boolean needsActionName(String method, String path) {
        return method.equals("POST") && path.startsWith("/v3/") && path.endsWith("/action");
    }

    /** The operation, if the request is one of the emulated Cinder routes. */
    static Optional<String> classify(String method, String path, String actionName) {
        if (!path.startsWith("/v3/")) {
            return Optional.empty();
        }
        String[] segments = path.substring("/v3/".length()).split("/");
        String resource = COLLECTIONS.get(segments[0]);
        if (resource == null || segments.length > 3) {
            return Optional.empty();
        }
        String verb = null;
        if (segments.length == 1) {
            verb = switch (method) {
                case "GET" -> "list";
                case "POST" -> "create";
                default -> null;
            };
        } else if (segments.length == 2) {
            if (LISTS.contains(segments[1]) && method.equals("GET")) {
                verb = "list";
            } else if (resource.equals("backup") && segments[1].equals("import_record")) {
                verb = method.equals("POST") ? "import" : null;
            } else {
                verb = switch (method) {
                    case "GET" -> "show";
                    case "PUT" -> "update";
                    case "DELETE" -> "delete";
                    default -> null;
                };
            }
        } else {
            verb = switch (segments[2]) {
                case "restore" -> resource.equals("backup") && method.equals("POST") ? "restore" : null;
                case "export_record" -> resource.equals("backup") && method.equals("GET") ? "export" : null;
                case "action" -> method.equals("POST") ? action(actionName) : null;
                default -> null;
            };
        }
        String operation = verb == null ? null : resource + "." + verb;
        return Optional.ofNullable(operation).filter(ALL::contains);
    }

    /** Cinder's {@code os-*} actions, and the seed document's restore/export/import actions. */
    private static String action(String name) {
        if (name == null) {
            return null;
        }
        return switch (name) {
            case "os-reset_status" -> "reset_status";
            case "os-force_delete" -> "force_delete";
            case "restore" -> "restore";
            case "backup-export" -> "export";
            case "backup-import" -> "import";
            default -> null;
        };
    }

    /** The resource id in the path, if the route has one. */
    static String pathId(String path) {
        String[] segments = path.substring("/v3/".length()).split("/");
        return segments.length >= 2 && !LISTS.contains(segments[1]) && !segments[1].equals("import_record")
                ? segments[1]
                : null;
    }
}
