package dev.cinderemulator.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** --help lists every property EmulatorProperties binds, and nothing it does not. */
class PropertyHelpTests {

    @Test
    void everyBoundPropertyIsListedOnce() {
        List<String> bound = new ArrayList<>();
        collect("emulator", EmulatorProperties.class, bound);

        assertThat(PropertyHelp.ENTRIES).extracting(PropertyHelp.Entry::name)
                .containsExactlyInAnyOrderElementsOf(bound);
    }

    @Test
    void aMisspeltNameFindsTheNearestAndNonsenseFindsNone() {
        assertThat(PropertyHelp.nearest("emulator.timing.backup-creat")).hasValue("emulator.timing.backup-create");
        assertThat(PropertyHelp.nearest("emulator.identity.users[3].pasword"))
                .hasValue("emulator.identity.users[N].password");
        assertThat(PropertyHelp.nearest("emulator.something-else-entirely")).isEmpty();
    }

    private static void collect(String prefix, Class<?> type, List<String> names) {
        for (RecordComponent component : type.getRecordComponents()) {
            String name = prefix + "." + ConfigurationFailureAnalyzer.kebab(component.getName());
            Class<?> componentType = component.getType();
            if (componentType == List.class) {
                Type element = ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
                if (element instanceof Class<?> elementClass && elementClass.isRecord()) {
                    collect(name + "[N]", elementClass, names);
                } else {
                    names.add(name);
                }
            } else if (componentType.isRecord()) {
                collect(name, componentType, names);
            } else {
                names.add(name);
            }
        }
    }
}
