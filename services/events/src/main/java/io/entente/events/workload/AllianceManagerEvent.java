package io.entente.events.workload;

import io.entente.events.Aggregate;
import io.entente.events.DomainEvent;

/**
 * An alliance manager's capacity for alliance work. Aggregate id = the manager's user id. A manager spans alliances,
 * so the events carry no alliance id.
 */
@Aggregate("alliance-manager")
public sealed interface AllianceManagerEvent extends DomainEvent
        permits AllianceManagerEvent.ManagerCapacityChanged {

    String managerId();

    @Override
    default String aggregateId() {
        return managerId();
    }

    @Override
    default String allianceId() {
        return null;
    }

    record ManagerCapacityChanged(String managerId, int hoursPerMonth) implements AllianceManagerEvent {
    }
}
