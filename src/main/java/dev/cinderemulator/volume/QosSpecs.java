package dev.cinderemulator.volume;

import java.time.LocalDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Cinder's QoS specs ({@code objects/qos_specs.py}, {@code volume/qos_specs.py}): a name, who
 * enforces them ({@code back-end} unless the specs say {@code consumer}), and the specs.
 */
class QosSpecs {

    private String id;
    private String name;
    private String consumer;
    private Map<String, String> specs = new LinkedHashMap<>();
    private LocalDateTime createdAt;
    private LocalDateTime updatedAt;
    private long version;

    protected QosSpecs() {
    }

    /** {@code qos_specs.create}: {@code consumer} is taken out of the specs. */
    QosSpecs(String id, String name, Map<String, String> given, LocalDateTime now) {
        this.id = id;
        this.name = name;
        Map<String, String> values = new LinkedHashMap<>(given);
        String named = values.remove("consumer");
        this.consumer = named == null || named.isEmpty() ? "back-end" : named;
        this.specs = values;
        this.createdAt = now;
    }

    /** {@code qos_specs.update}: the given keys are set, {@code consumer} included. */
    void update(Map<String, String> changes, LocalDateTime now) {
        Map<String, String> values = new LinkedHashMap<>(changes);
        if (values.containsKey("consumer")) {
            consumer = values.remove("consumer");
        }
        specs.putAll(values);
        updatedAt = now;
    }

    /** {@code delete_keys}: keys go one by one until one is missing, which is returned. */
    String deleteKeys(Iterable<String> keys, LocalDateTime now) {
        updatedAt = now;
        for (String key : keys) {
            if (specs.remove(key) == null) {
                return key;
            }
        }
        return null;
    }

    String id() {
        return id;
    }

    String name() {
        return name;
    }

    String consumer() {
        return consumer;
    }

    Map<String, String> specs() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(specs));
    }
}
