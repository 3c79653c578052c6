package io.entente.backlog.api;

import jakarta.validation.constraints.AssertTrue;

import java.util.UUID;

/** Move an item directly above or directly below another one: exactly one of the two. */
public record RankRequest(UUID above, UUID below) {

    @AssertTrue(message = "name exactly one of above and below")
    public boolean isExactlyOne() {
        return (above == null) != (below == null);
    }
}
