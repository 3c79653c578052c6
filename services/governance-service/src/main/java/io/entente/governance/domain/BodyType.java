package io.entente.governance.domain;

/** Committees an alliance contract sets up; names as in {@code MeetingScheduled.bodyType}. */
public enum BodyType {
    JSC("Joint Steering Committee"),
    JDC("Joint Development Committee"),
    JCC("Joint Commercialisation Committee"),
    FINANCE("Finance Committee"),
    EXECUTIVE_SPONSORS("Executive Sponsors");

    /**
     * Whether the partner company sits on it: the joint committees and their subcommittees do. Our executive sponsors
     * are the top of our side's escalation ladder, an internal body, so its meetings never reach a partner.
     */
    public boolean joint() {
        return this != EXECUTIVE_SPONSORS;
    }

    private final String title;

    BodyType(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
