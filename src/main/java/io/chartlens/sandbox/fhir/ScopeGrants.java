package io.chartlens.sandbox.fhir;

import io.chartlens.sandbox.auth.SandboxAccessToken;
import java.util.List;
import java.util.Optional;

/** What a verified token may do, per resource type and permission letter. */
final class ScopeGrants {

    /** How far a grant reaches: nowhere, one patient's compartment, or every record (user and system scopes). */
    enum Access { NONE, PATIENT, ALL }

    private final List<SmartScope> scopes;
    private final Optional<String> patientId;

    ScopeGrants(SandboxAccessToken token) {
        this.scopes = token.scopes().stream().map(SmartScope::parse).flatMap(Optional::stream).toList();
        this.patientId = token.patientId();
    }

    /** The widest access any scope grants for this type and permission letter (c, r, u, d or s). */
    Access access(String type, char permission) {
        Access best = Access.NONE;
        for (SmartScope scope : scopes) {
            if (scope.grants(type, permission)) {
                if (scope.context() != SmartScope.Context.PATIENT) {
                    return Access.ALL;
                }
                best = Access.PATIENT;
            }
        }
        return best;
    }

    /** The patient in the token's context, which patient/ scopes are confined to. */
    Optional<String> patientId() {
        return patientId;
    }
}
