package io.entente.platform.security;

/** The realm roles Entente knows. Kept as constants so {@code @RolesAllowed} names cannot drift. */
public final class Roles {

    /** Sees and changes every alliance. */
    public static final String ADMIN = "admin";
    /** Runs alliances: registers them, changes their phase, owns decisions and registers. */
    public static final String ALLIANCE_MANAGER = "alliance-manager";
    /** A member of a specialist team: plans sprints and works the board. */
    public static final String TEAM_MEMBER = "team-member";
    /** Prepares and follows up committee meetings. */
    public static final String GOVERNANCE_OPS = "governance-ops";
    /** Our executives, project leads, legal and finance: read only, internal material included. */
    public static final String STAKEHOLDER = "stakeholder";
    /**
     * The partner company's people on the alliances they work on: they read the joint material only (every
     * {@link Internal} component is left out of what they receive) and change nothing but their own RSVPs.
     */
    public static final String PARTNER = "partner";

    private Roles() {
    }
}
