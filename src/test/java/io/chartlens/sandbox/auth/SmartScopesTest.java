package io.chartlens.sandbox.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.Scope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SmartScopesTest {

    @ParameterizedTest
    @ValueSource(strings = {"openid", "fhirUser", "launch", "launch/patient", "launch/encounter", "offline_access",
            "online_access", "profile", "patient/Observation.rs", "user/*.cruds", "patient/*.read", "user/*.*",
            "system/Patient.write", "patient/Observation.rs?category=laboratory", "patient/Condition.r"})
    void smartScopesAreGrantable(String scope) {
        assertTrue(SmartScopes.isSmart(scope));
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "patient/Observation.", "patient/Observation.sr", "patient/Observation.x",
            "doctor/Observation.rs", "patient/observation.rs", "launch/practitioner", "patient/Observation.?a=b"})
    void otherScopesAreLeftOut(String scope) {
        assertFalse(SmartScopes.isSmart(scope));
    }

    @Test
    void grantKeepsOnlySmartScopesInRequestOrder() {
        assertEquals(Scope.parse("launch patient/*.rs openid"),
                SmartScopes.grantable(Scope.parse("launch admin patient/*.rs openid everything")));
    }
}
