package dev.cinderemulator.auth;

import java.util.Optional;

/**
 * The ids of the configured projects by name, for Cinder's {@code noauth} tokens: in the emulator
 * {@code demo:demo} is the demo user in the project named demo, so fixtures and clients that name
 * the project meet in one project, whose id also fits Cinder's {@code project_id_regex} in URLs.
 */
public interface ProjectNames {

    Optional<String> projectId(String name);
}
