package io.entente.governance.domain;

public record Attendance(String name, String organisation, Side side, boolean present) {
}
