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
import java.util.UUID;

/**
 * A meeting to schedule. {@code startsAt} is the instant (with its offset); {@code timeZone} the IANA zone the
 * meeting is held in (e.g. Europe/Zurich), in which the packet shows times. Attendees default to the body's members.
 */
public record MeetingRequest(
        @NotNull UUID bodyId,
        @Size(max = 200) String title,
        @NotNull OffsetDateTime startsAt,
        @NotBlank @Size(max = 64) String timeZone,
        @Min(15) @Max(600) Integer durationMinutes,
        @Size(max = 300) String location,
        @Size(max = 500) @Pattern(regexp = "https://\\S+", message = "must be an https:// link") String callLink,
        @Size(max = 8000) String internalBriefing,
        @Size(max = 80) List<@NotNull @Valid AttendeeRequest> attendees) {
}
