package io.entente.events;

import io.entente.events.backlog.BacklogItemEvent.BacklogItemCreated;
import io.entente.events.governance.MeetingEvent.ActionItemRaised;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventCatalogTest {

    @Test
    void namesTypesAndTopicsFromTheSealedFamilies() {
        assertEquals("io.entente.BacklogItemCreated", EventCatalog.typeOf(BacklogItemCreated.class));
        assertEquals("backlog-item.events", EventCatalog.topicOf(BacklogItemCreated.class));
        assertEquals("meeting.events", EventCatalog.topicOf(ActionItemRaised.class));
        assertEquals(BacklogItemCreated.class, EventCatalog.classOf("io.entente.BacklogItemCreated").orElseThrow());
    }

    @Test
    void everyEventTypeIsAPastTenseRecordWithAUniqueName() {
        assertTrue(EventCatalog.all().size() >= 30, "catalog lists " + EventCatalog.all().size());
        EventCatalog.all().values().forEach(c -> {
            assertTrue(c.isRecord(), c + " is a record");
            String name = c.getSimpleName();
            assertTrue(name.matches("[A-Z][A-Za-z]*(ed|wn|Due|Met)([A-Z][A-Za-z]*)?"),
                    name + " is named in the past tense");
        });
    }
}
