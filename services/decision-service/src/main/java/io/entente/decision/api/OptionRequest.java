package io.entente.decision.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An option put to the decision makers; its key is how proposals, outcomes and minutes refer to it. */
public record OptionRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,40}", message = "must be 1-40 letters, digits, '_' or '-'")
        String key,
        @NotBlank @Size(max = 200) String title,
        @Size(max = 4000) String pros,
        @Size(max = 4000) String cons) {
}
