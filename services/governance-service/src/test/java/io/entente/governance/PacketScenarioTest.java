package io.entente.governance;

import io.cloudevents.CloudEvent;
import io.entente.events.backlog.AllianceEvent.AllianceRegistered;
import io.entente.events.backlog.BacklogItemEvent.BacklogItemCreated;
import io.entente.events.backlog.BacklogItemEvent.BacklogItemUpdated;
import io.entente.events.backlog.ObligationEvent.ObligationMet;
import io.entente.events.backlog.ObligationEvent.ObligationRegistered;
import io.entente.events.backlog.RiskEvent.RiskClosed;
import io.entente.events.backlog.RiskEvent.RiskRaised;
import io.entente.events.backlog.RiskEvent.RiskScored;
import io.entente.events.decision.DecisionEvent.DecisionDecided;
import io.entente.events.decision.DecisionEvent.DecisionEscalated;
import io.entente.events.decision.DecisionEvent.DecisionOpened;
import io.entente.events.decision.DecisionEvent.DecisionRiskChanged;
import io.entente.events.decision.DecisionEvent.Option;
import io.entente.events.sprint.SprintEvent.BoardItemMoved;
import io.entente.events.sprint.SprintEvent.ItemCommittedToSprint;
import io.entente.events.sprint.SprintEvent.ItemRemovedFromSprint;
import io.entente.events.sprint.SprintEvent.SprintPlanned;
import io.entente.events.sprint.SprintEvent.SprintStarted;
import io.entente.governance.service.PacketScheduler;
import io.entente.platform.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole prep-packet story on the real broker and database: the other services' events build the read models,
 * minutes raise actions and record decisions, the packet holds exactly what is due, in both editions, as JSON,
 * HTML and PDF, versions compare, and the scheduled job generates it a week ahead.
 */
@QuarkusTest
class PacketScenarioTest {

    static final String A = Fixtures.allianceKey("HLX");
    static final String OTHER = Fixtures.allianceKey("CRV");
    static final String GWEN = TestTokens.user("gwen").roles("governance-ops").alliances(A).sign();
    static final String TARA = TestTokens.user("tara").roles("team-member").alliances(A).sign();
    static final String PIA = TestTokens.user("pia").roles("partner").alliances(A).sign();
    static final String NORA = TestTokens.user("nora").roles("team-member").alliances(OTHER).sign();

    /** Distinctive internal strings: none may appear in any partner rendering. */
    static final String NEGOTIATION = "WALKAWAY-POSITION-42M";
    static final String BRIEFING = "INTERNAL-BRIEFING-ROYALTY-STEPDOWN";
    static final String AGENDA_NOTE = "HOLD-LINE-ON-MILESTONE-3";
    static final List<String> INTERNAL_STRINGS = List.of(NEGOTIATION, BRIEFING, AGENDA_NOTE);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EntityManager em;

    @Inject
    PacketScheduler scheduler;

    @Test
    void aPacketHoldsExactlyWhatIsDueInBothEditions() throws IOException {
        TestClock.CLOCK.set(Instant.parse("2026-11-23T09:00:00Z"));
        playTheOtherServices();

        String jsc = Fixtures.id(Fixtures.createBody(GWEN, A, "JSC", null).then().statusCode(201)
                .body("cadence", equalTo("QUARTERLY")).extract().response());

        // The last JSC: held, minutes recorded but not yet approved, one decision and two actions.
        String past = Fixtures.id(given().auth().oauth2(GWEN).contentType(ContentType.JSON)
                .body(Fixtures.meeting(jsc, "JSC Q3 2026", "2026-09-15T10:00:00+02:00", "Europe/Zurich"))
                .post("/api/meetings").then().statusCode(201).extract().response());
        String etag = given().auth().oauth2(GWEN).contentType(ContentType.JSON).header("If-Match", etag(past))
                .body("""
                        {"items":[{"id":"open","section":"Opening","title":"Welcome","durationMinutes":10,
                                   "purpose":"INFORMATION"},
                                  {"id":"d6","section":"Decisions","title":"Select the CMO","durationMinutes":20,
                                   "purpose":"DECISION","decisionId":"d6-%1$s"},
                                  {"id":"cmc","section":"Progress","title":"CMC update","durationMinutes":15,
                                   "purpose":"DISCUSSION"}]}""".formatted(A))
                .put("/api/meetings/" + past + "/agenda").then().statusCode(200).extract().header("ETag");
        etag = given().auth().oauth2(GWEN).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Fixtures.attendanceAllPresent())
                .put("/api/meetings/" + past + "/attendance").then().statusCode(200).extract().header("ETag");
        etag = outcome(past, etag, """
                {"agendaItemId":"d6","type":"DECISION_MADE","chosenOption":"B",
                 "rationale":"Second source lowers supply risk"}""");
        etag = outcome(past, etag, """
                {"agendaItemId":"cmc","type":"ACTION_ITEM","actionTitle":"Send the CMC data package",
                 "owner":"tara","dueDate":"2026-12-05"}""");
        outcome(past, etag, """
                {"agendaItemId":"cmc","type":"ACTION_ITEM","actionTitle":"Book the JSC venue",
                 "owner":"gwen","dueDate":"2026-10-01"}""");
        JsonPath actions = given().auth().oauth2(TARA).queryParam("meetingId", past)
                .get("/api/action-items").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("Book the JSC venue", "Send the CMC data package"), actions.getList("items.title"));
        String venueAction = actions.getString("items[0].id");
        String cmcAction = actions.getString("items[1].id");

        // The decision recorded in the minutes leaves as DecisionRecorded (the decision service closes it) ...
        List<CloudEvent> published = Fixtures.readEvents(bootstrap, "meeting.events", past,
                found -> found.stream().filter(e -> e.getType().equals("io.entente.ActionItemRaised")).count() == 2
                        && found.stream().anyMatch(e -> e.getType().equals("io.entente.DecisionRecorded")));
        CloudEvent recorded = published.stream().filter(e -> e.getType().equals("io.entente.DecisionRecorded"))
                .findFirst().orElseThrow();
        assertEquals(A, recorded.getExtension("allianceid"));
        assertEquals("/entente/governance-service", recorded.getSource().toString());
        assertTrue(Fixtures.data(recorded).contains("\"decisionId\":\"d6-" + A + "\""), Fixtures.data(recorded));
        assertTrue(Fixtures.data(recorded).contains("\"chosenOption\":\"B\""));
        assertTrue(published.stream().filter(e -> e.getType().equals("io.entente.ActionItemRaised"))
                .anyMatch(e -> Fixtures.data(e).contains(cmcAction)));
        // ... and we play the decision and backlog services' answers: the decision closes, one action is done.
        Fixtures.publish(bootstrap, "/entente/decision-service", new DecisionDecided("d6-" + A, A, "B",
                "Second source", Instant.parse("2026-09-15T10:40:00Z"), "gwen", past));
        Fixtures.publish(bootstrap, "/entente/backlog-service",
                new BacklogItemCreated("ai-1-" + A, A, "Book the JSC venue", null, "GOVERNANCE", "ACTION_ITEM", 1,
                        LocalDate.of(2026, 10, 1), "NEW", "m", "action-item:" + venueAction),
                new BacklogItemUpdated("ai-1-" + A, A, "Book the JSC venue", null, "GOVERNANCE", "ACTION_ITEM", 1,
                        LocalDate.of(2026, 10, 1), "DONE", "action-item:" + venueAction));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TARA)
                .get("/api/action-items/" + venueAction).then().body("status", equalTo("DONE")));
        // Following the backlog is a change of the action item like any other: audited with its before and after,
        // and published for whoever follows the meeting.
        assertEquals("system:governance-service|OPEN|DONE", scalar("""
                select actor || '|' || (before_state ->> 'status') || '|' || (after_state ->> 'status')
                from audit_log where action = 'io.entente.ActionItemStatusChanged' and aggregate_type = 'meeting'
                  and aggregate_id = ?1 and after_state ->> 'id' = ?2""", past, venueAction));
        String statusChanged = "io.entente.ActionItemStatusChanged";
        assertTrue(Fixtures.readEvents(bootstrap, "meeting.events", past,
                        found -> found.stream().anyMatch(e -> e.getType().equals(statusChanged)))
                .stream().filter(e -> e.getType().equals(statusChanged))
                .anyMatch(e -> Fixtures.data(e).contains("\"status\":\"DONE\"")
                        && Fixtures.data(e).contains("\"backlogItemId\":\"ai-1-" + A + "\"")));
        await().atMost(Duration.ofSeconds(30)).until(() -> "DECIDED".equals(scalar(
                "select status from decision_ref where decision_id = ?1", "d6-" + A)));

        // The coming JSC, next week, with an internal briefing.
        String meeting = Fixtures.id(given().auth().oauth2(GWEN).contentType(ContentType.JSON)
                .body(Fixtures.meeting(jsc, "JSC Q4 2026", "2026-11-30T10:00:00+01:00", "Europe/Zurich")
                        .replace("\"durationMinutes\"", "\"internalBriefing\":\"" + BRIEFING + "\",\"durationMinutes\""))
                .post("/api/meetings").then().statusCode(201).extract().response());
        given().auth().oauth2(PIA).get("/api/meetings/" + meeting).then().statusCode(200)
                .body("internalBriefing", equalTo(null));

        String location = given().auth().oauth2(GWEN).post("/api/meetings/" + meeting + "/packets")
                .then().statusCode(201).body("version", equalTo(1)).body("trigger", equalTo("ON_DEMAND"))
                .extract().header("Location");
        assertTrue(location.endsWith("/api/meetings/" + meeting + "/packets/1"));

        JsonPath v1 = json(meeting, "1", "internal", GWEN);
        assertEquals(List.of("d4-" + A, "d1-" + A), v1.getList("decisions.decisionId"));
        assertEquals(List.of("A", "B"), v1.getList("decisions[1].options.key"));
        assertEquals("AT_RISK", v1.getString("decisions[1].riskState"));
        assertEquals(List.of("d4-" + A), v1.getList("escalations.decisionId"));
        assertEquals(List.of("r1-" + A, "r4-" + A), v1.getList("risks.riskId"));
        assertEquals(List.of(20, 16), v1.getList("risks.score"));
        assertEquals(List.of("o1-" + A), v1.getList("obligations.obligationId"));
        assertEquals(List.of("s1-" + A), v1.getList("progress.sprintId"));
        assertEquals(2, v1.getInt("progress[0].committedItems"));
        assertEquals(1, v1.getInt("progress[0].doneItems"));
        assertEquals(8, v1.getInt("progress[0].committedPoints"));
        assertEquals(3, v1.getInt("progress[0].donePoints"));
        assertEquals(List.of("Draft the CMC section", "Prepare the JSC dashboard"),
                v1.getList("progress[0].items.title"));
        assertEquals(List.of(cmcAction), v1.getList("actionItems.actionItemId"));
        assertEquals(past, v1.getString("lastMinutes.meetingId"));
        assertFalse(v1.getBoolean("lastMinutes.approved"));
        assertEquals(NEGOTIATION, v1.getString("decisions[1].internalNotes"));
        assertEquals(BRIEFING, v1.getString("internalBriefing"));
        assertEquals("2026-11-30T10:00:00+01:00", v1.getString("cover.startsAt"));
        // The agenda was drafted from what is due.
        List<String> agenda = v1.getList("agenda.title");
        assertTrue(agenda.contains("Approval of the minutes of JSC Q3 2026"), agenda.toString());
        assertTrue(agenda.contains("Review of open action items (1)"), agenda.toString());
        assertEquals(List.of("d4-" + A, "d1-" + A), v1.getList("agenda.findAll { it.purpose == 'DECISION' "
                + "&& it.decisionId != null }.decisionId"));

        // The secretary adds an internal note to the agenda; the ratings of one risk change, a risk is added.
        JsonPath current = given().auth().oauth2(GWEN).get("/api/meetings/" + meeting).then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> items = current.getList("agenda");
        items.get(0).put("internalNote", AGENDA_NOTE);
        given().auth().oauth2(GWEN).contentType(ContentType.JSON).header("If-Match", etag(meeting))
                .body(Map.of("items", items)).put("/api/meetings/" + meeting + "/agenda").then().statusCode(200);
        Fixtures.publish(bootstrap, "/entente/backlog-service",
                new RiskScored("r1-" + A, A, 5, 5, 25, 20, true, LocalDate.of(2026, 12, 8)),
                new RiskRaised("r5-" + A, A, "Partner data-room access lapses", "IP", 4, 4, 16, "alex",
                        "Renew access in December", "OPEN", LocalDate.of(2026, 12, 10), true));
        await().atMost(Duration.ofSeconds(30)).until(() -> scalar(
                "select count(*) from risk_ref where risk_id = ?1 or (risk_id = ?2 and score = 25)",
                "r5-" + A, "r1-" + A).toString().equals("2"));
        given().auth().oauth2(GWEN).post("/api/meetings/" + meeting + "/packets").then().statusCode(201)
                .body("version", equalTo(2)).body("sections.risks", equalTo(3));

        // Both editions of v2: the internal one has everything, the partner one nothing internal.
        String internalJson = given().auth().oauth2(GWEN).accept(ContentType.JSON)
                .get("/api/meetings/" + meeting + "/packets/2?edition=internal").then().statusCode(200)
                .header("ETag", equalTo("\"2-internal\"")).extract().asString();
        INTERNAL_STRINGS.forEach(s -> assertTrue(internalJson.contains(s), s));
        JsonPath partner = json(meeting, "2", "partner", PIA);
        assertEquals(v1.getList("decisions.decisionId"), partner.getList("decisions.decisionId"));
        // The risk register, sprint progress and escalations are ours alone: the partner edition has no such section.
        assertNull(partner.get("risks"));
        assertNull(partner.get("progress"));
        assertNull(partner.get("escalations"));
        assertEquals(List.of(cmcAction), partner.getList("actionItems.actionItemId"));
        String partnerJson = partner.prettify();
        assertNoInternal(partnerJson, "partner JSON");
        for (String field : List.of("\"internalNotes\"", "\"internalNote\"", "\"internalBriefing\"",
                "\"likelihood\"", "\"impact\"", "\"score\"", "\"riskState\"", "\"escalatedTo\"")) {
            assertFalse(partnerJson.contains(field), field + " in partner JSON");
        }

        String partnerHtml = given().auth().oauth2(PIA).accept(ContentType.HTML)
                .get("/api/meetings/" + meeting + "/packets/2?edition=partner").then().statusCode(200)
                .contentType("text/html").extract().asString();
        assertNoInternal(partnerHtml, "partner HTML");
        assertFalse(partnerHtml.contains("5 x 5 = 25"));
        assertTrue(partnerHtml.contains("Partner edition") && partnerHtml.contains("Go to phase 3 in NSCLC"));
        String internalHtml = given().auth().oauth2(GWEN).queryParam("format", "html")
                .get("/api/meetings/" + meeting + "/packets/2").then().statusCode(200).extract().asString();
        INTERNAL_STRINGS.forEach(s -> assertTrue(internalHtml.contains(s), s));
        assertTrue(internalHtml.contains("5 x 5 = 25"));

        String partnerPdf = pdfText(given().auth().oauth2(PIA).accept("application/pdf")
                .get("/api/meetings/" + meeting + "/packets/latest?edition=partner").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray(), 4);
        assertNoInternal(partnerPdf, "partner PDF");
        assertFalse(partnerPdf.contains("5 x 5 = 25"));
        for (String expected : List.of("JSC Q4 2026", "Partner edition", "Contents", "Go to phase 3 in NSCLC",
                "Annual development report", "Send the CMC data package", "Page 2 of")) {
            assertTrue(partnerPdf.contains(expected), expected + " missing from the PDF:\n" + partnerPdf);
        }
        for (String ours : List.of("Fill-finish capacity at the CMO", "Open escalations", "points")) {
            assertFalse(partnerPdf.contains(ours), ours + " in the partner PDF");
        }
        assertTrue(partnerPdf.matches("(?s).*Decisions requested\\s+\\.+\\s+page \\d+.*"),
                "table of contents with page numbers:\n" + partnerPdf);
        byte[] internalBytes = given().auth().oauth2(GWEN).queryParam("format", "pdf")
                .get("/api/meetings/" + meeting + "/packets/2").then().statusCode(200).extract().asByteArray();
        String internalPdf = pdfText(internalBytes, 8);
        INTERNAL_STRINGS.forEach(s -> assertTrue(internalPdf.contains(s), s + " missing from the internal PDF"));
        // Each edition of a version is rendered once and then served from memory (the very same bytes; a new
        // render would carry a new document id), and never as the other edition.
        assertArrayEquals(internalBytes, given().auth().oauth2(GWEN).queryParam("format", "pdf")
                .get("/api/meetings/" + meeting + "/packets/latest").then().statusCode(200).extract().asByteArray());
        assertNoInternal(pdfText(given().auth().oauth2(PIA).queryParam("format", "pdf")
                .get("/api/meetings/" + meeting + "/packets/2?edition=partner").then().statusCode(200)
                .extract().asByteArray(), 4), "partner PDF read after the internal one");
        // Asking for no edition, a partner gets theirs.
        assertNoInternal(pdfText(given().auth().oauth2(PIA).queryParam("format", "pdf")
                .get("/api/meetings/" + meeting + "/packets/2").then().statusCode(200)
                .extract().asByteArray(), 4), "partner PDF without an edition asked for");

        // Versions compare entry by entry; the partner does not learn that ratings or internal notes changed.
        JsonPath diff = given().auth().oauth2(GWEN).queryParam("from", 1).queryParam("to", 2)
                .get("/api/meetings/" + meeting + "/packets/compare").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("r5-" + A), diff.getList("sections.find { it.section == 'risks' }.added"));
        assertEquals(List.of("r1-" + A), diff.getList("sections.find { it.section == 'risks' }.changed.key"));
        assertEquals(List.of("likelihood", "nextReviewDate", "score"),
                diff.getList("sections.find { it.section == 'risks' }.changed[0].fields"));
        assertEquals(List.of("internalNote"), diff.getList("sections.find { it.section == 'agenda' }.changed[0].fields"));
        JsonPath partnerDiff = given().auth().oauth2(PIA).queryParam("from", 1).queryParam("to", 2)
                .queryParam("edition", "partner").get("/api/meetings/" + meeting + "/packets/compare")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(), partnerDiff.getList("sections.section"));

        // Who may read what.
        given().auth().oauth2(PIA).get("/api/meetings/" + meeting + "/packets/2?edition=internal")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(PIA).queryParam("from", 1).queryParam("to", 2).queryParam("edition", "internal")
                .get("/api/meetings/" + meeting + "/packets/compare").then().statusCode(403);
        given().auth().oauth2(NORA).get("/api/meetings/" + meeting + "/packets/2?edition=partner")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(NORA).get("/api/meetings/" + meeting + "/packets").then().statusCode(404);
        given().auth().oauth2(NORA).post("/api/meetings/" + meeting + "/packets").then().statusCode(403);
        given().get("/api/meetings/" + meeting + "/packets/2").then().statusCode(401);
        given().post("/api/meetings/" + meeting + "/packets").then().statusCode(401);
        given().auth().oauth2(TARA).post("/api/meetings/" + meeting + "/packets").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(TARA).get("/api/meetings/" + meeting + "/packets/9").then().statusCode(404);
        given().auth().oauth2(TARA).get("/api/meetings/" + meeting + "/packets/1?edition=draft")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TARA).get("/api/meetings/" + meeting + "/packets/compare?from=1")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TARA).get("/api/meetings/" + meeting + "/packets").then().statusCode(200)
                .body("items.version", equalTo(List.of(2, 1))).body("next", equalTo(null));

        // The scheduled job: a week ahead, once per meeting.
        String later = Fixtures.id(given().auth().oauth2(GWEN).contentType(ContentType.JSON)
                .body(Fixtures.meeting(jsc, "JSC Q1 2027", "2027-03-10T10:00:00+01:00", "Europe/Zurich"))
                .post("/api/meetings").then().statusCode(201).extract().response());
        try {
            scheduler.generateDue();
            given().auth().oauth2(TARA).get("/api/meetings/" + meeting + "/packets").then()
                    .body("items[0].version", equalTo(3)).body("items[0].trigger", equalTo("SCHEDULED"))
                    .body("items[0].generatedBy", equalTo("system:governance-service"));
            given().auth().oauth2(TARA).get("/api/meetings/" + later + "/packets").then().body("items.size()", equalTo(0));
            scheduler.generateDue();
            given().auth().oauth2(TARA).get("/api/meetings/" + meeting + "/packets").then().body("items.size()", equalTo(3));
            TestClock.CLOCK.set(Instant.parse("2027-03-04T09:00:00Z"));
            scheduler.generateDue();
            given().auth().oauth2(TARA).get("/api/meetings/" + later + "/packets").then()
                    .body("items.trigger", hasItem("SCHEDULED"));
        } finally {
            TestClock.CLOCK.set(Instant.parse("2026-11-23T09:00:00Z"));
        }
        List<CloudEvent> generated = Fixtures.readEvents(bootstrap, "meeting.events", meeting,
                found -> found.stream().filter(e -> e.getType().equals("io.entente.PacketGenerated")).count() == 3);
        assertEquals(4, generated.size(), "MeetingScheduled and three PacketGenerated");
    }

    private void playTheOtherServices() {
        Fixtures.publish(bootstrap, "/entente/backlog-service",
                new AllianceRegistered(A, "Helix oncology co-development", "Helix Biotherapeutics", "CO_DEVELOPMENT",
                        1, "EXECUTION", 5, 4, "alex", LocalDate.of(2024, 3, 1)),
                new RiskRaised("r1-" + A, A, "Fill-finish capacity at the CMO", "SUPPLY", 4, 5, 20, "tara",
                        "Qualify a second fill-finish site", "OPEN", LocalDate.of(2026, 12, 1), true),
                new RiskRaised("r2-" + A, A, "Minor label wording", "REGULATORY", 2, 3, 6, "tara", null, "OPEN",
                        null, false),
                new RiskRaised("r3-" + A, A, "Closed assay risk", "SCIENTIFIC", 4, 4, 16, "tara", null, "OPEN",
                        null, true),
                new RiskClosed("r3-" + A, A, "assay validated"),
                new RiskRaised("r4-" + A, A, "Enrolment in EU sites behind plan", "SCIENTIFIC", 3, 3, 9, "alex",
                        "Open two more sites", "OPEN", null, false),
                new RiskScored("r4-" + A, A, 4, 4, 16, 9, true, LocalDate.of(2026, 12, 15)),
                new RiskRaised("rx-" + OTHER, OTHER, "Other alliance risk", "SUPPLY", 5, 5, 25, "nora", null, "OPEN",
                        null, true),
                new ObligationRegistered("o1-" + A, A, "Annual development report", "7.2", "REPORT", "US",
                        LocalDate.of(2026, 12, 15), 30, null),
                new ObligationRegistered("o2-" + A, A, "Milestone 3 payment", "9.1", "PAYMENT", "PARTNER",
                        LocalDate.of(2027, 6, 30), 30, null),
                new ObligationRegistered("o3-" + A, A, "Q3 steering minutes filed", "5.4", "REPORT", "JOINT",
                        LocalDate.of(2026, 12, 1), 14, null),
                new ObligationMet("o3-" + A, A, LocalDate.of(2026, 12, 1), LocalDate.of(2026, 11, 20)),
                new BacklogItemCreated("i1-" + A, A, "Prepare the JSC dashboard", null, "GOVERNANCE", "TASK", 3,
                        null, "IN_SPRINT", "a", null),
                new BacklogItemCreated("i2-" + A, A, "Draft the CMC section", null, "PROJECT_MANAGEMENT", "TASK", 5,
                        null, "IN_SPRINT", "b", null),
                new BacklogItemCreated("i3-" + A, A, "Removed item", null, "GOVERNANCE", "TASK", 2, null,
                        "READY", "c", null));
        Fixtures.publish(bootstrap, "/entente/sprint-service",
                new SprintPlanned("s0-" + A, "t1", "Governance operations", "Sprint 14", "Summer close",
                        LocalDate.of(2026, 7, 13), LocalDate.of(2026, 7, 24), 20, List.of()),
                new ItemCommittedToSprint("s0-" + A, "i1-" + A, A, 3, false),
                new SprintPlanned("s1-" + A, "t1", "Governance operations", "Sprint 22", "JSC readiness",
                        LocalDate.of(2026, 11, 16), LocalDate.of(2026, 11, 27), 20, List.of()),
                new SprintStarted("s1-" + A, "t1", Instant.parse("2026-11-16T08:00:00Z")),
                new ItemCommittedToSprint("s1-" + A, "i1-" + A, A, 3, false),
                new ItemCommittedToSprint("s1-" + A, "i2-" + A, A, 5, false),
                new ItemCommittedToSprint("s1-" + A, "i3-" + A, A, 2, false),
                new BoardItemMoved("s1-" + A, "i1-" + A, A, "IN_PROGRESS", "DONE", "tara",
                        Instant.parse("2026-11-20T10:00:00Z")),
                new ItemRemovedFromSprint("s1-" + A, "i3-" + A, A, "descoped"));
        List<Option> options = List.of(new Option("A", "Start phase 3 in Q1", "first to market", "cost"),
                new Option("B", "Wait for the biomarker read-out", "lower risk", "six months later"));
        Fixtures.publish(bootstrap, "/entente/decision-service",
                new DecisionOpened("d1-" + A, A, "Go to phase 3 in NSCLC", "Start the phase 3 programme?",
                        "Phase 2 read-out positive", options, "JSC", LocalDate.of(2026, 12, 20), 21, "alex", "sven",
                        NEGOTIATION, null),
                new DecisionRiskChanged("d1-" + A, A, "ON_TRACK", "AT_RISK", "data package late"),
                new DecisionOpened("d2-" + A, A, "Opt-in to co-commercialisation", "Opt in?", null, options, "JSC",
                        LocalDate.of(2027, 5, 1), 30, "alex", "sven", null, null),
                new DecisionOpened("d3-" + A, A, "Protocol amendment 4", "Amend?", null, options, "JDC",
                        LocalDate.of(2026, 12, 10), 10, "tara", "alex", null, null),
                new DecisionOpened("d4-" + A, A, "Budget overrun on CMC", "Fund the overrun?", null, options, "JDC",
                        LocalDate.of(2026, 12, 5), 10, "tara", "alex", null, null),
                new DecisionEscalated("d4-" + A, A, "JDC", "JSC", 1, "JDC deadlocked", LocalDate.of(2026, 12, 4)),
                new DecisionOpened("d5-" + A, A, "Already decided", "Done?", null, options, "JSC",
                        LocalDate.of(2026, 12, 1), 10, "alex", "sven", null, null),
                new DecisionDecided("d5-" + A, A, "A", "agreed", Instant.parse("2026-11-01T10:00:00Z"), "alex", null),
                new DecisionOpened("d6-" + A, A, "Select the CMO", "Which CMO?", null, options, "JSC",
                        LocalDate.of(2026, 9, 30), 14, "alex", "sven", null, null));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertEquals("4", text("select count(*) from sprint_item where alliance_id = ?1", A), "sprint items");
            assertEquals("6", text("select count(*) from decision_ref where alliance_id = ?1 and title is not null",
                    A), "decisions");
            assertEquals("JSC", text("select max(escalated_to) from decision_ref where alliance_id = ?1", A));
            assertEquals("DECIDED", text("select status from decision_ref where decision_id = ?1", "d5-" + A));
            assertEquals("16", text("select score from risk_ref where risk_id = ?1", "r4-" + A));
            assertEquals("CLOSED", text("select status from risk_ref where risk_id = ?1", "r3-" + A));
            assertEquals("MET", text("select status from obligation_ref where obligation_id = ?1", "o3-" + A));
            assertEquals("1", text("select count(*) from alliance_ref where alliance_id = ?1", A), "alliance");
            assertEquals("true", text("select removed from sprint_item where item_id = ?1", "i3-" + A));
            assertEquals("DONE", text("select board_column from sprint_item where sprint_id = ?1 and item_id = ?2",
                    "s1-" + A, "i1-" + A));
            assertEquals("3", text("select count(*) from item_ref where alliance_id = ?1", A), "items");
        });
    }

    private String text(String sql, Object... params) {
        return String.valueOf(scalar(sql, params));
    }

    private Object scalar(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            List<?> rows = query.getResultList();
            return rows.isEmpty() ? "" : rows.get(0) == null ? "" : rows.get(0);
        });
    }

    private String outcome(String meeting, String etag, String body) {
        return given().auth().oauth2(GWEN).contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .post("/api/meetings/" + meeting + "/outcomes").then().statusCode(200).extract().header("ETag");
    }

    private static String etag(String meeting) {
        return given().auth().oauth2(GWEN).get("/api/meetings/" + meeting).then().statusCode(200)
                .extract().header("ETag");
    }

    private static JsonPath json(String meeting, String version, String edition, String token) {
        return given().auth().oauth2(token).accept(ContentType.JSON)
                .get("/api/meetings/" + meeting + "/packets/" + version + "?edition=" + edition)
                .then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
    }

    private static void assertNoInternal(String text, String where) {
        for (String secret : INTERNAL_STRINGS) {
            assertFalse(text.contains(secret), secret + " leaked into the " + where);
        }
    }

    private static String pdfText(byte[] pdf, int minPages) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertTrue(document.getNumberOfPages() >= minPages, "pages: " + document.getNumberOfPages());
            return new PDFTextStripper().getText(document);
        }
    }
}
