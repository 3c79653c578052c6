package io.entente.governance.domain.packet;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.entente.platform.db.JsonColumns;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads and writes a packet snapshot with the platform's stored-document mapper, except that a time keeps the offset
 * it was written with: the cover shows the meeting's start in the meeting's own zone, and a snapshot shows what was
 * sent.
 */
public final class Snapshots {

    static final ObjectMapper MAPPER = JsonColumns.mapper()
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

    private Snapshots() {
    }

    public static String write(PacketContent content) {
        try {
            return MAPPER.writeValueAsString(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PacketContent read(String json) {
        try {
            return MAPPER.readValue(json, PacketContent.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
