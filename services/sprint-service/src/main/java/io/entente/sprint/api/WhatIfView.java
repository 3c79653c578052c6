package io.entente.sprint.api;

import java.util.List;

/**
 * The workload before and after the changes, and every load that moved.
 *
 * @param changedLoads managers and teams whose load differs, with both figures
 */
public record WhatIfView(WorkloadView before, WorkloadView after, List<LoadChange> changedLoads) {

    /** @param subject MANAGER or TEAM */
    public record LoadChange(String subject, String id, String name, double demandHoursBefore,
                             double demandHoursAfter, int loadPercentBefore, int loadPercentAfter) {
    }
}
