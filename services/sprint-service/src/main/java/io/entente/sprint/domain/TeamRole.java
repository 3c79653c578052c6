package io.entente.sprint.domain;

/** A person's part on a specialist team; every role may plan and work the team's board. */
public enum TeamRole {
    LEAD, MEMBER, PRODUCT_OWNER
}
