package io.chartlens.sandbox.auth;

import com.nimbusds.oauth2.sdk.Scope;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The scopes the sandbox grants: SMART App Launch 2.x §3 (scopes and launch context) v1 and v2 resource scopes,
 * launch-context scopes, OpenID Connect identity scopes and the refresh-token scopes. Anything else requested is
 * silently left out of the grant, as §3 allows ("the EHR may grant fewer scopes than requested").
 */
final class SmartScopes {

    /** Non-resource scopes the sandbox understands. */
    static final List<String> CONTEXT_AND_IDENTITY = List.of("openid", "fhirUser", "profile", "offline_access",
            "online_access", "launch", "launch/patient", "launch/encounter");

    /** v1: {@code patient/Observation.read}; v2: {@code patient/Observation.rs?category=laboratory}. */
    private static final Pattern RESOURCE_SCOPE = Pattern.compile(
            "(patient|user|system)/(\\*|[A-Z][A-Za-z]+)\\.(read|write|\\*|c?r?u?d?s?(\\?\\S+)?)");

    private static final Set<String> CONTEXT_AND_IDENTITY_SET = Set.copyOf(CONTEXT_AND_IDENTITY);

    private SmartScopes() {}

    /** The requested scopes that are in the SMART grammar, in request order; never null. */
    static Scope grantable(Scope requested) {
        Scope granted = new Scope();
        if (requested == null) {
            return granted;
        }
        for (Scope.Value value : requested) {
            if (isSmart(value.getValue())) {
                granted.add(value);
            }
        }
        return granted;
    }

    static boolean isSmart(String scope) {
        if (CONTEXT_AND_IDENTITY_SET.contains(scope)) {
            return true;
        }
        var m = RESOURCE_SCOPE.matcher(scope);
        // "patient/Observation." (empty v2 permissions) is not a scope
        return m.matches() && !m.group(3).isEmpty() && !m.group(3).startsWith("?");
    }
}
