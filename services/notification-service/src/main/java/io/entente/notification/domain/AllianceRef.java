package io.entente.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Read model: an alliance's manager, learnt from AllianceRegistered and AllianceUpdated. */
@Entity
@Table(name = "alliance_ref")
public class AllianceRef extends PanacheEntityBase {

    @Id
    @Column(name = "alliance_id")
    public String allianceId;
    public String manager;
}
