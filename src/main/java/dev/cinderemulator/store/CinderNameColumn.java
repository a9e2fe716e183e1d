package dev.cinderemulator.store;

/**
 * Status enums are stored as Cinder spells them (their {@code toString()}), so the rows hold
 * exactly the strings a Cinder database holds and list filters compare against them;
 * {@link EntityTable} writes {@code toString()} and reads back with {@link #byName}.
 */
public final class CinderNameColumn {

    private CinderNameColumn() {
    }

    public static <E extends Enum<E>> E byName(Class<E> type, String cinderName) {
        for (E value : type.getEnumConstants()) {
            if (value.toString().equals(cinderName)) {
                return value;
            }
        }
        throw new IllegalArgumentException("Not a " + type.getSimpleName() + ": " + cinderName);
    }
}
