package io.chartlens.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LaunchSessionTest {

    static final Instant LAUNCHED = Instant.parse("2025-03-01T10:00:00Z");

    static LaunchSession launch(String id) {
        return new LaunchSession(id, "sandbox", LaunchType.EHR, "https://ehr.example.org/fhir",
                URI.create("https://ehr.example.org/token"), "access-SECRET-1", "refresh-SECRET-1",
                LAUNCHED.plusSeconds(3600), "launch openid patient/*.rs", "pat-1", "enc-1", "Practitioner/9",
                "Dr Who", true, "https://ehr.example.org/style.json", LAUNCHED);
    }

    @Test
    void toStringNeverContainsTokens() {
        LaunchSession s = launch("ctx-1");
        String text = s.toString();
        assertEquals("LaunchSession[ctx-1, sandbox, EHR]", text);
        assertFalse(text.contains("access-SECRET-1"));
        assertFalse(text.contains("refresh-SECRET-1"));
    }

    @Test
    void toStringAfterRefreshNeverContainsTokens() {
        String text = launch("ctx-1").withTokens("access-SECRET-2", "refresh-SECRET-2", LAUNCHED, null).toString();
        assertFalse(text.contains("SECRET"), text);
    }

    @Test
    void withTokensKeepsTheOldRefreshTokenWhenNoneIsIssued() {
        Instant later = LAUNCHED.plusSeconds(7200);
        LaunchSession refreshed = launch("ctx-1").withTokens("access-2", null, later, null);
        assertEquals("access-2", refreshed.accessToken());
        assertEquals("refresh-SECRET-1", refreshed.refreshToken());
        assertEquals(later, refreshed.expiresAt());
        assertEquals("launch openid patient/*.rs", refreshed.scope());
    }

    @Test
    void withTokensTakesARotatedRefreshTokenAndNewScope() {
        LaunchSession refreshed = launch("ctx-1").withTokens("access-2", "refresh-2", LAUNCHED, "patient/Patient.rs");
        assertEquals("refresh-2", refreshed.refreshToken());
        assertEquals("patient/Patient.rs", refreshed.scope());
    }

    @Test
    void withTokensKeepsTheLaunchContext() {
        LaunchSession original = launch("ctx-1");
        LaunchSession refreshed = original.withTokens("access-2", "refresh-2", LAUNCHED.plusSeconds(60), "s");
        assertEquals(new LaunchSession(original.id(), original.registrationId(), original.type(), original.fhirBase(),
                original.tokenEndpoint(), "access-2", "refresh-2", LAUNCHED.plusSeconds(60), "s", original.patientId(),
                original.encounterId(), original.fhirUser(), original.userName(), original.needPatientBanner(),
                original.smartStyleUrl(), original.launchedAt()), refreshed);
    }

    @Test
    void optionalAccessorsAreEmptyForNulls() {
        LaunchSession s = new LaunchSession("c", "r", LaunchType.PROVIDER, "https://e/fhir", URI.create("https://e/t"),
                "a", null, LAUNCHED, "openid", null, null, null, null, false, null, LAUNCHED);
        assertEquals(Optional.empty(), s.patient());
        assertEquals(Optional.empty(), s.encounter());
        assertEquals(Optional.empty(), s.user());
        assertEquals(Optional.empty(), s.refresh());
        assertEquals(Optional.empty(), s.styleUrl());
        assertEquals(Optional.of("pat-1"), launch("x").patient());
    }
}
