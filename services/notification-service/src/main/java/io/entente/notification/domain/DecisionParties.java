package io.entente.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Read model: the DACI of a decision, learnt from its DecisionOpened event. */
@Entity
@Table(name = "decision_parties")
public class DecisionParties extends PanacheEntityBase {

    @Id
    @Column(name = "decision_id")
    public String decisionId;
    @Column(name = "alliance_id")
    public String allianceId;
    public String title;
    public String driver;
    public String approver;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] contributors;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] informed;
}
