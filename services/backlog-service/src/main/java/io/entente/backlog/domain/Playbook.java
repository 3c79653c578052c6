package io.entente.backlog.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A template of tasks for a lifecycle phase or event; applying it turns the tasks into backlog items. */
@Entity
@Table(name = "playbook")
public class Playbook extends PanacheEntityBase {

    public static final String DECISION_PREPARATION = "decision-preparation";

    @Id
    public UUID id;

    /** Stable, human-readable handle, e.g. {@code jsc-preparation}. */
    @Column(nullable = false, unique = true)
    public String key;

    @Column(nullable = false)
    public String name;

    public String description;

    /** The phase or event the playbook serves, e.g. {@code DUE_DILIGENCE} or {@code JSC_MEETING}. */
    @Column(name = "applies_to", nullable = false)
    public String appliesTo;

    /** What the offsets count from, e.g. "meeting date". */
    @Column(name = "anchor_label", nullable = false)
    public String anchorLabel;

    @OneToMany(mappedBy = "playbook", fetch = FetchType.LAZY)
    @OrderBy("position")
    public List<PlaybookTask> tasks = new ArrayList<>();
}
