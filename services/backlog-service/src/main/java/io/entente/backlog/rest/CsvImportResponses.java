package io.entente.backlog.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.entente.backlog.api.ImportProblem;
import io.entente.backlog.api.ImportResult;
import io.entente.platform.problem.Problem;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** How both import endpoints answer: a preview (200), a refusal naming every bad row (422), or the counts (201). */
final class CsvImportResponses {

    static final String CSV = "text/csv";

    private CsvImportResponses() {
    }

    static Response answer(ImportResult result, UriInfo uri, ObjectMapper mapper) {
        if (!result.errors().isEmpty() && !result.dryRun()) {
            try {
                // Serialised here, as the platform's problem mappers do: no JSON writer claims problem+json.
                return Response.status(422).type(Problem.MEDIA_TYPE)
                        .entity(mapper.writeValueAsString(ImportProblem.of(result, uri.getPath()))).build();
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return Response.status(result.dryRun() ? 200 : 201).type(MediaType.APPLICATION_JSON).entity(result).build();
    }
}
