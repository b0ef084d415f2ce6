package io.chartlens.launch;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import io.chartlens.record.ReferenceDate;
import java.util.List;
import net.minidev.json.JSONObject;

/**
 * One EHR that may launch ChartLens, from {@code smart-config/ehrs/<id>.json}. Only an {@code iss} that equals a
 * registration's {@code iss} is ever contacted (the allow-list).
 *
 * @param id               short name, also the file name
 * @param name             shown to users
 * @param iss              the FHIR base URL, without a trailing slash
 * @param clientId         the client id the EHR issued to ChartLens
 * @param credentials      how ChartLens authenticates at the token endpoint
 * @param ehrLaunchScopes  scopes requested on an EHR launch
 * @param standaloneScopes scopes requested on a standalone launch
 * @param frameAncestors   CSP {@code frame-ancestors} sources allowed to frame ChartLens for this EHR
 * @param developmentOnly  true only for the sandbox; loaded only when the sandbox is enabled
 * @param referenceDate    what "now" means for this EHR's records: {@code now} (default) or {@code last-record}
 *                         (the sandbox, whose synthetic records end in the past)
 * @param writeDraftOrders true when this EHR accepts draft orders from ChartLens ({@code "writeDraftOrders": true});
 *                         only then are the create scopes of {@link #DRAFT_ORDER_SCOPES} added to both scope sets.
 *                         Off by default: a registration that does not say so never asks for write access.
 */
public record EhrRegistration(String id, String name, String iss, ClientID clientId, ClientCredentials credentials,
                              Scope ehrLaunchScopes, Scope standaloneScopes, List<String> frameAncestors,
                              boolean developmentOnly, ReferenceDate.Mode referenceDate, boolean writeDraftOrders) {

    /**
     * The SMART App Launch 2.0 scopes for writing draft orders (create only; {@code .c}): the resource types a
     * bundle item can become (ServiceRequest, MedicationRequest, Task), in the patient's compartment.
     */
    public static final List<String> DRAFT_ORDER_SCOPES = List.of("patient/ServiceRequest.c",
            "patient/MedicationRequest.c", "patient/Task.c");

    public EhrRegistration {
        frameAncestors = List.copyOf(frameAncestors);
    }

    /** A registration that does not write draft orders. */
    public EhrRegistration(String id, String name, String iss, ClientID clientId, ClientCredentials credentials,
                           Scope ehrLaunchScopes, Scope standaloneScopes, List<String> frameAncestors,
                           boolean developmentOnly, ReferenceDate.Mode referenceDate) {
        this(id, name, iss, clientId, credentials, ehrLaunchScopes, standaloneScopes, frameAncestors,
                developmentOnly, referenceDate, false);
    }

    /** Parses a registration file's JSON; credentials are resolved by {@code credentialsResolver}. */
    public static EhrRegistration parse(String json, ClientCredentials.Resolver credentialsResolver)
            throws ParseException {
        JSONObject o = JSONObjectUtils.parse(json);
        boolean developmentOnly = JSONObjectUtils.getBoolean(o, "developmentOnly", false);
        String iss = normalizeIss(JSONObjectUtils.getString(o, "iss"));
        if (!iss.startsWith("https://") && !developmentOnly) {
            throw new ParseException("iss must be an https URL: " + iss);
        }
        List<String> ancestors = JSONObjectUtils.getStringList(o, "frameAncestors", List.of("'none'"));
        for (String source : ancestors) {
            if (source.isBlank() || source.contains(";") || source.contains(",") || source.matches(".*\\s.*")) {
                throw new ParseException("Bad frame-ancestors source: " + source);
            }
        }
        ClientCredentials credentials = credentialsResolver.resolve(
                JSONObjectUtils.getJSONObject(o, "clientAuthentication"), developmentOnly);
        boolean writeDraftOrders = JSONObjectUtils.getBoolean(o, "writeDraftOrders", false);
        return new EhrRegistration(
                JSONObjectUtils.getString(o, "id"),
                JSONObjectUtils.getString(o, "name"),
                iss,
                new ClientID(JSONObjectUtils.getString(o, "clientId")),
                credentials,
                scopes(JSONObjectUtils.getString(o, "ehrLaunchScopes"), writeDraftOrders),
                scopes(JSONObjectUtils.getString(o, "standaloneScopes"), writeDraftOrders),
                ancestors,
                developmentOnly,
                referenceDate(JSONObjectUtils.getString(o, "referenceDate", "now")),
                writeDraftOrders);
    }

    private static Scope scopes(String configured, boolean writeDraftOrders) throws ParseException {
        Scope scope = Scope.parse(configured);
        if (scope == null) {
            throw new ParseException("scopes must not be empty");
        }
        boolean writes = scope.toStringList().stream().anyMatch(s -> s.matches("(patient|user|system)/.*\\."
                + "(write|\\*|c[a-z]*)"));
        if (writes && !writeDraftOrders) {
            throw new ParseException("scopes ask for write access (" + configured + "), but writeDraftOrders is not"
                    + " true: ChartLens only asks for write access through writeDraftOrders");
        }
        if (writeDraftOrders) {
            DRAFT_ORDER_SCOPES.forEach(scope::add);
        }
        return scope;
    }

    private static ReferenceDate.Mode referenceDate(String value) throws ParseException {
        try {
            return ReferenceDate.Mode.parse(value);
        } catch (IllegalArgumentException e) {
            throw new ParseException(e.getMessage());
        }
    }

    /** The form in which issuers are compared: trimmed, without trailing slashes. */
    public static String normalizeIss(String iss) {
        String s = iss.trim();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
