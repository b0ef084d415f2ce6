package io.chartlens.risk;

import io.chartlens.launch.LaunchSessions;
import io.chartlens.record.ObservationCatalog;
import io.chartlens.record.ObservationKind;
import io.chartlens.record.UnitNormalizer;
import io.chartlens.system.ConfigFiles;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /api/scores/{id}} with {@code {"inputs": {...}}}: computes a score from explicit inputs, without a
 * patient. Quantities are {@code {"value": 213, "unit": "mg/dL"}} in any UCUM unit convertible to the definition's;
 * absent keys are missing. Needs a signed-in launch session or an API bearer token ({@link ApiTokens}).
 */
@Path("/scores")
public class ScoreApi {

    @Inject
    ScoreRegistry registry;
    @Inject
    ApiTokens tokens;
    @Inject
    ConfigFiles configFiles;
    @Context
    HttpServletRequest request;

    private ObservationCatalog catalog;
    private UnitNormalizer units;

    @PostConstruct
    void init() {
        catalog = ObservationCatalog.fromConfig(configFiles);
        units = UnitNormalizer.of(catalog);
    }

    @POST
    @Path("/{id}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response compute(@PathParam("id") String id, String body) {
        boolean signedIn = LaunchSessions.ifPresent(request.getSession(false)).flatMap(LaunchSessions::latest).isPresent();
        if (!signedIn && !tokens.accepts(request.getHeader("Authorization"))) {
            return error(401, "sign in through an EHR launch or send an API bearer token");
        }
        Optional<RiskScore> score = registry.byId(id);
        if (score.isEmpty()) {
            return error(404, "no score '" + id + "'; known: " + registry.all().stream().map(RiskScore::id).toList());
        }
        JsonObject json;
        try {
            json = Json.createReader(new StringReader(body == null ? "" : body)).readObject();
        } catch (jakarta.json.JsonException e) {
            return error(400, "the body is not a JSON object");
        }
        if (!(json.get("inputs") instanceof JsonObject inputs)) {
            return error(400, "the body needs an object \"inputs\"");
        }
        Map<String, InputValue> values = new LinkedHashMap<>();
        ScoreDefinition definition = score.get().definition();
        for (Map.Entry<String, JsonValue> e : inputs.entrySet()) {
            Optional<ScoreDefinition.Input> input = definition.inputs().stream()
                    .filter(i -> i.name().equals(e.getKey())).findFirst();
            if (input.isEmpty()) {
                return error(400, "unknown input '" + e.getKey() + "' for " + id + "; known: " + definition.inputNames());
            }
            try {
                values.put(e.getKey(), parse(definition, input.get(), e.getValue()));
            } catch (IllegalArgumentException ex) {
                return error(400, "input '" + e.getKey() + "': " + ex.getMessage());
            }
        }
        return Response.ok(toJson(score.get().compute(new ScoreInputs(values))).toString()).build();
    }

    private InputValue parse(ScoreDefinition definition, ScoreDefinition.Input input, JsonValue value) {
        switch (input.type()) {
            case "flag" -> {
                if (value.getValueType() == JsonValue.ValueType.TRUE || value.getValueType() == JsonValue.ValueType.FALSE) {
                    return new InputValue.Flag(value.getValueType() == JsonValue.ValueType.TRUE);
                }
                throw new IllegalArgumentException("must be true or false");
            }
            case "choice" -> {
                if (value instanceof JsonString s && input.allowed().contains(s.getString())) {
                    return new InputValue.Choice(s.getString());
                }
                throw new IllegalArgumentException("must be one of " + input.allowed());
            }
            default -> {
                if (!(value instanceof JsonObject q) || !(q.get("value") instanceof jakarta.json.JsonNumber n)
                        || !(q.get("unit") instanceof JsonString u)) {
                    throw new IllegalArgumentException("must be {\"value\": number, \"unit\": \"UCUM unit\"}");
                }
                return quantity(definition, input, n.bigDecimalValue(), u.getString());
            }
        }
    }

    /** Converts with UCUM to the definition's unit; the molar mass comes from the mapped observation kind. */
    private InputValue quantity(ScoreDefinition definition, ScoreDefinition.Input input, BigDecimal value, String unit) {
        if (unit.equals(input.unit())) {
            return new InputValue.Quantity(value, unit);
        }
        Object mapping = definition.recordMapping().get(input.name());
        ObservationKind kind = mapping instanceof net.minidev.json.JSONObject m && m.get("observation") instanceof String k
                ? catalog.byKind(k).filter(c -> input.unit().equals(c.unit())).orElse(null) : null;
        if (kind == null) {
            kind = new ObservationKind(input.name(), input.label(), Set.of(), Set.of(), false, input.unit(), null, null,
                    Map.of());
        }
        UnitNormalizer.Result result = units.normalize(value, unit, kind);
        if (result instanceof UnitNormalizer.Converted c) {
            return new InputValue.Quantity(c.value(), c.unit());
        }
        throw new IllegalArgumentException(((UnitNormalizer.Failed) result).reason());
    }

    static JsonObject toJson(ScoreResult r) {
        JsonObjectBuilder items = Json.createObjectBuilder();
        r.itemScores().forEach(items::add);
        JsonArrayBuilder missing = Json.createArrayBuilder();
        r.missing().forEach(missing::add);
        JsonArrayBuilder warnings = Json.createArrayBuilder();
        r.warnings().forEach(warnings::add);
        JsonObjectBuilder o = Json.createObjectBuilder().add("id", r.id()).add("version", r.version())
                .add("status", r.status().json());
        if (r.value() != null) {
            o.add("value", r.value());
        } else {
            o.addNull("value");
        }
        if (r.partial() != null) {
            o.add("partial", r.partial());
        }
        o.add("unit", r.unit() == null ? "" : r.unit());
        if (r.band() != null) {
            o.add("band", r.band());
        } else {
            o.addNull("band");
        }
        return o.add("itemScores", items).add("missing", missing).add("warnings", warnings).add("source", r.source())
                .build();
    }

    private static Response error(int status, String reason) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Json.createObjectBuilder().add("error", reason).build().toString()).build();
    }
}
