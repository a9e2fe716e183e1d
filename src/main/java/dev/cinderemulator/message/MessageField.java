package dev.cinderemulator.message;

/**
 * {@code cinder/message/message_field.py}: the actions and details a message's {@code event_id}
 * ({@code VOLUME_<resource type>_<action id>_<detail id>}) and {@code user_message}
 * ({@code "<action>:<detail>"}) are made of, as far as the backup service (and the volume
 * scheduler's "no valid backend", {@code scheduler/flows/create_volume.py}) uses them.
 */
public final class MessageField {

    /** {@code message_field.Action}. */
    public enum Action {
        SCHEDULE_ALLOCATE_VOLUME("001", "schedule allocate volume"),
        BACKUP_CREATE("013", "create backup"),
        BACKUP_DELETE("014", "delete backup"),
        BACKUP_RESTORE("015", "restore backup");

        final String id;
        final String text;

        Action(String id, String text) {
            this.id = id;
            this.text = text;
        }
    }

    /** {@code message_field.Detail}. */
    public enum Detail {
        UNKNOWN_ERROR("001", "An unknown error occurred."),
        NO_BACKEND_AVAILABLE("003", "Could not find any available weighted backend."),
        BACKUP_INVALID_STATE("017", "Backup status is invalid."),
        BACKUP_SERVICE_DOWN("018", "Backup service is down."),
        BACKUP_CREATE_DRIVER_ERROR("020", "Backup driver failed to create backup."),
        BACKUP_SCHEDULE_ERROR("024", "Backup failed to schedule. Service not found for creating backup."),
        BACKUP_DELETE_DRIVER_ERROR("025", "Backup driver failed to delete backup."),
        BACKUP_RESTORE_ERROR("026", "Backup driver failed to restore backup.");

        final String id;
        final String text;

        Detail(String id, String text) {
            this.id = id;
            this.text = text;
        }
    }

    /** {@code message_field.Resource.VOLUME}: what the volume scheduler's messages are about. */
    public static final String VOLUME = "VOLUME";
    /** {@code message_field.Resource.VOLUME_BACKUP}. */
    public static final String VOLUME_BACKUP = "VOLUME_BACKUP";

    private MessageField() {
    }

    /** {@code translate_action}. */
    static String actionText(String actionId) {
        for (Action action : Action.values()) {
            if (action.id.equals(actionId)) {
                return action.text;
            }
        }
        return "unknown action";
    }

    /** {@code translate_detail}: an unknown id reads as the unknown error. */
    static String detailText(String detailId) {
        for (Detail detail : Detail.values()) {
            if (detail.id.equals(detailId)) {
                return detail.text;
            }
        }
        return Detail.UNKNOWN_ERROR.text;
    }
}
