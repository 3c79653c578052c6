package io.entente.governance.domain;

import io.entente.governance.domain.packet.PacketContent;
import io.entente.governance.domain.packet.Snapshots;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One generated version of a meeting's prep packet. The snapshot is frozen at generation time, so what was sent
 * can always be shown again and compared with a later version.
 */
@Entity
@Table(name = "packet")
public class Packet extends PanacheEntityBase {

    public enum Trigger { ON_DEMAND, SCHEDULED }

    @Id
    public UUID id;

    @Column(name = "meeting_id", nullable = false)
    public UUID meetingId;

    @Column(name = "alliance_id", nullable = false)
    public String allianceId;

    public int version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Trigger trigger;

    @Column(name = "generated_at", nullable = false)
    public Instant generatedAt;

    @Column(name = "generated_by", nullable = false)
    public String generatedBy;

    /**
     * The internal edition's content; the partner edition is derived from it by dropping internal fields. It stays
     * text rather than jsonb: the snapshot is kept exactly as it was generated (jsonb would reorder and reformat
     * it), and its times keep the offset of the meeting's zone, which the shared JSON-column mapper would turn into
     * UTC when reading it back.
     */
    @Column(name = "content_json", nullable = false)
    public String contentJson;

    public PacketContent content() {
        return Snapshots.read(contentJson);
    }

    public void content(PacketContent content) {
        contentJson = Snapshots.write(content);
    }
}
