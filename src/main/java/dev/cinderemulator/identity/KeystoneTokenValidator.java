package dev.cinderemulator.identity;

import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.cinderemulator.auth.Credentials;
import dev.cinderemulator.auth.TokenValidator;
import dev.cinderemulator.identity.IdentityDirectory.Role;
import dev.cinderemulator.identity.TokenService.ValidToken;

/**
 * keystonemiddleware's view of a token this Keystone issued: valid until it expires or is revoked,
 * with the roles the user holds now. Cinder's context needs a project, so an unscoped token is as
 * good as none.
 */
@Component
class KeystoneTokenValidator implements TokenValidator {

    private final TokenService tokens;

    KeystoneTokenValidator(TokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    public Optional<Credentials> validate(String token) {
        return tokens.find(token)
                .filter(valid -> valid.project() != null)
                .map(KeystoneTokenValidator::credentials);
    }

    private static Credentials credentials(ValidToken valid) {
        return new Credentials(valid.user().id(), valid.user().name(), valid.project().id(), valid.project().name(),
                valid.roles().stream().map(Role::name).collect(Collectors.toSet()));
    }
}
