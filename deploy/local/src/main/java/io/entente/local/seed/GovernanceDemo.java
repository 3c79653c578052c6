package io.entente.local.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * Committees and meetings for the five demo alliances. ONC-HELIX gets a quarterly JSC and a monthly JDC with members
 * from Helix Biotherapeutics and us, a JSC next week whose agenda is drafted from what is due and whose packet is
 * generated, and a JDC held twelve days ago with approved minutes and open action items. The other alliances get
 * the bodies their tier calls for and a JSC meeting next week; the scheduled job generates those packets a week
 * ahead.
 */
public final class GovernanceDemo {

    private GovernanceDemo() {
    }

    record Person(String name, String side, String role) {
    }

    /** @param partnerChair the partner company's co-chair, who has a demo login (PARTNER_USERS) */
    record AllianceBodies(String key, String partner, String partnerChair, String zone, int jscInDays,
                          List<String> types, List<String> cadences) {
    }

    static final String US = "Entente Bio";

    static final List<AllianceBodies> OTHERS = List.of(
            new AllianceBodies("CMB-NORVANE", "Norvane Pharma", "Dr. Robin Keller", "America/New_York", 8,
                    List.of("JSC", "JDC"), List.of("SEMI_ANNUAL", "QUARTERLY")),
            new AllianceBodies("CDX-QUANTIA", "Quantia Diagnostics", "Dr. Lena Brandt", "Europe/London", 9,
                    List.of("JSC", "JDC"), List.of("SEMI_ANNUAL", "QUARTERLY")),
            new AllianceBodies("DTX-ASTER", "Aster Digital Health", "Kai Nakamura", "Europe/Berlin", 10,
                    List.of("JSC"), List.of("ANNUAL")),
            new AllianceBodies("LIC-CORVID", "Corvid Biologics", "Ruth Delgado", "America/Chicago", 11,
                    List.of("JSC"), List.of("ANNUAL")));

    /**
     * The partner people who have a demo login (deploy/keycloak/entente-realm.json), by the name the committees list
     * them under: their attendee entries carry the username, which is how a partner's own RSVP and action items are
     * found. RealmFileTest keeps these in line with the realm's partner users.
     */
    public static final Map<String, String> PARTNER_USERS = Map.of(
            "Dr. Priya Natarajan", "priya",
            "Dr. Robin Keller", "robin",
            "Dr. Lena Brandt", "lena",
            "Kai Nakamura", "kai",
            "Ruth Delgado", "ruth");

    public static void seed(SeedClient client) {
        String jsc = body(client, "ONC-HELIX", "JSC", "QUARTERLY", "Helix Biotherapeutics", 4,
                "Strategy, phase transitions, budgets above EUR 5m, co-commercialisation opt-in",
                List.of(new Person("Dr. Maria Lindqvist", "US", "CO_CHAIR"),
                        new Person("Dr. James Okafor", "PARTNER", "CO_CHAIR"),
                        new Person("Alex Moreau", "US", "MEMBER"),
                        new Person("Dr. Priya Natarajan", "PARTNER", "MEMBER"),
                        new Person("Sven Aalto", "US", "MEMBER"),
                        new Person("Dr. Hannah Weiss", "PARTNER", "MEMBER"),
                        new Person("Gwen Harper", "US", "SECRETARY")));
        String jdc = body(client, "ONC-HELIX", "JDC", "MONTHLY", "Helix Biotherapeutics", 3,
                "Development plan, protocols and amendments, the annual development budget",
                List.of(new Person("Tara Singh", "US", "CO_CHAIR"),
                        new Person("Dr. Luis Ortega", "PARTNER", "CO_CHAIR"),
                        new Person("Alex Moreau", "US", "MEMBER"),
                        new Person("Dr. Mei Chen", "PARTNER", "MEMBER"),
                        new Person("Gwen Harper", "US", "SECRETARY")));
        client.ids.put("body:ONC-HELIX:JSC", jsc);
        client.ids.put("body:ONC-HELIX:JDC", jdc);

        pastJdc(client, jdc);
        pastJsc(client, jsc);
        meeting(client, jdc, "JDC " + client.today().plusDays(18), client.today().plusDays(18), 14,
                "Europe/Zurich", "Video call", null);
        nextJsc(client, jsc);

        for (AllianceBodies alliance : OTHERS) {
            String jscId = null;
            for (int i = 0; i < alliance.types().size(); i++) {
                String type = alliance.types().get(i);
                String id = body(client, alliance.key(), type, alliance.cadences().get(i), alliance.partner(), 2,
                        type.equals("JSC") ? "Strategy, budget and alliance health" : "Development plan and protocols",
                        List.of(new Person(type.equals("JSC") ? "Dr. Maria Lindqvist" : "Tara Singh", "US",
                                        "CO_CHAIR"),
                                new Person(alliance.partnerChair(), "PARTNER", "CO_CHAIR"),
                                new Person("Alex Moreau", "US", "MEMBER"),
                                new Person("Dr. Sam Ito", "PARTNER", "MEMBER"),
                                new Person("Gwen Harper", "US", "SECRETARY")));
                client.ids.put("body:" + alliance.key() + ":" + type, id);
                if (type.equals("JSC")) {
                    jscId = id;
                }
            }
            LocalDate date = client.today().plusDays(alliance.jscInDays());
            JsonNode meeting = meeting(client, jscId, "JSC " + date, date, 15, alliance.zone(),
                    "Video call", "https://meet.entente.example/" + alliance.key().toLowerCase());
            draftAgenda(client, meeting, null);
        }
    }

    private static void nextJsc(SeedClient client, String jsc) {
        LocalDate date = client.today().plusDays(7);
        JsonNode meeting = meeting(client, jsc, "JSC Q" + ((date.getMonthValue() - 1) / 3 + 1) + " " + date.getYear(),
                date, 10, "Europe/Zurich", "Helix Biotherapeutics, Basel, Room Rhein",
                "https://meet.entente.example/onc-helix-jsc",
                "Helix's new CFO wants the 60/40 budget split reopened; we hold at 60/40 until the dose is decided.");
        String id = meeting.path("id").asText();
        client.ids.put("meeting:ONC-HELIX:JSC-next", id);
        JsonNode drafted = draftAgenda(client, meeting, client.ids.get("decision:ONC-HELIX:1"));
        // The secretary adds our preparation note to the dose decision: it appears in the internal edition only.
        String doseDecision = client.ids.get("decision:ONC-HELIX:1");
        ArrayNode items = drafted.path("agenda").deepCopy();
        for (JsonNode item : items) {
            if (doseDecision != null && doseDecision.equals(item.path("decisionId").asText())) {
                ((ObjectNode) item).put("internalNote",
                        "Open with the efficacy gain; concede the liver-safety study only if Helix funds it.");
            }
        }
        ObjectNode agenda = client.object();
        agenda.set("items", items);
        client.put(SeedClient.GOVERNANCE, "/api/meetings/" + id + "/agenda", agenda, drafted.path("_etag").asText());
        client.post(SeedClient.GOVERNANCE, "/api/meetings/" + id + "/packets", null);
    }

    private static void pastJdc(SeedClient client, String jdc) {
        LocalDate date = client.today().minusDays(12);
        JsonNode meeting = meeting(client, jdc, "JDC " + date, date, 14, "Europe/Zurich",
                "Helix Biotherapeutics, Basel", null);
        String id = meeting.path("id").asText();
        client.ids.put("meeting:ONC-HELIX:JDC-past", id);
        ObjectNode agenda = client.object();
        ArrayNode items = agenda.putArray("items");
        agendaItem(items, "opening", "Opening", "Welcome, quorum and adoption of the agenda", "Tara Singh", 10,
                "INFORMATION");
        agendaItem(items, "enrolment", "Progress", "Phase 2b enrolment and data cleaning", "Dr. Luis Ortega", 25,
                "DISCUSSION");
        agendaItem(items, "cmc", "Progress", "CMC scale-up and fill-finish capacity", "Dr. Mei Chen", 20,
                "DISCUSSION");
        agendaItem(items, "aob", "Close", "Any other business and date of the next meeting", "Tara Singh", 5,
                "INFORMATION");
        JsonNode current = client.put(SeedClient.GOVERNANCE, "/api/meetings/" + id + "/agenda", agenda,
                meeting.path("_etag").asText());

        ObjectNode attendance = client.object();
        ArrayNode present = attendance.putArray("attendance");
        for (String[] p : new String[][]{{"Tara Singh", US, "US", "true"},
                {"Dr. Luis Ortega", "Helix Biotherapeutics", "PARTNER", "true"},
                {"Alex Moreau", US, "US", "true"}, {"Dr. Mei Chen", "Helix Biotherapeutics", "PARTNER", "true"},
                {"Gwen Harper", US, "US", "true"}}) {
            present.addObject().put("name", p[0]).put("organisation", p[1]).put("side", p[2])
                    .put("present", Boolean.parseBoolean(p[3]));
        }
        current = client.put(SeedClient.GOVERNANCE, "/api/meetings/" + id + "/attendance", attendance,
                current.path("_etag").asText());

        current = outcome(client, id, current, client.object().put("agendaItemId", "enrolment")
                .put("type", "INFORMATION_NOTED")
                .put("notes", "Enrolment at 92% of plan; database lock expected six weeks from now."));
        current = outcome(client, id, current, client.object().put("agendaItemId", "enrolment")
                .put("type", "ACTION_ITEM").put("actionTitle", "Circulate the phase 2b topline slide deck to both "
                        + "JSC co-chairs").put("owner", "alex")
                .put("dueDate", client.today().plusDays(4).toString()));
        current = outcome(client, id, current, client.object().put("agendaItemId", "cmc")
                .put("type", "ACTION_ITEM").put("actionTitle", "Propose a second fill-finish site with cost "
                        + "estimate").put("owner", "Dr. Mei Chen")
                .put("dueDate", client.today().plusDays(10).toString()));
        // Helix's JSC member owns two actions, so that her home page has something to close.
        current = outcome(client, id, current, client.object().put("agendaItemId", "enrolment")
                .put("type", "ACTION_ITEM").put("actionTitle", "Share the Helix site feasibility survey for the "
                        + "phase 3 countries").put("owner", "priya")
                .put("dueDate", client.today().plusDays(6).toString()));
        current = outcome(client, id, current, client.object().put("agendaItemId", "aob")
                .put("type", "ACTION_ITEM").put("actionTitle", "Confirm the Helix attendees for the next JSC")
                .put("owner", "priya").put("dueDate", client.today().plusDays(5).toString()));
        current = outcome(client, id, current, client.object().put("agendaItemId", "cmc")
                .put("type", "ACTION_ITEM").put("actionTitle", "Update the CMC risk in the alliance register")
                .put("owner", "tara").put("dueDate", client.today().plusDays(2).toString()));
        client.post(SeedClient.GOVERNANCE, "/api/meetings/" + id + "/minutes/approval", null,
                current.path("_etag").asText());
    }

    /**
     * A JSC held three weeks ago with approved minutes: approving them sends every attendee a pulse-survey link, so
     * Helix's JSC member finds "Give feedback on this meeting" on it.
     */
    private static void pastJsc(SeedClient client, String jsc) {
        LocalDate date = client.today().minusDays(21);
        JsonNode meeting = meeting(client, jsc, "JSC " + date, date, 10, "Europe/Zurich",
                "Entente Bio, Zurich", null);
        String id = meeting.path("id").asText();
        client.ids.put("meeting:ONC-HELIX:JSC-past", id);
        ObjectNode agenda = client.object();
        ArrayNode items = agenda.putArray("items");
        agendaItem(items, "progress", "Progress", "Phase 2b progress and the dose-selection timeline",
                "Dr. Maria Lindqvist", 45, "DISCUSSION");
        JsonNode current = client.put(SeedClient.GOVERNANCE, "/api/meetings/" + id + "/agenda", agenda,
                meeting.path("_etag").asText());
        ObjectNode attendance = client.object();
        ArrayNode present = attendance.putArray("attendance");
        for (JsonNode attendee : meeting.path("attendees")) {
            present.addObject().put("name", attendee.path("name").asText())
                    .put("organisation", attendee.path("organisation").asText())
                    .put("side", attendee.path("side").asText()).put("present", true);
        }
        current = client.put(SeedClient.GOVERNANCE, "/api/meetings/" + id + "/attendance", attendance,
                current.path("_etag").asText());
        current = outcome(client, id, current, client.object().put("agendaItemId", "progress")
                .put("type", "INFORMATION_NOTED")
                .put("notes", "Both companies confirmed the dose-selection timeline for the next JSC."));
        client.post(SeedClient.GOVERNANCE, "/api/meetings/" + id + "/minutes/approval", null,
                current.path("_etag").asText());
    }

    private static JsonNode outcome(SeedClient client, String meetingId, JsonNode current, ObjectNode outcome) {
        return client.post(SeedClient.GOVERNANCE, "/api/meetings/" + meetingId + "/outcomes", outcome,
                current.path("_etag").asText());
    }

    private static void agendaItem(ArrayNode items, String id, String section, String title, String presenter,
                                   int minutes, String purpose) {
        items.addObject().put("id", id).put("section", section).put("title", title).put("presenter", presenter)
                .put("durationMinutes", minutes).put("purpose", purpose);
    }

    private static String body(SeedClient client, String alliance, String type, String cadence, String partner,
                               int quorum, String decisionRights, List<Person> members) {
        ObjectNode body = client.object().put("allianceId", alliance).put("type", type).put("quorum", quorum)
                .put("cadence", cadence).put("decisionRights", decisionRights);
        ArrayNode list = body.putArray("members");
        for (Person person : members) {
            list.addObject().put("name", person.name())
                    .put("organisation", person.side().equals("US") ? US : partner)
                    .put("side", person.side()).put("role", person.role());
        }
        return client.post(SeedClient.GOVERNANCE, "/api/governance-bodies", body).path("id").asText();
    }

    private static JsonNode meeting(SeedClient client, String bodyId, String title, LocalDate date, int hour,
                                    String zone, String location, String callLink) {
        return meeting(client, bodyId, title, date, hour, zone, location, callLink, null);
    }

    private static JsonNode meeting(SeedClient client, String bodyId, String title, LocalDate date, int hour,
                                    String zone, String location, String callLink, String internalBriefing) {
        ObjectNode request = client.object().put("bodyId", bodyId).put("title", title)
                .put("startsAt", ZonedDateTime.of(date, LocalTime.of(hour, 0), ZoneId.of(zone)).toOffsetDateTime()
                        .toString())
                .put("timeZone", zone).put("durationMinutes", 180).put("location", location);
        if (callLink != null) {
            request.put("callLink", callLink);
        }
        if (internalBriefing != null) {
            request.put("internalBriefing", internalBriefing);
        }
        request.set("attendees", invitees(client, bodyId));
        return client.post(SeedClient.GOVERNANCE, "/api/meetings", request);
    }

    /**
     * The body's members, as the service would invite them, with the username of each partner person who has a
     * login: that is what lets them answer the invitation themselves and find the meeting on their home page.
     */
    private static ArrayNode invitees(SeedClient client, String bodyId) {
        ArrayNode attendees = client.object().arrayNode();
        for (JsonNode member : client.get(SeedClient.GOVERNANCE, "/api/governance-bodies/" + bodyId)
                .path("members")) {
            ObjectNode attendee = attendees.addObject().put("name", member.path("name").asText())
                    .put("organisation", member.path("organisation").asText())
                    .put("side", member.path("side").asText());
            if (member.hasNonNull("email")) {
                attendee.put("email", member.path("email").asText());
            }
            String user = PARTNER_USERS.get(member.path("name").asText());
            if (user != null) {
                attendee.put("user", user);
            }
        }
        return attendees;
    }

    /**
     * Drafts the agenda from what is due. Decisions reach the governance service as events a moment after the
     * decision demo created them, so when one is expected the draft is repeated until it is on the agenda.
     */
    private static JsonNode draftAgenda(SeedClient client, JsonNode meeting, String expectedDecision) {
        String path = "/api/meetings/" + meeting.path("id").asText() + "/agenda/draft";
        JsonNode drafted = client.post(SeedClient.GOVERNANCE, path, null, meeting.path("_etag").asText());
        for (int attempt = 0; expectedDecision != null && attempt < 40
                && !drafted.path("agenda").toString().contains(expectedDecision); attempt++) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            drafted = client.post(SeedClient.GOVERNANCE, path, null, drafted.path("_etag").asText());
        }
        return drafted;
    }
}
