package dev.cinderemulator.store;

import jakarta.persistence.AttributeConverter;

/**
 * A status enum stored as Cinder spells it (its {@code toString()}), so the rows hold exactly the
 * strings a Cinder database holds and list filters compare against them.
 */
public abstract class CinderNameColumn<E extends Enum<E>> implements AttributeConverter<E, String> {

    private final Class<E> type;

    protected CinderNameColumn(Class<E> type) {
        this.type = type;
    }

    public static <E extends Enum<E>> E byName(Class<E> type, String cinderName) {
        for (E value : type.getEnumConstants()) {
            if (value.toString().equals(cinderName)) {
                return value;
            }
        }
        throw new IllegalArgumentException("Not a " + type.getSimpleName() + ": " + cinderName);
    }

    @Override
    public String convertToDatabaseColumn(E value) {
        return value == null ? null : value.toString();
    }

    @Override
    public E convertToEntityAttribute(String column) {
        return column == null ? null : byName(type, column);
    }
}
