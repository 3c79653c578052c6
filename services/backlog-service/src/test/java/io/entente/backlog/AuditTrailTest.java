package io.entente.backlog;

import io.entente.platform.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit trail is complete (one row per accepted command, none for a refused one) and append-only for the
 * application: its own database user cannot rewrite or remove a row.
 */
@QuarkusTest
class AuditTrailTest {

    static final String ALLIANCE = "B-AUDIT";
    static final String USER = "auditee";
    static final String TOKEN = TestTokens.user(USER).roles("alliance-manager").alliances(ALLIANCE).sign();
    static final String STAKEHOLDER = TestTokens.user(USER).roles("stakeholder").alliances(ALLIANCE).sign();
    static final String OUTSIDER = TestTokens.user(USER).roles("alliance-manager").alliances("B-ELSEWHERE").sign();

    @Inject
    EntityManager em;

    long audited() {
        return ((Number) em.createNativeQuery("select count(*) from audit_log where actor = ?1")
                .setParameter(1, USER).getSingleResult()).longValue();
    }

    @Test
    void auditRowsEqualAcceptedCommands() {
        Fixtures.alliances(ALLIANCE);
        long before = audited();
        List<Integer> answers = new ArrayList<>();
        String item = """
                {"allianceId":"B-AUDIT","title":"%s","discipline":"CONTRACTS","type":"TASK","estimate":2}""";
        String update = """
                {"title":"%s","description":null,"discipline":"CONTRACTS","type":"TASK","estimate":3,
                 "beneficiary":null,"stakeholderValue":null,"owner":null,"dueDate":null}""";

        Response a = post(TOKEN, "/api/backlog-items", item.formatted("Amendment 3 redline"), null, answers);
        Response b = post(TOKEN, "/api/backlog-items", item.formatted("Royalty report"), null, answers);
        String aPath = "/api/backlog-items/" + a.path("id");
        String bId = b.path("id");
        post(TOKEN, "/api/backlog-items", item.formatted(""), null, answers);                       // 400
        post(STAKEHOLDER, "/api/backlog-items", item.formatted("Read-only user"), null, answers);   // 403
        post(OUTSIDER, "/api/backlog-items", item.formatted("Foreign"), null, answers);            // 404
        put(TOKEN, aPath, update.formatted("No If-Match"), null, answers);                          // 428
        put(TOKEN, aPath, update.formatted("Stale"), "\"999\"", answers);                            // 412
        String etag = Fixtures.etag(aPath, TOKEN);
        Response updated = put(TOKEN, aPath, update.formatted("Amendment 3 redline v2"), etag, answers);
        // b sits below a: moving it above a is a real change, so the second move with the same ETag is stale.
        String bEtag = Fixtures.etag("/api/backlog-items/" + bId, TOKEN);
        String aId = a.path("id");
        post(TOKEN, "/api/backlog-items/" + bId + "/rank", "{\"above\":\"" + aId + "\"}", bEtag, answers);
        post(TOKEN, "/api/backlog-items/" + bId + "/rank", "{\"above\":\"" + aId + "\"}", bEtag, answers); // 412
        post(TOKEN, aPath + "/drop", "{\"reason\":\"Covered by the annual report\"}",
                updated.header("ETag"), answers);
        post(TOKEN, "/api/risks", """
                {"allianceId":"B-AUDIT","title":"Partner CMC delay","category":"SUPPLY","likelihood":4,"impact":4,
                 "owner":"tara"}""", null, answers);
        post(TOKEN, "/api/risks", """
                {"allianceId":"B-AUDIT","title":"Bad","category":"SUPPLY","likelihood":9,"impact":4,
                 "owner":"tara"}""", null, answers);                                                      // 400

        long accepted = answers.stream().filter(s -> s / 100 == 2).count();
        long refused = answers.size() - accepted;
        long rows = audited() - before;
        System.out.printf("[audit] %d commands: %d accepted, %d refused %s; %d audit rows written%n",
                answers.size(), accepted, refused, answers, rows);
        assertEquals(List.of(201, 201, 400, 403, 404, 428, 412, 200, 200, 412, 200, 201, 400), answers);
        // The risk at 16 >= threshold 12 creates its follow-up item: one more accepted change, by the same user.
        assertEquals(accepted + 1, rows, "one audit row per accepted change, none for a refused command");
    }

    Response post(String token, String path, String body, String ifMatch, List<Integer> answers) {
        var r = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            r = r.header("If-Match", ifMatch);
        }
        Response response = r.post(path);
        answers.add(response.statusCode());
        return response;
    }

    Response put(String token, String path, String body, String ifMatch, List<Integer> answers) {
        var r = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            r = r.header("If-Match", ifMatch);
        }
        Response response = r.put(path);
        answers.add(response.statusCode());
        return response;
    }

    @Test
    void theApplicationCannotRewriteOrRemoveAuditRows() {
        Fixtures.alliances(ALLIANCE);
        Fixtures.createItem(TOKEN, ALLIANCE, "Something to audit");
        long total = count();
        String who = (String) em.createNativeQuery("select current_user").getSingleResult();
        for (String sql : List.of(
                "update audit_log set actor = 'someone-else'",
                "update audit_log set after_state = null where actor = 'auditee'",
                "delete from audit_log",
                "delete from audit_log where id = (select max(id) from audit_log)",
                "truncate audit_log",
                // Only the owner (the migrations' role) may touch the table's definition or its triggers.
                "alter table audit_log disable trigger audit_log_append_only",
                "alter table audit_log disable trigger all",
                "drop trigger audit_log_append_only on audit_log",
                "drop table audit_log",
                "create table audit_log_copy (id bigint)")) {
            RuntimeException refused = assertThrows(RuntimeException.class,
                    () -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(sql).executeUpdate()),
                    sql + " must fail for the application user " + who);
            SQLException cause = sqlCause(refused);
            assertTrue(cause != null && "42501".equals(cause.getSQLState()),
                    sql + ": refused as insufficient privilege, got " + refused);
            System.out.printf("[audit] as %s: %s -> refused (%s)%n", who, sql, cause.getMessage().lines().findFirst()
                    .orElse(""));
        }
        assertEquals(total, count(), "every audit row is still there");
        assertNotEquals(owner(), who, "the service does not run as the owner of its tables");
    }

    String owner() {
        return (String) em.createNativeQuery("select tableowner::text from pg_tables where tablename = 'audit_log'")
                .getSingleResult();
    }

    long count() {
        return ((Number) em.createNativeQuery("select count(*) from audit_log").getSingleResult()).longValue();
    }

    static SQLException sqlCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
