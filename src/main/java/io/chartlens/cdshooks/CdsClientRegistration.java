package io.chartlens.cdshooks;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import io.chartlens.launch.EhrRegistration;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.minidev.json.JSONObject;

/**
 * One CDS client that may call the CDS Hooks service, from {@code smart-config/cds-clients/<id>.json}: the allow-list
 * of CDS Hooks 2.0 "Trusting CDS Clients". Only a JWT whose {@code iss} equals a registration's {@code iss}, signed
 * with a key from its {@code jwksUrl} in one of its {@code algorithms}, is accepted.
 *
 * @param id              short name, also the file name
 * @param name            shown in logs and to administrators
 * @param iss             the JWT issuer, compared after {@link EhrRegistration#normalizeIss}
 * @param jwksUrl         the client's JWK Set (RFC 7517), agreed out-of-band; https unless development-only. A JWT
 *                        {@code jku} is accepted only when it equals this URL, and no other URL is ever fetched
 * @param algorithms      the JWS algorithms accepted from this client; asymmetric only (default ES384 and RS384)
 * @param ehr             the EHR registration ({@code smart-config/ehrs/<ehr>.json}) this client speaks for: the only
 *                        {@code fhirServer} it may name
 * @param developmentOnly true only for the sandbox client; loaded only when the sandbox is enabled
 */
public record CdsClientRegistration(String id, String name, String iss, URI jwksUrl, Set<JWSAlgorithm> algorithms,
                                    String ehr, boolean developmentOnly) {

    /** What the spec recommends (CDS Hooks 2.0, JWT Signing Algorithm). */
    static final List<String> DEFAULT_ALGORITHMS = List.of("ES384", "RS384");
    /** So that {@code cds-client:<iss>} fits the audit trail's and the feedback log's actor column (300). */
    static final int ISS_MAX = 280;

    public CdsClientRegistration {
        algorithms = Set.copyOf(algorithms);
    }

    /** Parses a registration file's JSON. */
    public static CdsClientRegistration parse(String json) throws ParseException {
        JSONObject o = JSONObjectUtils.parse(json);
        boolean developmentOnly = JSONObjectUtils.getBoolean(o, "developmentOnly", false);
        String iss = EhrRegistration.normalizeIss(JSONObjectUtils.getString(o, "iss"));
        if (iss.isEmpty() || iss.length() > ISS_MAX) {
            throw new ParseException("iss must have 1 to " + ISS_MAX + " characters");
        }
        URI jwksUrl = JSONObjectUtils.getURI(o, "jwksUrl");
        boolean https = "https".equals(jwksUrl.getScheme());
        if (!https && !(developmentOnly && "http".equals(jwksUrl.getScheme()))) {
            throw new ParseException("jwksUrl must be an https URL: " + jwksUrl);
        }
        Set<JWSAlgorithm> algorithms = new LinkedHashSet<>();
        for (String name : JSONObjectUtils.getStringList(o, "algorithms", DEFAULT_ALGORITHMS)) {
            JWSAlgorithm algorithm = JWSAlgorithm.parse(name);
            boolean asymmetric = JWSAlgorithm.Family.RSA.contains(algorithm)
                    || JWSAlgorithm.Family.EC.contains(algorithm) || JWSAlgorithm.Family.ED.contains(algorithm);
            if (!asymmetric) {
                throw new ParseException("algorithm " + name + " is not an asymmetric JWS algorithm (CDS Hooks 2.0"
                        + " forbids none and symmetric algorithms)");
            }
            algorithms.add(algorithm);
        }
        if (algorithms.isEmpty()) {
            throw new ParseException("algorithms must name at least one algorithm");
        }
        return new CdsClientRegistration(JSONObjectUtils.getString(o, "id"), JSONObjectUtils.getString(o, "name"),
                iss, jwksUrl, algorithms, JSONObjectUtils.getString(o, "ehr"), developmentOnly);
    }
}
