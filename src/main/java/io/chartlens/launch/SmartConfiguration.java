package io.chartlens.launch;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.minidev.json.JSONObject;

/**
 * The parts of an EHR's {@code .well-known/smart-configuration} (SMART App Launch 2.x §2.0.7 "Conformance") that
 * ChartLens relies on.
 *
 * @param issuer                 the OpenID issuer, present when the EHR supports sso-openid-connect
 * @param jwksUri                where the EHR publishes the keys that sign id_tokens
 * @param authorizationEndpoint  required
 * @param tokenEndpoint          required
 * @param capabilities           the SMART capabilities the EHR declares
 * @param codeChallengeMethods   PKCE methods declared (may be empty even when S256 works in practice)
 */
public record SmartConfiguration(Optional<String> issuer, Optional<URI> jwksUri, URI authorizationEndpoint,
                                 URI tokenEndpoint, Set<String> capabilities, Set<String> codeChallengeMethods) {

    public SmartConfiguration {
        capabilities = Set.copyOf(capabilities);
        codeChallengeMethods = Set.copyOf(codeChallengeMethods);
    }

    public static SmartConfiguration parse(String json) throws ParseException {
        JSONObject o = JSONObjectUtils.parse(json);
        URI authorize = JSONObjectUtils.getURI(o, "authorization_endpoint");
        URI token = JSONObjectUtils.getURI(o, "token_endpoint");
        Set<String> methods = strings(JSONObjectUtils.getStringList(o, "code_challenge_methods_supported", List.of()));
        if (!methods.isEmpty() && !methods.contains("S256")) {
            // SMART 2.x requires S256; an EHR that lists only "plain" must not be used.
            throw new ParseException("EHR does not support PKCE S256 (declares " + methods + ")");
        }
        return new SmartConfiguration(
                Optional.ofNullable(JSONObjectUtils.getString(o, "issuer", null)),
                Optional.ofNullable(JSONObjectUtils.getURI(o, "jwks_uri", null)),
                authorize,
                token,
                strings(JSONObjectUtils.getStringList(o, "capabilities", List.of())),
                methods);
    }

    /** Lists from an EHR may contain nulls; they carry no meaning and are dropped. */
    private static Set<String> strings(List<String> values) {
        return values.stream().filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
