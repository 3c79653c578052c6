package io.entente.notification;

import io.entente.events.governance.MeetingEvent.ActionItemRaised;
import io.entente.platform.testing.AccessMatrix;
import io.entente.platform.testing.AccessMatrix.Row;
import io.entente.platform.testing.EndpointAccess;
import io.entente.platform.testing.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static io.entente.platform.testing.AccessMatrix.Foreign.FILTERED;
import static io.entente.platform.testing.AccessMatrix.Foreign.SHARED;
import static io.entente.platform.testing.AccessMatrix.Partner.ALLOWED;
import static io.entente.platform.testing.AccessMatrix.Partner.HIDDEN;
import static io.entente.platform.testing.AccessMatrix.row;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * The security matrix of the notification service; see {@link EndpointAccess}. Every role, the partner's included,
 * has its own notifications and preferences, and nobody reaches another user's.
 */
@QuarkusTest
class EndpointAccessTest extends EndpointAccess {

    static final String A = "ANT-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
    static final String B = "BNT-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
    static final String TITLE = "Sealed CMC data " + A;

    static final List<Row> ROWS = List.of(
            row("GET /api/me").foreign(FILTERED, "only the caller's own identity").partner(ALLOWED),
            row("GET /api/notifications").foreign(FILTERED, "only the caller's own notifications")
                    .partner(ALLOWED, "their own, joint kinds only, partner edition"),
            row("GET /api/notifications/unread-count").foreign(FILTERED, "the caller's own count")
                    .partner(ALLOWED, "their own count"),
            row("POST /api/notifications/{id}/read").at("/api/notifications/{notification}/read")
                    .partner(HIDDEN, "another user's notification"),
            row("POST /api/notifications/read-all").foreign(SHARED, "marks the caller's own only")
                    .partner(ALLOWED, "their own"),
            row("GET /api/notification-preferences").foreign(FILTERED, "the caller's own preferences")
                    .partner(ALLOWED, "their own"),
            row("PUT /api/notification-preferences")
                    .body("{\"preferences\":[{\"kind\":\"DECISION_DECIDED\",\"mode\":\"DIGEST\"}]}")
                    .foreign(SHARED, "the caller's own preferences").partner(ALLOWED, "their own"));

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EntityManager em;

    @Override
    protected String servicePackage() {
        return "io.entente.notification";
    }

    @Override
    protected List<Row> rows() {
        return ROWS;
    }

    @Override
    protected AccessMatrix fixtures(AccessMatrix matrix) {
        String ally = memberOf("ally", A);
        String foreigner = memberOf("bea", B);
        String partner = partnerOf("pia", A);
        for (String token : List.of(ally, foreigner, partner)) {
            given().auth().oauth2(token).get("/api/notifications/unread-count").then().statusCode(200);
        }
        String meeting = UUID.randomUUID().toString();
        try (TestEvents out = new TestEvents(bootstrap, "/entente/governance-service")) {
            out.publish(new ActionItemRaised(meeting, A, UUID.randomUUID().toString(), TITLE, "user:ally", null));
            out.publish(new ActionItemRaised(UUID.randomUUID().toString(), B, UUID.randomUUID().toString(),
                    "Visible to B", "user:bea", null));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(ally).get("/api/notifications")
                .then().extract().<List<String>>path("items.id").size() == 1);
        String notification = given().auth().oauth2(ally).get("/api/notifications").then().extract()
                .path("items[0].id");
        return matrix
                .bind("notification", notification)
                .secret(A, notification, TITLE, meeting)
                .reader(ally)
                .ally(ally)
                .foreigner(foreigner)
                .partner(partner)
                .refused(memberWithRoles("rolf", A))
                .fingerprint(this::fingerprint);
    }

    List<Long> fingerprint() {
        List<String> sql = new ArrayList<>(AccessMatrix.changeRecordSql(A, "rolf", "bea", "pia"));
        sql.add("select count(*) + coalesce(sum(version), 0) from notification where alliance_id = '" + A + "'");
        return sql.stream().map(q -> ((Number) em.createNativeQuery(q).getSingleResult()).longValue()).toList();
    }

    /** Everyone manages their own notifications and preferences: no change refuses a role. */
    @Override
    protected List<String> changesOpenToEveryRole() {
        return List.of("PUT /api/notification-preferences", "POST /api/notifications/read-all",
                "POST /api/notifications/{id}/read");
    }
}
