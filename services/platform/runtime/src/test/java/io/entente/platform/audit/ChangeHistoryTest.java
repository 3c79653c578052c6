package io.entente.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.entente.platform.audit.ChangeView.FieldChange;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ChangeHistoryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aChangeIsTheFieldsWhoseValueDiffersLeavingOutBookkeepingAndHiddenFields() throws Exception {
        JsonNode before = JSON.readTree("""
                {"title": "Prepare JSC", "owner": null, "version": 3, "internalNotes": "walk-away at 4%",
                 "tags": ["jsc"], "updatedAt": "2026-12-01T10:00:00Z"}""");
        JsonNode after = JSON.readTree("""
                {"title": "Prepare JSC Q1", "owner": "ana", "version": 4, "internalNotes": "walk-away at 5%",
                 "tags": ["jsc", "q1"], "updatedAt": "2026-12-02T10:00:00Z"}""");

        assertEquals(List.of(new FieldChange("title", "Prepare JSC", "Prepare JSC Q1"),
                        new FieldChange("owner", null, "ana"),
                        new FieldChange("tags", "jsc", "jsc, q1")),
                ChangeHistory.changes(before, after, Set.of("internalNotes")));
    }

    @Test
    void creationListsTheFieldsItWasCreatedWith() throws Exception {
        JsonNode after = JSON.readTree("{\"title\": \"Health check\", \"owner\": null, \"tags\": []}");

        assertEquals(List.of(new FieldChange("title", null, "Health check")),
                ChangeHistory.changes(null, after, Set.of()));
    }

    @Test
    void listsOfObjectsShowEachElementByItsName() throws Exception {
        JsonNode before = JSON.readTree("{\"options\": [{\"key\": \"A\", \"title\": \"Opt in\"}]}");
        JsonNode after = JSON.readTree("""
                {"options": [{"key": "A", "title": "Opt in"}, {"key": "B", "title": "Opt out"}],
                 "members": [{"company": "PARTNER", "role": "CO_CHAIR"}]}""");

        assertEquals(List.of(new FieldChange("options", "Opt in", "Opt in, Opt out"),
                        new FieldChange("members", null, "{\"company\":\"PARTNER\",\"role\":\"CO_CHAIR\"}")),
                ChangeHistory.changes(before, after, Set.of()));
    }
}
