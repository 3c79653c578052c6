package io.entente.governance.domain.packet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.entente.platform.security.PartnerEdition;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Produces an edition of a packet from its stored snapshot. The partner edition goes through a serialiser that
 * does not see {@link io.entente.platform.security.Internal} components at all (the platform's one way, the
 * same that cuts every JSON answer to a partner), so an internal field cannot leak by being forgotten in a
 * template or a mapping.
 */
public final class Editions {

    private static final ObjectMapper PARTNER = PartnerEdition.mapper(Snapshots.MAPPER);

    private Editions() {
    }

    /** The edition's JSON tree. */
    public static JsonNode tree(PacketContent content, Edition edition) {
        return edition == Edition.PARTNER ? PARTNER.valueToTree(forPartner(content))
                : Snapshots.MAPPER.valueToTree(content);
    }

    public static String json(PacketContent content, Edition edition) {
        try {
            return edition == Edition.PARTNER ? PARTNER.writeValueAsString(forPartner(content))
                    : Snapshots.MAPPER.writeValueAsString(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The content as the edition's reader may see it: for the partner, every internal component is null. */
    public static PacketContent content(PacketContent content, Edition edition) {
        if (edition == Edition.INTERNAL) {
            return content;
        }
        return Snapshots.read(json(content, Edition.PARTNER));
    }

    /**
     * Minutes bind both companies only once approved; a draft is still our working text, so the partner edition
     * leaves it out (a rule about a value, which a field classification cannot say).
     */
    private static PacketContent forPartner(PacketContent c) {
        if (c.lastMinutes() == null || c.lastMinutes().approved()) {
            return c;
        }
        return new PacketContent(c.cover(), c.agenda(), c.decisions(), c.escalations(), c.progress(), c.risks(),
                c.obligations(), c.actionItems(), null, c.internalBriefing(), c.health());
    }
}
