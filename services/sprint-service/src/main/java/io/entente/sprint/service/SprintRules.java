package io.entente.sprint.service;

import io.entente.platform.problem.Problems;
import io.entente.sprint.domain.Sprint;
import io.entente.sprint.domain.SprintState;
import jakarta.persistence.LockModeType;

import java.util.UUID;

/** How every sprint use case finds a sprint and what a closed sprint refuses. */
final class SprintRules {

    private SprintRules() {
    }

    static Sprint require(UUID id) {
        Sprint sprint = Sprint.findById(id);
        if (sprint == null) {
            throw Problems.notFound("sprint", id);
        }
        return sprint;
    }

    /** Changes to one sprint and its board run one at a time, so capacity and WIP checks see the latest state. */
    static Sprint lock(UUID id) {
        Sprint sprint = Sprint.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (sprint == null) {
            throw Problems.notFound("sprint", id);
        }
        return sprint;
    }

    static void requireOpen(Sprint sprint) {
        if (sprint.state == SprintState.CLOSED) {
            throw Problems.rule("sprint-closed", "sprint '" + sprint.name + "' is closed; its board no longer changes");
        }
    }
}
