package io.entente.governance.rest;

import io.entente.governance.api.PulseAnswerRequest;
import io.entente.governance.api.PulseAnswered;
import io.entente.governance.api.PulseSurveyView;
import io.entente.governance.config.PulseConfig;
import io.entente.governance.service.PulseSurveys;
import io.entente.platform.problem.ProblemException;
import io.entente.platform.security.TokenBuckets;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The survey behind a personal pulse link. Respondents have no login (half of them work for the partner), so the
 * signed token in the path is the credential, like the calendar feed's secret; it is public in the HTTP security
 * policy and nowhere else. Posts are limited per link and per client address before anything is read or stored.
 */
@Path("/pulse")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Pulse survey")
public class PulseResource {

    private static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final double SECONDS_PER_MINUTE = 60d;

    private final PulseSurveys surveys;
    private final TokenBuckets perLink;
    private final TokenBuckets perAddress;

    public PulseResource(PulseSurveys surveys, PulseConfig config) {
        this.surveys = surveys;
        PulseConfig pulse = config;
        this.perLink = new TokenBuckets(pulse.perLinkPerMinute() / SECONDS_PER_MINUTE, pulse.perLinkBurst(),
                System::nanoTime);
        this.perAddress = new TokenBuckets(pulse.perAddressPerMinute() / SECONDS_PER_MINUTE, pulse.perAddressBurst(),
                System::nanoTime);
    }

    @GET
    @Path("{token}")
    @PermitAll
    @Operation(summary = "The survey of a pulse link: the meeting's title and day, the questions and the link's "
            + "status; 404 for an unknown or altered link")
    public PulseSurveyView survey(@PathParam("token") String token) {
        return surveys.survey(token);
    }

    @POST
    @Path("{token}")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer the survey, once: 409 when the link was used, 410 when it expired or was "
            + "withdrawn, 429 when posted too often; nothing is stored unless the answer is accepted")
    public PulseAnswered answer(@PathParam("token") String token, @Valid @NotNull PulseAnswerRequest request,
                                @Context HttpServerRequest http) {
        limit(perAddress, clientAddress(http), "from your address");
        limit(perLink, token.length() > 100 ? token.substring(0, 100) : token, "for this link");
        return surveys.answer(token, request);
    }

    private static void limit(TokenBuckets buckets, String key, String scope) {
        long retryAfter = buckets.tryAcquire(key);
        if (retryAfter > 0) {
            throw new ProblemException(429, "rate-limited", "Too many requests",
                    "too many answers " + scope + "; try again in " + retryAfter + " s");
        }
    }

    // The web app's server forwards the browser's address; a direct caller is limited by its own.
    private static String clientAddress(HttpServerRequest http) {
        String forwarded = http.getHeader(FORWARDED_FOR);
        if (forwarded != null && !forwarded.isBlank()) {
            return forwarded.split(",")[0].strip();
        }
        return http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
    }
}
