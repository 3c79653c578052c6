package io.entente.frontend.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.Base64;
import java.util.Collection;
import java.util.TreeSet;
import java.util.SortedSet;

/** Reads claims of a JWT that quarkus-oidc has already verified; it never checks signatures itself. */
public final class TokenClaims {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALLIANCE_GROUP = "alliance:";

    private TokenClaims() {
    }

    /** The alliance keys of {@code alliance:<KEY>} groups (with or without a leading slash), sorted. */
    public static SortedSet<String> alliances(Collection<?> groups) {
        SortedSet<String> keys = new TreeSet<>();
        if (groups == null) {
            return keys;
        }
        for (Object group : groups) {
            String name = String.valueOf(group).replace("\"", "");
            if (name.startsWith("/")) {
                name = name.substring(1);
            }
            if (name.startsWith(ALLIANCE_GROUP) && name.length() > ALLIANCE_GROUP.length()) {
                keys.add(name.substring(ALLIANCE_GROUP.length()));
            }
        }
        return keys;
    }

    /** The {@code groups} claim of a compact JWT's payload; empty when the token is not a JWT. */
    public static SortedSet<String> alliancesOfJwt(String jwt) {
        if (jwt == null) {
            return new TreeSet<>();
        }
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            return new TreeSet<>();
        }
        try {
            JsonNode payload = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            JsonNode groups = payload.path("groups");
            java.util.List<String> names = new java.util.ArrayList<>();
            groups.forEach(node -> names.add(node.asText()));
            return alliances(names);
        } catch (IOException | IllegalArgumentException e) {
            return new TreeSet<>();
        }
    }
}
