package dev.cinderemulator.zone;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.cinderemulator.config.EmulatorProperties;

/**
 * {@code os-availability-zone} ({@code cinder/api/contrib/availability_zones.py} and
 * {@code api/views/availability_zones.py}): the zones of the enabled volume services, for anyone
 * with a token. The emulator's volume service runs in the configured zone and is always up.
 */
@RestController
class AvailabilityZonesController {

    private final EmulatorProperties properties;

    AvailabilityZonesController(EmulatorProperties properties) {
        this.properties = properties;
    }

    @GetMapping("/v3/os-availability-zone")
    Map<String, Object> index() {
        return Map.of("availabilityZoneInfo", List.of(Map.of("zoneName", properties.cloud().availabilityZone(),
                "zoneState", Map.of("available", true))));
    }
}
