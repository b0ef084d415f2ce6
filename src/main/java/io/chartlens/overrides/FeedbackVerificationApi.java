package io.chartlens.overrides;

import io.chartlens.risk.ApiTokens;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /api/feedback/verification}: checks the whole hash chain of the feedback log and says whether it is
 * intact, how many rows were checked, and where it first breaks. For monitoring and audits; needs an API bearer
 * token ({@link ApiTokens}). No row content is returned.
 */
@Path("/feedback/verification")
public class FeedbackVerificationApi {

    @Inject
    FeedbackLog log;
    @Inject
    ApiTokens tokens;
    @Context
    HttpServletRequest request;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response verify() {
        if (!tokens.accepts(request.getHeader("Authorization"))) {
            return json(401, Json.createObjectBuilder().add("error", "send an API bearer token"));
        }
        ChainVerification result;
        try {
            result = log.verify();
        } catch (FeedbackUnavailableException e) {
            return json(503, Json.createObjectBuilder().add("error", "the feedback log cannot be read now"));
        }
        JsonObjectBuilder body = Json.createObjectBuilder().add("intact", result.ok())
                .add("rowsChecked", result.rowsChecked());
        if (!result.ok()) {
            if (result.firstBrokenId() != null) {
                body.add("firstBrokenId", result.firstBrokenId());
            }
            body.add("reason", result.reason());
        }
        return json(200, body);
    }

    private static Response json(int status, JsonObjectBuilder body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body.build().toString()).build();
    }
}
