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
 */
public record EhrRegistration(String id, String name, String iss, ClientID clientId, ClientCredentials credentials,
                              Scope ehrLaunchScopes, Scope standaloneScopes, List<String> frameAncestors,
                              boolean developmentOnly, ReferenceDate.Mode referenceDate) {

    public EhrRegistration {
        frameAncestors = List.copyOf(frameAncestors);
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
        return new EhrRegistration(
                JSONObjectUtils.getString(o, "id"),
                JSONObjectUtils.getString(o, "name"),
                iss,
                new ClientID(JSONObjectUtils.getString(o, "clientId")),
                credentials,
                Scope.parse(JSONObjectUtils.getString(o, "ehrLaunchScopes")),
                Scope.parse(JSONObjectUtils.getString(o, "standaloneScopes")),
                ancestors,
                developmentOnly,
                referenceDate(JSONObjectUtils.getString(o, "referenceDate", "now")));
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
