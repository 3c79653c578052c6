package io.entente.governance.api;

import io.entente.governance.domain.Packet;
import io.entente.governance.domain.packet.Edition;
import io.entente.governance.domain.packet.Editions;
import io.entente.governance.domain.packet.PacketContent;
import io.entente.governance.domain.packet.Snapshots;

import java.util.UUID;

/** A stored packet version opened for reading in one edition. */
public record OpenedPacket(UUID packetId, int version, Edition edition, String snapshot) {

    public static OpenedPacket of(Packet packet, Edition edition) {
        return new OpenedPacket(packet.id, packet.version, edition, packet.contentJson);
    }

    /**
     * The content reduced to the edition, read from the snapshot on each call: a PDF served from the cache never
     * needs it.
     */
    public PacketContent content() {
        return Editions.content(Snapshots.read(snapshot), edition);
    }
}
