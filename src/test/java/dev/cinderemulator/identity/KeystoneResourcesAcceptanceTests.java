package dev.cinderemulator.identity;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

class KeystoneResourcesAcceptanceTests extends KeystoneAcceptanceSupport {

    @Test
    void aUserListsTheProjectsTheyMayScopeTo() {
        JsonPath token = keystone().contentType(ContentType.JSON).body(passwordAuth("demo", "demo", "demo"))
                .when().post("/v3/auth/tokens").then().statusCode(201).extract().jsonPath();
        String demo = keystone().contentType(ContentType.JSON).body(passwordAuth("demo", "demo", "demo"))
                .when().post("/v3/auth/tokens").then().extract().header("X-Subject-Token");
        String userId = token.getString("token.user.id");
        String projectId = token.getString("token.project.id");
        String v3 = "http://localhost:" + port + "/keystone/v3";

        keystone().header("X-Auth-Token", demo)
                .when().get("/v3/auth/projects")
                .then().statusCode(200)
                .body("projects.name", contains("demo"))
                .body("projects[0].id", equalTo(projectId))
                .body("projects[0].domain_id", equalTo("default"))
                .body("projects[0].enabled", equalTo(true))
                .body("projects[0].is_domain", equalTo(false))
                .body("projects[0].links.self", equalTo(v3 + "/projects/" + projectId))
                .body("links.self", equalTo(v3 + "/auth/projects"))
                .body("links.next", nullValue());
        keystone().header("X-Auth-Token", demo)
                .when().get("/v3/users/" + userId + "/projects")
                .then().statusCode(200)
                .body("projects.id", contains(projectId));
        keystone().header("X-Auth-Token", demo)
                .when().get("/v3/users/" + userId)
                .then().statusCode(200)
                .body("user.name", equalTo("demo"))
                .body("user.default_project_id", equalTo(projectId))
                .body("user.links.self", equalTo(v3 + "/users/" + userId));
        keystone().header("X-Auth-Token", demo)
                .when().get("/v3/projects/" + projectId)
                .then().statusCode(200)
                .body("project.name", equalTo("demo"));
        keystone().header("X-Auth-Token", demo)
                .when().get("/v3/domains/default")
                .then().statusCode(200)
                .body("domain.name", equalTo("Default"))
                .body("domain.enabled", equalTo(true));
    }

    @Test
    void othersProjectsAndUsersAreForbiddenToNonAdmins() {
        String admin = login("admin", "admin");
        String demo = login("demo", "demo");
        String altProject = projectId(admin, "alt_demo");
        String adminUser = keystone().header("X-Auth-Token", admin).queryParam("name", "admin")
                .when().get("/v3/users").then().statusCode(200).extract().path("users[0].id");

        forbidden(demo, "/v3/projects", "identity:list_projects");
        forbidden(demo, "/v3/projects/" + altProject, "identity:get_project");
        forbidden(demo, "/v3/projects/no-such-project", "identity:get_project");
        forbidden(demo, "/v3/users", "identity:list_users");
        forbidden(demo, "/v3/users/" + adminUser, "identity:get_user");
        forbidden(demo, "/v3/users/" + adminUser + "/projects", "identity:list_user_projects");
        forbidden(demo, "/v3/roles", "identity:list_roles");
        forbidden(demo, "/v3/domains", "identity:list_domains");
    }

    @Test
    void adminSeesEverythingAndMissingThingsAreNotFound() {
        String admin = login("admin", "admin");

        keystone().header("X-Auth-Token", admin)
                .when().get("/v3/projects")
                .then().statusCode(200)
                .body("projects.name", containsInAnyOrder("admin", "demo", "alt_demo"));
        keystone().header("X-Auth-Token", admin)
                .when().get("/v3/users")
                .then().statusCode(200)
                .body("users.name", containsInAnyOrder("admin", "demo", "alt_demo"));
        keystone().header("X-Auth-Token", admin)
                .when().get("/v3/roles")
                .then().statusCode(200)
                .body("roles.name", hasItems("admin", "manager", "member", "reader", "service"));
        keystone().header("X-Auth-Token", admin)
                .when().get("/v3/projects/" + projectId(admin, "alt_demo"))
                .then().statusCode(200)
                .body("project.name", equalTo("alt_demo"));
        keystone().header("X-Auth-Token", admin)
                .when().get("/v3/projects/demo")
                .then().statusCode(404)
                .body("error.message", equalTo("Could not find project: demo."));
        keystone().header("X-Auth-Token", admin)
                .when().get("/v3/users/nobody")
                .then().statusCode(404)
                .body("error.message", equalTo("Could not find user: nobody."));
        keystone().header("X-Auth-Token", admin)
                .when().get("/v3/domains/elsewhere")
                .then().statusCode(404)
                .body("error.message", equalTo("Could not find domain: elsewhere."));
    }

    @Test
    void resourcesNeedAToken() {
        keystone().when().get("/v3/auth/projects")
                .then().statusCode(401)
                .body("error.message", equalTo(UNAUTHORIZED_BODY));
        keystone().header("X-Auth-Token", "garbage").when().get("/v3/projects")
                .then().statusCode(401)
                .body("error.message", equalTo(UNAUTHORIZED_BODY));
    }

    private void forbidden(String token, String path, String action) {
        keystone().header("X-Auth-Token", token)
                .when().get(path)
                .then().statusCode(403)
                .body("error.code", equalTo(403))
                .body("error.title", equalTo("Forbidden"))
                .body("error.message", equalTo("You are not authorized to perform the requested action: " + action
                        + "."));
    }
}
