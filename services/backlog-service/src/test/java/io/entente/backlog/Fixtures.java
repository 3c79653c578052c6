package io.entente.backlog;

import io.entente.platform.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.util.Arrays;

import static io.restassured.RestAssured.given;

/** Tokens and small helpers shared by the REST tests. Each test class works in its own alliances. */
final class Fixtures {

    static final String ADMIN = TestTokens.user("admin").roles("admin").sign();

    private Fixtures() {
    }

    static String manager(String... alliances) {
        return TestTokens.user("alex").roles("alliance-manager").alliances(alliances).sign();
    }

    static String member(String... alliances) {
        return TestTokens.user("tara").roles("team-member").alliances(alliances).sign();
    }

    static String governance(String... alliances) {
        return TestTokens.user("gwen").roles("governance-ops").alliances(alliances).sign();
    }

    static String stakeholder(String... alliances) {
        return TestTokens.user("sven").roles("stakeholder").alliances(alliances).sign();
    }

    static String allianceBody(String key, String phase, int tier) {
        return """
                {"key":"%s","name":"%s alliance","partner":"%s Pharma","type":"CO_DEVELOPMENT","tier":%d,
                 "phase":"%s","valueScore":4,"complexityScore":3,"allianceManager":"alex","startDate":"2025-01-15"}"""
                .formatted(key, key, key, tier, phase);
    }

    /** Registers the alliances (as admin) unless they exist. */
    static void alliances(String... keys) {
        Arrays.stream(keys).forEach(key -> {
            int status = given().auth().oauth2(ADMIN).when().get("/api/alliances/" + key).statusCode();
            if (status == 404) {
                given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                        .body(allianceBody(key, "EXECUTION", 1))
                        .when().post("/api/alliances").then().statusCode(201);
            }
        });
    }

    static String itemBody(String alliance, String title) {
        return """
                {"allianceId":"%s","title":"%s","discipline":"GOVERNANCE","type":"TASK","estimate":3,
                 "dueDate":"2026-12-15"}""".formatted(alliance, title);
    }

    static ValidatableResponse createItem(String token, String alliance, String title) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(itemBody(alliance, title))
                .when().post("/api/backlog-items").then().statusCode(201);
    }

    static String createItemId(String token, String alliance, String title) {
        return createItem(token, alliance, title).extract().path("id");
    }

    static String etag(String path, String token) {
        return given().auth().oauth2(token).when().get(path).then().statusCode(200).extract().header("ETag");
    }
}
