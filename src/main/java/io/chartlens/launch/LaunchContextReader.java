package io.chartlens.launch;

import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import java.time.Instant;
import java.util.Map;

/**
 * Reads the SMART launch context (SMART App Launch 2.x §2.0.8 "Launch context arrives with your access_token") from a
 * token response and the id_token: {@code patient}, {@code encounter}, {@code need_patient_banner},
 * {@code smart_style_url} and {@code fhirUser}.
 */
final class LaunchContextReader {

    private LaunchContextReader() {
    }

    static LaunchSession read(String launchId, EhrRegistration registration, PendingAuthorization pending,
                              TokenExchange.TokenResult result, IDTokenClaimsSet claims) {
        Map<String, Object> params = result.parameters();
        String scope = result.scope() != null ? result.scope() : registration.ehrLaunchScopes().toString();
        return new LaunchSession(launchId, registration.id(), pending.type(), registration.iss(),
                pending.tokenEndpoint(), result.accessToken(), result.refreshToken(), result.expiresAt(), scope,
                string(params.get("patient")), string(params.get("encounter")),
                relativeFhirUser(claims.getStringClaim("fhirUser")), claims.getStringClaim("name"),
                !"false".equals(String.valueOf(params.get("need_patient_banner"))),
                string(params.get("smart_style_url")), Instant.now());
    }

    /**
     * {@code fhirUser} may be absolute ({@code https://ehr/fhir/Practitioner/1}) or relative; keep {@code Type/id}.
     */
    static String relativeFhirUser(String fhirUser) {
        if (fhirUser == null || fhirUser.isBlank()) {
            return null;
        }
        String[] parts = fhirUser.replaceAll("/_history/.*$", "").split("/");
        if (parts.length < 2) {
            return null;
        }
        return parts[parts.length - 2] + "/" + parts[parts.length - 1];
    }

    private static String string(Object value) {
        return value instanceof String s && !s.isBlank() ? s : null;
    }
}
