package dev.cinderemulator.identity;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.cinderemulator.config.EmulatorProperties;

/**
 * Keystone's SQL catalog as a devstack-like deployment registers it: identity, and Cinder under both
 * {@code block-storage} (what openstacksdk, gophercloud and tempest ask for) and {@code volumev3}
 * (what cinderclient asks for), each with public, internal and admin endpoints in the configured
 * region. Glance is listed too, as in any cloud, because the {@code openstack} CLI builds an image
 * client for {@code volume create}; the emulator serves only its version document. Cinder's URLs end in {@code %(project_id)s}, which {@code get_v3_catalog} fills in from
 * the token; without a project such endpoints are left out, as {@code format_url} does.
 */
@Component
class Catalog {

    private static final List<String> INTERFACES = List.of("public", "internal", "admin");

    record Service(List<Endpoint> endpoints, String id, String type, String name) {
    }

    record Endpoint(String id, @JsonProperty("interface") String interfaceName, String region,
            @JsonProperty("region_id") String regionId, String url) {
    }

    private record Registration(String type, String name, String path) {
    }

    private static final List<Registration> SERVICES = List.of(
            new Registration("identity", "keystone", KeystoneUrls.PREFIX),
            new Registration("image", "glance", "/image"),
            new Registration("block-storage", "cinder", "/v3/%(project_id)s"),
            new Registration("volumev3", "cinderv3", "/v3/%(project_id)s"));

    private final String region;

    Catalog(EmulatorProperties properties) {
        this.region = properties.cloud().region();
    }

    List<Service> forProject(String baseUrl, String projectId) {
        List<Service> services = new ArrayList<>();
        for (Registration registration : SERVICES) {
            List<Endpoint> endpoints = new ArrayList<>();
            String template = baseUrl + registration.path();
            if (projectId != null || !template.contains("%(project_id)s")) {
                String url = projectId == null ? template : template.replace("%(project_id)s", projectId);
                for (String interfaceName : INTERFACES) {
                    endpoints.add(new Endpoint(IdentityDirectory.stableId("endpoint",
                            registration.type() + "/" + interfaceName + "/" + region), interfaceName, region, region,
                            url));
                }
            }
            services.add(new Service(endpoints, IdentityDirectory.stableId("service", registration.type()),
                    registration.type(), registration.name()));
        }
        return services;
    }
}
