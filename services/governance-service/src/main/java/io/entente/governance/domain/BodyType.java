package io.entente.governance.domain;

/** Committees an alliance contract sets up; names as in {@code MeetingScheduled.bodyType}. */
public enum BodyType {
    JSC("Joint Steering Committee"),
    JDC("Joint Development Committee"),
    JCC("Joint Commercialisation Committee"),
    FINANCE("Finance Committee"),
    EXECUTIVE_SPONSORS("Executive Sponsors");

    private final String title;

    BodyType(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
