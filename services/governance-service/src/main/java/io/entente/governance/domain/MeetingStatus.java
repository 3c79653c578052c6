package io.entente.governance.domain;

/** A meeting is scheduled until its minutes are approved; approved minutes are a record and never change. */
public enum MeetingStatus {
    SCHEDULED, MINUTES_APPROVED
}
