package dev.cinderemulator.auth;

import java.util.Optional;

/**
 * The seam between the Cinder API and whoever issues tokens (static tokens from configuration,
 * or the emulated Keystone). Empty means keystonemiddleware would answer 401.
 */
public interface TokenValidator {

    Optional<Credentials> validate(String token);
}
