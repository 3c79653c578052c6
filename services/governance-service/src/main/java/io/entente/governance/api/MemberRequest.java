package io.entente.governance.api;

import io.entente.governance.domain.MemberRole;
import io.entente.governance.domain.Side;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record MemberRequest(@NotBlank @Size(max = 120) String name,
                            @NotBlank @Size(max = 200) String organisation,
                            @NotNull Side side,
                            @NotNull MemberRole role,
                            @Email @Size(max = 200) String email) {
}
