package dev.cinderemulator.identity;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

/**
 * Keystone's werkzeug decodes query bytes that are not UTF-8 into U+FFFD
 * ({@code url_decode(..., errors="replace")}): a filter on them matches nothing, and a flag given
 * as such bytes is simply not "true".
 */
class KeystoneQueryDecodingAcceptanceTests extends KeystoneAcceptanceSupport {

    @Test
    void aNameThatIsNotUtf8FindsNobody() {
        String admin = login("admin", "admin");

        keystone().urlEncodingEnabled(false).header("X-Auth-Token", admin).get("/v3/users?name=%FF")
                .then().statusCode(200).body("users", empty());
        keystone().urlEncodingEnabled(false).header("X-Auth-Token", admin).get("/v3/projects?name=%C3%28")
                .then().statusCode(200).body("projects", empty());
    }

    @Test
    void aFlagThatIsNotUtf8IsNotSet() {
        String admin = login("admin", "admin");

        keystone().urlEncodingEnabled(false).header("X-Auth-Token", admin).header("X-Subject-Token", admin)
                .get("/v3/auth/tokens?nocatalog=%FF")
                .then().statusCode(200).body("token.user.name", equalTo("admin"));
    }
}
