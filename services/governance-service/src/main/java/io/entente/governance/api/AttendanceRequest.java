package io.entente.governance.api;

import io.entente.governance.domain.Side;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Who was there; the quorum is counted from the body's voting members marked present. */
public record AttendanceRequest(@NotNull @Size(min = 1, max = 80) List<@NotNull @Valid Entry> attendance) {

    public record Entry(@NotBlank @Size(max = 120) String name,
                        @NotBlank @Size(max = 200) String organisation,
                        @NotNull Side side,
                        @NotNull Boolean present) {
    }
}
