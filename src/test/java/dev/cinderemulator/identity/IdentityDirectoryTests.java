package dev.cinderemulator.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cinderemulator.config.EmulatorProperties;
import dev.cinderemulator.config.EmulatorProperties.Auth;
import dev.cinderemulator.config.EmulatorProperties.AuthMode;
import dev.cinderemulator.config.EmulatorProperties.Identity;
import dev.cinderemulator.config.EmulatorProperties.Project;
import dev.cinderemulator.config.EmulatorProperties.StaticToken;
import dev.cinderemulator.config.EmulatorProperties.User;
import dev.cinderemulator.identity.IdentityDirectory.Role;

class IdentityDirectoryTests {

    static EmulatorProperties properties(List<StaticToken> staticTokens, List<Project> projects, List<User> users) {
        return new EmulatorProperties(null, new Auth(AuthMode.KEYSTONE, Duration.ofHours(1), staticTokens), null,
                null, null, new Identity(users, projects), null, null, null, null, null);
    }

    static final List<User> CONTRACT_USERS = List.of(
            new User(null, "admin", "admin", "admin", List.of("admin")),
            new User(null, "demo", "demo", "demo", List.of("member")),
            new User(null, "alt_demo", "alt_demo", "alt_demo", List.of("member")));

    @Test
    void idsAreStableHexDerivedFromNamesUnlessConfigured() {
        IdentityDirectory first = new IdentityDirectory(properties(List.of(),
                List.of(new Project("0123456789abcdef0123456789abcdef", "fixed")), CONTRACT_USERS));
        IdentityDirectory second = new IdentityDirectory(properties(List.of(), List.of(), CONTRACT_USERS));

        String demoProject = first.projectByName("demo", "default").orElseThrow().id();
        assertThat(demoProject).matches("[0-9a-f]{32}")
                .isEqualTo(second.projectByName("demo", "default").orElseThrow().id());
        assertThat(first.userByName("demo", "default").orElseThrow().id()).matches("[0-9a-f]{32}")
                .isEqualTo(second.userByName("demo", "default").orElseThrow().id())
                .isNotEqualTo(demoProject);
        assertThat(first.projectByName("fixed", "default").orElseThrow().id())
                .isEqualTo("0123456789abcdef0123456789abcdef");
        assertThat(first.roles()).extracting(Role::id).containsExactlyElementsOf(
                second.roles().stream().map(Role::id).toList());
    }

    @Test
    void rolesExpandAsKeystoneBootstrapImpliesThem() {
        IdentityDirectory directory = new IdentityDirectory(properties(List.of(), List.of(), CONTRACT_USERS));
        String admin = directory.userByName("admin", "default").orElseThrow().id();
        String demo = directory.userByName("demo", "default").orElseThrow().id();
        String adminProject = directory.projectByName("admin", "default").orElseThrow().id();
        String demoProject = directory.projectByName("demo", "default").orElseThrow().id();

        assertThat(directory.effectiveRoles(admin, adminProject)).extracting(Role::name)
                .containsExactly("admin", "manager", "member", "reader");
        assertThat(directory.effectiveRoles(demo, demoProject)).extracting(Role::name)
                .containsExactly("member", "reader");
        assertThat(directory.effectiveRoles(demo, adminProject)).isEmpty();
        assertThat(directory.projectsOf(demo)).extracting(IdentityDirectory.Project::name).containsExactly("demo");
    }

    @Test
    void passwordsAreComparedExactly() {
        IdentityDirectory directory = new IdentityDirectory(properties(List.of(), List.of(), CONTRACT_USERS));
        IdentityDirectory.User demo = directory.userByName("demo", "default").orElseThrow();

        assertThat(demo.passwordMatches("demo")).isTrue();
        assertThat(demo.passwordMatches("Demo")).isFalse();
        assertThat(demo.passwordMatches(null)).isFalse();
        assertThat(demo.toString()).doesNotContain("password");
    }

    @Test
    void duplicateNamesAreAConfigurationError() {
        assertThatIllegalStateException().isThrownBy(() -> new IdentityDirectory(properties(List.of(), List.of(),
                List.of(new User(null, "demo", "a", "demo", null), new User(null, "demo", "b", "demo", null)))))
                .withMessageContaining("demo");
    }
}
