package io.entente.governance;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.entente.events.DomainEvent;
import io.entente.platform.testing.TestEvents;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** What the tests of this module share: fresh alliance keys, other services' events, Kafka reads, bodies. */
final class Fixtures {

    private Fixtures() {
    }

    /** A fresh alliance key per test class, so classes sharing the database never see each other's data. */
    static String allianceKey(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
    }

    static void publish(String bootstrap, String source, DomainEvent... events) {
        try (TestEvents publisher = new TestEvents(bootstrap, source)) {
            for (DomainEvent event : events) {
                publisher.publish(event);
            }
        }
    }

    static String members() {
        return """
                [{"name":"Dr. Ana Ruiz","organisation":"Entente Bio","side":"US","role":"CO_CHAIR"},
                 {"name":"Dr. Ben Okafor","organisation":"Helix Biotherapeutics","side":"PARTNER","role":"CO_CHAIR"},
                 {"name":"Cy Tan","organisation":"Entente Bio","side":"US","role":"MEMBER"},
                 {"name":"Dee Holm","organisation":"Helix Biotherapeutics","side":"PARTNER","role":"MEMBER"},
                 {"name":"Gwen Park","organisation":"Entente Bio","side":"US","role":"SECRETARY"}]""";
    }

    static String body(String alliance, String type, String cadence) {
        return """
                {"allianceId":"%s","type":"%s","quorum":3,%s"decisionRights":"Development plan and budget",
                 "members":%s}""".formatted(alliance, type, cadence == null ? "" : "\"cadence\":\"" + cadence + "\",",
                members());
    }

    static Response createBody(String token, String alliance, String type, String cadence) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body(alliance, type, cadence))
                .when().post("/api/governance-bodies");
    }

    static String meeting(String bodyId, String title, String startsAt, String zone) {
        return """
                {"bodyId":"%s","title":"%s","startsAt":"%s","timeZone":"%s","durationMinutes":150,
                 "location":"Basel, Helix HQ","callLink":"https://meet.example.com/jsc"}"""
                .formatted(bodyId, title, startsAt, zone);
    }

    static String attendanceAllPresent() {
        return """
                {"attendance":[{"name":"Dr. Ana Ruiz","organisation":"Entente Bio","side":"US","present":true},
                 {"name":"Dr. Ben Okafor","organisation":"Helix Biotherapeutics","side":"PARTNER","present":true},
                 {"name":"Cy Tan","organisation":"Entente Bio","side":"US","present":true},
                 {"name":"Dee Holm","organisation":"Helix Biotherapeutics","side":"PARTNER","present":false}]}""";
    }

    static String id(Response response) {
        String location = response.header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** The events on a topic with the given key, read from the start with a fresh group. */
    static List<CloudEvent> readEvents(String bootstrap, String topic, String key, Predicate<List<CloudEvent>> done) {
        Map<String, Object> config = Map.of("bootstrap.servers", bootstrap, "group.id", "test-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest");
        try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new CloudEventDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<CloudEvent> found = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, CloudEvent> r : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(r.key())) {
                        found.add(r.value());
                    }
                }
                return done.test(found);
            });
            return found;
        }
    }

    static String data(CloudEvent event) {
        return new String(event.getData().toBytes(), StandardCharsets.UTF_8);
    }

    /**
     * A held meeting of the body with the given attendees (JSON objects), agenda, attendance and an outcome, whose
     * minutes are approved: every attendee has a pulse-survey link.
     */
    static String approvedMeeting(String admin, String bodyId, String title, List<String> attendees) {
        String meeting = id(EndpointAccessTest.send(admin, "POST", "/api/meetings", null,
                meeting(bodyId, title, "2026-11-10T09:00:00+01:00", "Europe/Zurich"), 201));
        EndpointAccessTest.send(admin, "PUT", "/api/meetings/" + meeting, "\"0\"", """
                {"title":"%s","startsAt":"2026-11-10T09:00:00+01:00","timeZone":"Europe/Zurich",
                 "durationMinutes":120,"location":"Basel","internalBriefing":"Pulse briefing","attendees":[%s]}"""
                .formatted(title, String.join(",", attendees)), 200);
        EndpointAccessTest.send(admin, "PUT", "/api/meetings/" + meeting + "/agenda", "\"1\"",
                EndpointAccessTest.AGENDA, 200);
        EndpointAccessTest.send(admin, "PUT", "/api/meetings/" + meeting + "/attendance", "\"2\"",
                attendanceAllPresent(), 200);
        EndpointAccessTest.send(admin, "POST", "/api/meetings/" + meeting + "/outcomes", "\"3\"",
                "{\"agendaItemId\":\"item-1\",\"type\":\"INFORMATION_NOTED\",\"notes\":\"Noted\"}", 200);
        EndpointAccessTest.send(admin, "POST", "/api/meetings/" + meeting + "/minutes/approval", "\"4\"", null, 200);
        return meeting;
    }

    /** An attendee with a login, as the meeting's JSON lists them. */
    static String attendee(String user, String organisation, String side) {
        return """
                {"name":"Person %s","organisation":"%s","side":"%s","email":"%s@example.com","user":"%s"}"""
                .formatted(user, organisation, side, user, user).strip();
    }
}
