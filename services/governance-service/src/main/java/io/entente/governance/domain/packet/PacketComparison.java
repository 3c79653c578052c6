package io.entente.governance.domain.packet;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** What changed between two packet versions, entry by entry in each section. */
public final class PacketComparison {

    /** Volatile by nature: every version has its own number and time, which is no news to a reader. */
    private static final java.util.Set<String> COVER_NOISE = java.util.Set.of("version", "generatedAt");

    public record Change(String key, List<String> fields) {
    }

    public record SectionDiff(String section, List<String> added, List<String> removed, List<Change> changed) {
        public boolean isEmpty() {
            return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
        }
    }

    private PacketComparison() {
    }

    /** Compares two edition trees (see {@link Editions#tree}); sections without change are left out. */
    public static List<SectionDiff> compare(JsonNode from, JsonNode to) {
        List<SectionDiff> diffs = new ArrayList<>();
        TreeSet<String> sections = new TreeSet<>();
        from.fieldNames().forEachRemaining(sections::add);
        to.fieldNames().forEachRemaining(sections::add);
        for (String section : sections) {
            Map<String, JsonNode> before = entries(section, from.get(section));
            Map<String, JsonNode> after = entries(section, to.get(section));
            List<String> added = new ArrayList<>();
            List<String> removed = new ArrayList<>();
            List<Change> changed = new ArrayList<>();
            for (Map.Entry<String, JsonNode> entry : after.entrySet()) {
                JsonNode old = before.get(entry.getKey());
                if (old == null) {
                    added.add(entry.getKey());
                } else {
                    List<String> fields = changedFields(section, old, entry.getValue());
                    if (!fields.isEmpty()) {
                        changed.add(new Change(entry.getKey(), fields));
                    }
                }
            }
            for (String key : before.keySet()) {
                if (!after.containsKey(key)) {
                    removed.add(key);
                }
            }
            SectionDiff diff = new SectionDiff(section, added, removed, changed);
            if (!diff.isEmpty()) {
                diffs.add(diff);
            }
        }
        return diffs;
    }

    private static Map<String, JsonNode> entries(String section, JsonNode node) {
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        if (node == null || node.isNull() || node.isMissingNode()) {
            return entries;
        }
        String keyField = PacketContent.SECTION_KEYS.get(section);
        if (node.isArray() && keyField != null) {
            for (JsonNode entry : node) {
                entries.put(entry.path(keyField).asText(), entry);
            }
        } else if (node.isObject() && node.has("meetingId") && !"cover".equals(section)) {
            entries.put(node.get("meetingId").asText(), node);
        } else {
            entries.put(section, node);
        }
        return entries;
    }

    private static List<String> changedFields(String section, JsonNode before, JsonNode after) {
        if (!before.isObject() || !after.isObject()) {
            return Objects.equals(before, after) ? List.of() : List.of("value");
        }
        TreeSet<String> names = new TreeSet<>();
        before.fieldNames().forEachRemaining(names::add);
        after.fieldNames().forEachRemaining(names::add);
        List<String> fields = new ArrayList<>();
        for (Iterator<String> it = names.iterator(); it.hasNext(); ) {
            String name = it.next();
            if ("cover".equals(section) && COVER_NOISE.contains(name)) {
                continue;
            }
            if (!Objects.equals(before.get(name), after.get(name))) {
                fields.add(name);
            }
        }
        return fields;
    }
}
