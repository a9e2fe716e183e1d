package dev.cinderemulator.identity;

import static dev.cinderemulator.identity.IdentityDirectoryTests.CONTRACT_USERS;
import static dev.cinderemulator.identity.IdentityDirectoryTests.properties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cinderemulator.config.EmulatorProperties;
import dev.cinderemulator.config.EmulatorProperties.StaticToken;

class StaticTokenValidatorTests {

    @Test
    void staticTokensCarryTheUsersRolesOnTheirProject() {
        List<StaticToken> staticTokens = List.of(new StaticToken("ci-token", "admin", "admin"));
        EmulatorProperties properties = properties(staticTokens, List.of(), CONTRACT_USERS);
        StaticTokenValidator validator = new StaticTokenValidator(properties, new IdentityDirectory(properties));

        assertThat(validator.validate("ci-token")).hasValueSatisfying(credentials -> {
            assertThat(credentials.userName()).isEqualTo("admin");
            assertThat(credentials.projectName()).isEqualTo("admin");
            assertThat(credentials.projectId()).matches("[0-9a-f]{32}");
            assertThat(credentials.isAdmin()).isTrue();
            assertThat(credentials.roles()).contains("member", "reader");
        });
        assertThat(validator.validate("other")).isEmpty();
    }

    @Test
    void aStaticTokenForAProjectWithoutRoleStopsStartup() {
        EmulatorProperties properties = properties(List.of(new StaticToken("t", "demo", "alt_demo")), List.of(),
                CONTRACT_USERS);
        IdentityDirectory directory = new IdentityDirectory(properties);

        assertThatIllegalStateException().isThrownBy(() -> new StaticTokenValidator(properties, directory))
                .withMessageContaining("no role on project alt_demo");
    }
}
