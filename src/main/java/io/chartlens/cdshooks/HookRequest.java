package io.chartlens.cdshooks;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import net.minidev.json.JSONObject;

/**
 * A CDS Hooks 2.0 service request ("Calling a CDS Service") for the {@code patient-view} hook, parsed and checked
 * at the boundary. {@link #toString()} carries no token and no patient.
 *
 * @param hookInstance      the call's UUID
 * @param fhirServer        the CDS client's FHIR base, or empty
 * @param fhirAuthorization a token for it, or empty (present only with a {@code fhirServer})
 * @param userId            {@code context.userId}, e.g. {@code Practitioner/123}
 * @param patientId         {@code context.patientId}, a FHIR id
 * @param encounterId       {@code context.encounterId}, or null
 * @param prefetch          each prefetch key sent, with its value; an empty value is a JSON {@code null}
 */
public record HookRequest(String hookInstance, Optional<String> fhirServer,
                          Optional<FhirAuthorization> fhirAuthorization, String userId, String patientId,
                          String encounterId, Map<String, Optional<JSONObject>> prefetch) {

    public static final String HOOK = "patient-view";
    static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
            + "[0-9a-fA-F]{12}");
    static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");
    private static final Pattern USER = Pattern.compile("(Practitioner|PractitionerRole|Patient|RelatedPerson)/"
            + FHIR_ID.pattern());

    public HookRequest {
        prefetch = Map.copyOf(prefetch);
    }

    /**
     * Parses a request body.
     *
     * @throws CdsHooksException MALFORMED_REQUEST (what is missing or wrong, by field name) or UNSUPPORTED_HOOK
     */
    public static HookRequest parse(String body) throws CdsHooksException {
        JSONObject o;
        try {
            o = JSONObjectUtils.parse(body);
        } catch (ParseException e) {
            throw malformed("the body is not a JSON object");
        }
        String hook = string(o, "hook", true);
        if (!HOOK.equals(hook)) {
            throw new CdsHooksException(CdsFailure.UNSUPPORTED_HOOK, "hook " + hook);
        }
        String hookInstance = string(o, "hookInstance", true);
        if (!UUID.matcher(hookInstance).matches()) {
            throw malformed("hookInstance must be a UUID");
        }
        Optional<String> fhirServer = Optional.ofNullable(string(o, "fhirServer", false));
        if (fhirServer.isPresent() && !absoluteHttp(fhirServer.get())) {
            throw malformed("fhirServer must be an absolute http(s) URL");
        }
        Optional<FhirAuthorization> authorization = Optional.ofNullable(object(o, "fhirAuthorization", false))
                .map(HookRequest::authorization).orElse(Optional.empty());
        if (o.get("fhirAuthorization") != null && authorization.isEmpty()) {
            throw malformed("fhirAuthorization needs access_token, token_type Bearer, expires_in, scope and subject");
        }
        if (authorization.isPresent() && fhirServer.isEmpty()) {
            throw malformed("fhirServer is required with fhirAuthorization");
        }
        JSONObject context = object(o, "context", true);
        String userId = string(context, "context.userId", true);
        if (!USER.matcher(userId).matches()) {
            throw malformed("context.userId must be a relative reference such as Practitioner/123");
        }
        String patientId = string(context, "context.patientId", true);
        if (!FHIR_ID.matcher(patientId).matches()) {
            throw malformed("context.patientId must be a FHIR id");
        }
        String encounterId = string(context, "context.encounterId", false);
        if (encounterId != null && !FHIR_ID.matcher(encounterId).matches()) {
            throw malformed("context.encounterId must be a FHIR id");
        }
        return new HookRequest(hookInstance, fhirServer, authorization, userId, patientId, encounterId,
                prefetch(object(o, "prefetch", false)));
    }

    @Override
    public String toString() {
        return "HookRequest[" + hookInstance + ", fhirServer=" + fhirServer.orElse("(none)") + ", authorization="
                + fhirAuthorization.isPresent() + ", prefetch=" + prefetch.keySet() + "]";
    }

    private static Optional<FhirAuthorization> authorization(JSONObject a) {
        Object token = a.get("access_token");
        Object type = a.get("token_type");
        Object expiresIn = a.get("expires_in");
        Object scope = a.get("scope");
        Object subject = a.get("subject");
        if (!(token instanceof String t) || t.isBlank() || !(type instanceof String ty) || !"Bearer".equalsIgnoreCase(ty)
                || !(expiresIn instanceof Number n) || !(scope instanceof String s) || !(subject instanceof String su)) {
            return Optional.empty();
        }
        return Optional.of(new FhirAuthorization(t, n.longValue(), s, su));
    }

    private static Map<String, Optional<JSONObject>> prefetch(JSONObject prefetch) throws CdsHooksException {
        Map<String, Optional<JSONObject>> values = new LinkedHashMap<>();
        if (prefetch == null) {
            return values;
        }
        for (Map.Entry<String, Object> entry : prefetch.entrySet()) {
            if (entry.getValue() != null && !(entry.getValue() instanceof JSONObject)) {
                throw new CdsHooksException(CdsFailure.INVALID_PREFETCH, "prefetch." + entry.getKey()
                        + " must be a FHIR resource or null");
            }
            values.put(entry.getKey(), Optional.ofNullable((JSONObject) entry.getValue()));
        }
        return values;
    }

    private static boolean absoluteHttp(String url) {
        try {
            URI uri = new URI(url);
            return uri.isAbsolute() && uri.getHost() != null
                    && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** @param field the member's name, or its path ({@code context.patientId}: the last part is looked up) */
    private static String string(JSONObject o, String field, boolean required) throws CdsHooksException {
        Object value = o.get(field.substring(field.lastIndexOf('.') + 1));
        if (value == null && !required) {
            return null;
        }
        if (!(value instanceof String s) || s.isBlank()) {
            throw malformed(field + (value == null ? " is required" : " must be a non-empty string"));
        }
        return s;
    }

    private static JSONObject object(JSONObject o, String field, boolean required) throws CdsHooksException {
        Object value = o.get(field);
        if (value == null && !required) {
            return null;
        }
        if (!(value instanceof JSONObject j)) {
            throw malformed(field + (value == null ? " is required" : " must be a JSON object"));
        }
        return j;
    }

    private static CdsHooksException malformed(String detail) {
        return new CdsHooksException(CdsFailure.MALFORMED_REQUEST, detail);
    }
}
