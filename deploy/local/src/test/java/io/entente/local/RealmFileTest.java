package io.entente.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.entente.local.seed.GovernanceDemo;
import io.entente.platform.embedded.RepoRoot;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The realm file is only read by Keycloak at first start, so a mistake there would surface late, in a browser.
 * These checks pin what the services rely on (docs/CONVENTIONS.md) and keep the printed demo logins honest.
 */
class RealmFileTest {

    private static JsonNode realm;

    @BeforeAll
    static void load() throws IOException {
        realm = new ObjectMapper().readTree(RepoRoot.find().resolve("deploy/keycloak/entente-realm.json").toFile());
    }

    @Test
    void realmRolesAndAllianceGroups() {
        assertEquals("entente", realm.path("realm").asText());
        assertEquals(Set.of("admin", "alliance-manager", "team-member", "governance-ops", "stakeholder", "partner"),
                names(realm.path("roles").path("realm"), "name"));
        Set<String> groups = new TreeSet<>();
        DemoSeed.ALL_ALLIANCES.forEach(key -> groups.add("alliance:" + key));
        assertEquals(groups, names(realm.path("groups"), "name"));
        assertEquals(900, realm.path("accessTokenLifespan").asInt());
    }

    @Test
    void bothClientsPutGroupsAndAudienceIntoAccessTokens() {
        for (JsonNode client : realm.path("clients")) {
            String id = client.path("clientId").asText();
            JsonNode groups = mapper(client, "oidc-group-membership-mapper");
            assertEquals("groups", groups.path("config").path("claim.name").asText(), id);
            assertEquals("false", groups.path("config").path("full.path").asText(), id);
            assertEquals("true", groups.path("config").path("access.token.claim").asText(), id);
            JsonNode audience = mapper(client, "oidc-audience-mapper");
            assertEquals("entente-api", audience.path("config").path("included.custom.audience").asText(), id);
            assertEquals("true", audience.path("config").path("access.token.claim").asText(), id);
            Set<String> scopes = names(client.path("defaultClientScopes"), null);
            assertTrue(scopes.containsAll(Set.of("profile", "roles", "basic")), id + " scopes " + scopes);
        }
        JsonNode web = client("entente-web");
        assertFalse(web.path("publicClient").asBoolean());
        assertEquals("S256", web.path("attributes").path("pkce.code.challenge.method").asText());
        assertTrue(client("entente-cli").path("publicClient").asBoolean());
        assertTrue(client("entente-cli").path("directAccessGrantsEnabled").asBoolean());
    }

    @Test
    void demoLoginsMatchTheRealmUsers() {
        assertEquals(DemoSeed.LOGINS.size(), realm.path("users").size());
        for (DemoSeed.DemoLogin login : DemoSeed.LOGINS) {
            JsonNode user = user(login.username());
            assertEquals(List.of(login.role()), strings(user.path("realmRoles")), login.username());
            List<String> groupPaths = login.alliances().stream().map(key -> "/alliance:" + key).toList();
            assertEquals(new TreeSet<>(groupPaths), new TreeSet<>(strings(user.path("groups"))), login.username());
            JsonNode credential = user.path("credentials").get(0);
            assertEquals(DemoSeed.PASSWORD, credential.path("value").asText());
            assertFalse(credential.path("temporary").asBoolean());
            assertTrue(user.path("emailVerified").asBoolean());
            assertFalse(user.path("firstName").asText().isBlank());
            assertFalse(user.path("lastName").asText().isBlank());
        }
    }

    /**
     * Each demo partner company has one person with a login, in its own alliance only, who is the person the demo
     * committees list (so the seed can link their attendee entries to the login).
     */
    @Test
    void everyDemoAllianceHasOnePartnerLoginListedOnItsCommittees() {
        List<DemoSeed.DemoLogin> partners = DemoSeed.LOGINS.stream().filter(l -> l.role().equals("partner")).toList();
        assertEquals(new TreeSet<>(DemoSeed.PARTNERED_ALLIANCES),
                new TreeSet<>(partners.stream().map(l -> l.alliances().get(0)).toList()));
        for (DemoSeed.DemoLogin login : partners) {
            assertEquals(1, login.alliances().size(), login.username());
            assertFalse(login.company() == null || login.company().isBlank(), login.username());
            JsonNode user = user(login.username());
            String name = user.path("firstName").asText() + " " + user.path("lastName").asText();
            String listedAs = GovernanceDemo.PARTNER_USERS.entrySet().stream()
                    .filter(e -> e.getValue().equals(login.username())).map(Map.Entry::getKey).findFirst()
                    .orElseThrow(() -> new AssertionError(login.username() + " is on no demo committee"));
            assertTrue(listedAs.endsWith(name), listedAs + " / " + name);
            assertTrue(user.path("email").asText().contains("@"), login.username());
        }
        DemoSeed.LOGINS.stream().filter(l -> !l.role().equals("partner"))
                .forEach(l -> assertEquals(null, l.company(), l.username()));
    }

    private static JsonNode client(String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (client.path("clientId").asText().equals(clientId)) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId);
    }

    private static JsonNode user(String username) {
        for (JsonNode user : realm.path("users")) {
            if (user.path("username").asText().equals(username)) {
                return user;
            }
        }
        throw new AssertionError("no user " + username);
    }

    private static JsonNode mapper(JsonNode client, String type) {
        for (JsonNode mapper : client.path("protocolMappers")) {
            if (mapper.path("protocolMapper").asText().equals(type)) {
                return mapper;
            }
        }
        throw new AssertionError(client.path("clientId").asText() + " has no " + type);
    }

    private static Set<String> names(JsonNode array, String field) {
        Set<String> names = new TreeSet<>();
        array.forEach(node -> names.add(field == null ? node.asText() : node.path(field).asText()));
        return names;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }
}
