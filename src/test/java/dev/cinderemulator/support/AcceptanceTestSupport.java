package dev.cinderemulator.support;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.whitelist.ValidationErrorsWhitelist;
import com.atlassian.oai.validator.whitelist.rule.WhitelistRules;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Real HTTP against the running emulator, every exchange checked against the contract in
 * {@code openapi/cinder-backups.yaml}. The clock is frozen: a test moves it to let the emulated
 * services finish their work, it never sleeps. All acceptance suites share this one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "emulator.auth.mode=noauth" })
public abstract class AcceptanceTestSupport {

    protected static final OpenApiValidationFilter CONTRACT = new OpenApiValidationFilter(
            "openapi/cinder-backups.yaml");

    /** For requests that break the contract on purpose: only the answers are checked against it. */
    protected static final OpenApiValidationFilter ANSWERS_ONLY = new OpenApiValidationFilter(
            OpenApiInteractionValidator.createForSpecificationUrl("openapi/cinder-backups.yaml")
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request", ValidationReport.Level.IGNORE)
                            .withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.IGNORE)
                            .build())
                    .build());

    /**
     * The PCD seed's {@code {"restore": ...}} action answers 202 with a body, where Cinder's own
     * actions answer 202 without one; an OpenAPI status has only one body, so that case is allowed.
     */
    protected static final OpenApiValidationFilter SEED_ACTIONS = new OpenApiValidationFilter(
            OpenApiInteractionValidator.createForSpecificationUrl("openapi/cinder-backups.yaml")
                    .withWhitelist(ValidationErrorsWhitelist.create().withRule("PCD restore action answers 202 with a body",
                            WhitelistRules.allOf(WhitelistRules.messageHasKey("validation.response.body.unexpected"),
                                    WhitelistRules.pathContains("/action"), WhitelistRules.responseStatusIs(202))))
                    .build());

    @LocalServerPort
    protected int port;

    /** Moved through the control API, as any client of the emulator would. */
    protected final ControlClock clock = new ControlClock(() -> port);

    /** Each test class works in a project of its own, so suites don't see each other's resources. */
    protected final String project = Ids.project();

    @BeforeEach
    void freezeClock() {
        clock.freeze();
    }

    /** Requests as Cinder's noauth admin of this test's project. */
    protected RequestSpecification cinder() {
        return as("admin", project);
    }

    protected RequestSpecification as(String user, String projectId) {
        return given().port(port).filter(CONTRACT).header("X-Auth-Token", user + ":" + projectId)
                .contentType(ContentType.JSON);
    }

    protected RequestSpecification malformed() {
        return given().port(port).filter(ANSWERS_ONLY).header("X-Auth-Token", "admin:" + project)
                .contentType(ContentType.JSON);
    }

    protected RequestSpecification at(String version) {
        return cinder().header("OpenStack-API-Version", "volume " + version);
    }

    /** Moves time on far enough for every pending transition, which has run when this returns. */
    protected void settle() {
        clock.advance(Duration.ofMinutes(5));
    }

    protected static <T> T eventually(Supplier<T> probe, java.util.function.Predicate<T> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        T value = probe.get();
        while (!done.test(value)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Condition not reached before the deadline; last value: " + value);
            }
            Thread.onSpinWait();
            value = probe.get();
        }
        return value;
    }

    protected String createVolume(int size) {
        String id = cinder().body("{\"volume\": {\"size\": " + size + ", \"name\": \"vol\"}}").post("/v3/volumes")
                .then().statusCode(202).extract().path("volume.id");
        settle();
        return id;
    }

    protected String createBackup(String volumeId, String extra) {
        String id = cinder().body("{\"backup\": {\"volume_id\": \"" + volumeId + "\"" + extra + "}}")
                .post("/v3/backups").then().statusCode(202).extract().path("backup.id");
        return id;
    }
}
