package dev.cinderemulator.support;

import static io.restassured.RestAssured.given;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Requests to {@code /_emulator}, every exchange checked against {@code openapi/emulator-control.yaml}. */
public final class ControlApi {

    public static final OpenApiValidationFilter CONTRACT = new OpenApiValidationFilter(
            "openapi/emulator-control.yaml");

    /** For input that breaks the contract on purpose: only the answers are checked. */
    public static final OpenApiValidationFilter ANSWERS_ONLY = new OpenApiValidationFilter(
            OpenApiInteractionValidator.createForSpecificationUrl("openapi/emulator-control.yaml")
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request", ValidationReport.Level.IGNORE)
                            .build())
                    .build());

    private ControlApi() {
    }

    public static RequestSpecification control(int port) {
        return given().port(port).filter(CONTRACT).contentType(ContentType.JSON);
    }

    public static RequestSpecification malformedControl(int port) {
        return given().port(port).filter(ANSWERS_ONLY).contentType(ContentType.JSON);
    }
}
