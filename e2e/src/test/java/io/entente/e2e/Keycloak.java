package io.entente.e2e;

import io.restassured.RestAssured;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Real access tokens from the stack's Keycloak (password grant with the public CLI client), one per demo user. */
public final class Keycloak {

    private static final String TOKEN_URL = "http://localhost:8180/realms/entente/protocol/openid-connect/token";
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private Keycloak() {
    }

    public static String token(String user) {
        return TOKENS.computeIfAbsent(user, Keycloak::newToken);
    }

    /** A token issued now, for runs that outlast the realm's 15-minute token lifespan. */
    public static String newToken(String user) {
        return RestAssured.given()
                .formParams(Map.of("grant_type", "password", "client_id", "entente-cli", "username", user,
                        "password", "entente"))
                .post(TOKEN_URL)
                .then().statusCode(200)
                .extract().path("access_token");
    }
}
