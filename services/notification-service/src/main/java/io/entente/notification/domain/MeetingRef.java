package io.entente.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Read model: a meeting's title, learnt from MeetingScheduled, so that packet and minutes notifications name it. */
@Entity
@Table(name = "meeting_ref")
public class MeetingRef extends PanacheEntityBase {

    @Id
    @Column(name = "meeting_id")
    public String meetingId;
    @Column(name = "alliance_id")
    public String allianceId;
    public String title;
}
