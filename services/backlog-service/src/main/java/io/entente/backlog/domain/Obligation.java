package io.entente.backlog.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A duty from an alliance contract clause, owed by us, the partner or both. */
@Entity
@Table(name = "obligation")
public class Obligation extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "alliance_id", nullable = false)
    public String allianceId;

    @Column(nullable = false)
    public String title;

    @Column(name = "clause_ref", nullable = false)
    public String clauseRef;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ObligationKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "owed_by", nullable = false)
    public OwedBy owedBy;

    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Recurrence recurrence;

    @Column(name = "lead_time_days", nullable = false)
    public int leadTimeDays;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ObligationStatus status;

    /** The backlog item opened for the current occurrence. */
    @Column(name = "item_id")
    public UUID itemId;

    @Column(name = "met_on")
    public LocalDate metOn;

    /** Every occurrence met so far, oldest first (a recurring obligation's row shows only the current one). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<ObligationOccurrence> occurrences = new ArrayList<>();

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public LocalDate windowOpens() {
        return ObligationRules.windowOpens(dueDate, leadTimeDays);
    }

    /** Whether today the preparation window is open and its backlog item not yet created. */
    public boolean windowOpenOn(LocalDate today) {
        return ObligationRules.windowOpen(status, dueDate, leadTimeDays, today);
    }

    public boolean missedBy(LocalDate today) {
        return ObligationRules.missed(status, dueDate, today);
    }

    /** The window opened: {@code item} is the backlog item that prepares this occurrence. */
    public void openWindow(UUID item, Instant now) {
        status = ObligationStatus.DUE;
        itemId = item;
        updatedAt = now;
    }

    public void miss(Instant now) {
        status = ObligationStatus.MISSED;
        updatedAt = now;
    }

    /**
     * Fulfilled on {@code on}. A recurring obligation rolls to its next due date (a new occurrence, UPCOMING, with no
     * item yet); true when it did.
     */
    public boolean meet(LocalDate on, Instant now) {
        LocalDate next = recurrence.next(dueDate);
        List<ObligationOccurrence> met = new ArrayList<>(occurrences);
        met.add(new ObligationOccurrence(dueDate, on));
        occurrences = met;
        metOn = on;
        if (next == null) {
            status = ObligationStatus.MET;
        } else {
            dueDate = next;
            status = ObligationStatus.UPCOMING;
            itemId = null;
        }
        updatedAt = now;
        return next != null;
    }
}
