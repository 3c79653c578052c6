package io.entente.governance.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.List;

/** The whole changeable state of a meeting's logistics (reschedule, move, RSVPs); its body is fixed. */
public record MeetingUpdateRequest(
        @NotBlank @Size(max = 200) String title,
        @NotNull OffsetDateTime startsAt,
        @NotBlank @Size(max = 64) String timeZone,
        @NotNull @Min(15) @Max(600) Integer durationMinutes,
        @Size(max = 300) String location,
        @Size(max = 500) @Pattern(regexp = "https://\\S+", message = "must be an https:// link") String callLink,
        @Size(max = 8000) String internalBriefing,
        @NotNull @Size(max = 80) List<@NotNull @Valid AttendeeRequest> attendees) {
}
