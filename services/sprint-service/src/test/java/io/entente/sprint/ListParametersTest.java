package io.entente.sprint;

import io.entente.platform.testing.ListParameters;
import io.quarkus.test.common.RestAssuredURLManager;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import static io.entente.sprint.Fixtures.ADMIN;
import static io.entente.sprint.Fixtures.TARA;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every list of the sprint service reads its parameters strictly and answers {items, next}. */
@QuarkusTest
class ListParametersTest extends ListParameters {

    private static final ListEndpoint TEAMS = new ListEndpoint("/api/teams", ADMIN);
    /** One page by design (the quarters bound it), so only its own filters are swept. */
    private static final ListEndpoint HEALTH = new ListEndpoint("/api/governance-health", ADMIN);
    private static final ListEndpoint SPRINTS = new ListEndpoint("/api/sprints", ADMIN);
    private static final ListEndpoint CANDIDATES = new ListEndpoint("/api/sprint-candidates", TARA);

    private static final Random RANDOM = new Random();
    private static List<ListEndpoint> seeded;

    @Inject
    EntityManager em;

    /**
     * Each list narrowed to two rows of its own, so that a page of one issues a real cursor. Runs while JUnit collects
     * the parameters, before Quarkus points RestAssured at the test port; hence the explicit setURL.
     */
    private static synchronized List<ListEndpoint> seed() {
        RestAssuredURLManager.setURL(false);
        if (seeded == null) {
            seeded = List.of(
                    pinned(ADMIN, () -> {
                        String discipline = key();
                        for (int i = 0; i < 2; i++) {
                            given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                                    .body(Fixtures.teamBody(Fixtures.unique("Lists"), List.of(discipline),
                                            List.of("ONC-HELIX"), null))
                                    .when().post("/api/teams").then().statusCode(201);
                        }
                        return "/api/teams?discipline=" + discipline;
                    }),
                    pinned(ADMIN, () -> {
                        String team = Fixtures.team(Fixtures.unique("Lists"), null);
                        Fixtures.sprint(team, LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 12));
                        Fixtures.sprint(team, LocalDate.of(2027, 3, 15), LocalDate.of(2027, 3, 26));
                        return "/api/sprints?teamId=" + team;
                    }),
                    pinned(TARA, () -> {
                        String discipline = key();
                        Fixtures.publish(
                                Fixtures.Item.of("ONC-HELIX", "List candidate one", 3).discipline(discipline),
                                Fixtures.Item.of("ONC-HELIX", "List candidate two", 5).discipline(discipline));
                        return "/api/sprint-candidates?sort=dueDate&discipline=" + discipline;
                    }));
        }
        return seeded;
    }

    private static ListEndpoint pinned(String token, Supplier<String> make) {
        return new ListEndpoint(make.get(), token);
    }

    private static String key() {
        StringBuilder key = new StringBuilder("L");
        for (int i = 0; i < 10; i++) {
            key.append((char) ('A' + RANDOM.nextInt(26)));
        }
        return key.toString();
    }

    @Override
    protected List<ListEndpoint> lists() {
        return seed();
    }

    /** On the unnarrowed lists: a filter already in the path would win over the bad value. */
    @Override
    protected List<BadParameter> badFilters() {
        RestAssuredURLManager.setURL(false);
        return List.of(
                new BadParameter(HEALTH, "from", "2026-Q0"),
                new BadParameter(HEALTH, "to", "2026-4"),
                new BadParameter(HEALTH, "alliance", "onc helix"),
                new BadParameter(TEAMS, "discipline", "not a key"),
                new BadParameter(TEAMS, "allianceId", "onc helix"),
                new BadParameter(SPRINTS, "teamId", "not-a-uuid"),
                new BadParameter(SPRINTS, "teamId", "1-2-3-4-5"),
                new BadParameter(SPRINTS, "state", "PARTY"),
                new BadParameter(CANDIDATES, "teamId", "not-a-uuid"),
                new BadParameter(CANDIDATES, "sort", "title"),
                new BadParameter(CANDIDATES, "discipline", "not a key"),
                new BadParameter(CANDIDATES, "allianceId", "onc helix"));
    }

    @Test
    void aTeamWithAFieldItDoesNotDefineIsRefusedAndNotStored() {
        String name = Fixtures.unique("Sneaky");
        Map<String, Object> body = new LinkedHashMap<>(Fixtures.teamBody(name, List.of("GOVERNANCE"),
                List.of("ONC-HELIX"), null));
        body.put("admin", true);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body)
                .when().post("/api/teams")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("status", equalTo(400));
        long stored = ((Number) em.createNativeQuery("select count(*) from team where name = ?1")
                .setParameter(1, name).getSingleResult()).longValue();
        assertEquals(0, stored, "nothing stored");
    }
}
