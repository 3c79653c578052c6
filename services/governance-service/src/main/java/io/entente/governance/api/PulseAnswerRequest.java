package io.entente.governance.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** One attendee's answer: every question scored 1 (poor) to 5 (excellent), and an optional comment. */
public record PulseAnswerRequest(@NotNull @Min(1) @Max(5) Integer preparation,
                                 @NotNull @Min(1) @Max(5) Integer decisionQuality,
                                 @NotNull @Min(1) @Max(5) Integer oneTeam,
                                 @NotNull @Min(1) @Max(5) Integer recommend,
                                 @Size(max = PulseAnswerRequest.MAX_COMMENT) String comment) {

    public static final int MAX_COMMENT = 2000;
}
