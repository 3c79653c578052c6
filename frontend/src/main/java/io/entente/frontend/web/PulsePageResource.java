package io.entente.frontend.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.entente.frontend.proxy.ProxyResponse;
import io.entente.frontend.proxy.UpstreamProxy;
import io.smallrye.common.annotation.Blocking;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /pulse/<token>}: the meeting survey as a server-rendered form, public on purpose (partner attendees have no
 * Entente login). There is no session here and so no CSRF token: a forged cross-site post could only use a link the
 * forger already holds, and the link is the whole credential. The governance service checks the link, the scale
 * and the limits; this page only turns its answers into words.
 */
@Path("/pulse")
@PermitAll
@Blocking
@Produces(MediaType.TEXT_HTML)
public class PulsePageResource {

    static final List<String> QUESTIONS = List.of("preparation", "decisionQuality", "oneTeam", "recommend");
    private static final int MAX_FORM_COMMENT = 20_000;

    private final UpstreamProxy proxy;
    private final ObjectMapper json = new ObjectMapper();

    public PulsePageResource(UpstreamProxy proxy) {
        this.proxy = proxy;
    }

    @GET
    @Path("{token}")
    public Response survey(@PathParam("token") String token, @Context HttpServerRequest http) {
        ProxyResponse answer = proxy.pulseSurvey(token, "GET", null, address(http));
        if (answer.status() != 200) {
            return refusal(answer);
        }
        JsonNode survey = read(answer);
        String status = survey.path("status").asText();
        return switch (status) {
            case "OPEN" -> html(200, PulsePages.form(token, survey, Map.of(), Map.of()));
            case "ANSWERED" -> html(200, PulsePages.message("Already answered",
                    "You have already answered this survey. Thank you; each attendee answers once."));
            case "EXPIRED" -> html(410, PulsePages.message("Survey closed",
                    "This survey link has expired, so it no longer takes answers."));
            default -> html(410, PulsePages.message("Survey withdrawn",
                    "This survey link was withdrawn by the meeting's organisers."));
        };
    }

    @POST
    @Path("{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(@PathParam("token") String token, MultivaluedMap<String, String> form,
                           @Context HttpServerRequest http) {
        Map<String, String> chosen = new LinkedHashMap<>();
        ObjectNode body = json.createObjectNode();
        for (String key : QUESTIONS) {
            String value = form.getFirst(key);
            if (value != null) {
                chosen.put(key, value);
            }
            // A missing or non-numeric choice goes up as it is, so the service's message names the question.
            if (value != null && value.matches("\\d{1,2}")) {
                body.put(key, Integer.parseInt(value));
            } else {
                body.putNull(key);
            }
        }
        String comment = form.getFirst("comment");
        if (comment != null && !comment.isBlank()) {
            String kept = comment.length() > MAX_FORM_COMMENT ? comment.substring(0, MAX_FORM_COMMENT) : comment;
            body.put("comment", kept);
            chosen.put("comment", kept);
        }
        ProxyResponse answer;
        try {
            answer = proxy.pulseSurvey(token, "POST", json.writeValueAsBytes(body), address(http));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (answer.status() == 200) {
            return html(200, PulsePages.thanks());
        }
        if (answer.status() == 400) {
            ProxyResponse survey = proxy.pulseSurvey(token, "GET", null, address(http));
            if (survey.status() == 200) {
                return html(400, PulsePages.form(token, read(survey), errors(read(answer)), chosen));
            }
        }
        return refusal(answer);
    }

    /** The service's field errors by question, in words a respondent understands. */
    private static Map<String, String> errors(JsonNode problem) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (JsonNode error : problem.path("errors")) {
            String field = error.path("field").asText();
            if (QUESTIONS.contains(field)) {
                errors.put(field, "Choose a score from 1 to 5 for this question.");
            } else if (field.equals("comment")) {
                errors.put("", "Your comment is too long: keep it to 2,000 characters.");
            } else {
                errors.put("", error.path("message").asText("Please check your answer."));
            }
        }
        if (errors.isEmpty()) {
            errors.put("", problem.path("detail").asText("Please check your answer."));
        }
        return errors;
    }

    private Response refusal(ProxyResponse answer) {
        JsonNode problem = read(answer);
        String detail = problem.path("detail").asText("Please try again later.");
        String title = switch (answer.status()) {
            case 404 -> "Survey not found";
            case 409 -> "Already answered";
            case 410 -> "Survey closed";
            case 429 -> "Too many attempts";
            default -> "Something went wrong";
        };
        Response.ResponseBuilder response = Response.status(answer.status())
                .type(MediaType.TEXT_HTML + ";charset=utf-8")
                .header("Cache-Control", "no-store")
                .entity(PulsePages.message(title, capitalised(detail)));
        answer.headers().getOrDefault("Retry-After", List.of()).forEach(v -> response.header("Retry-After", v));
        return response.build();
    }

    private JsonNode read(ProxyResponse answer) {
        try {
            return answer.body() == null || answer.body().length == 0 ? json.createObjectNode()
                    : json.readTree(answer.body());
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private static Response html(int status, String page) {
        // The page is personal (the link is the credential): never kept by a shared cache.
        return Response.status(status).type(MediaType.TEXT_HTML + ";charset=utf-8").header("Cache-Control", "no-store")
                .entity(page).build();
    }

    private static String address(HttpServerRequest http) {
        return http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
