package dev.cinderemulator.identity;

import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Keystone tokens as Cinder's auth_token middleware sees them. */
class KeystoneCinderAuthAcceptanceTests extends KeystoneAcceptanceSupport {

    @Test
    void aProjectScopedTokenReachesCinder() {
        String demo = login("demo", "demo");

        cinder().header("X-Auth-Token", demo)
                .when().get("/v3/")
                .then().statusCode(200)
                .body("versions[0].id", equalTo("v3.0"));
    }

    @Test
    void aTokenForOneProjectCannotUseAnothersUrl() {
        String admin = login("admin", "admin");
        String demo = login("demo", "demo");
        String demoProject = projectId(admin, "demo");
        String altProject = projectId(admin, "alt_demo");

        cinder().header("X-Auth-Token", demo)
                .when().get("/v3/" + demoProject + "/")
                .then().statusCode(200);
        cinder().header("X-Auth-Token", demo)
                .when().get("/v3/" + altProject + "/")
                .then().statusCode(400)
                .body("badRequest.code", equalTo(400))
                .body("badRequest.message", equalTo("Malformed request url"));
    }

    @Test
    void unscopedExpiredAndRevokedTokensAreRejected() {
        String unscoped = issue("""
                {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "demo",
                  "domain": {"name": "Default"}, "password": "demo"}}}, "scope": "unscoped"}}""");
        unauthorized(unscoped);
        unauthorized("not-a-token");

        String revoked = login("demo", "demo");
        keystone().header("X-Auth-Token", revoked).header("X-Subject-Token", revoked)
                .when().delete("/v3/auth/tokens")
                .then().statusCode(204);
        unauthorized(revoked);

        String expiring = login("demo", "demo");
        clock.advance(Duration.ofHours(1));
        unauthorized(expiring);
    }

    private void unauthorized(String token) {
        cinder().header("X-Auth-Token", token)
                .when().get("/v3/")
                .then().statusCode(401)
                .body("error.code", equalTo(401))
                .body("error.message", equalTo(UNAUTHORIZED_BODY));
    }
}
