package io.chartlens.cdshooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Parsing a patient-view request at the boundary: what is required, and the reason given when it is missing. */
class HookRequestTest {

    static final String INSTANCE = "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea";

    @Test
    void parsesAFullRequest() throws Exception {
        HookRequest r = HookRequest.parse("""
                {"hook": "patient-view", "hookInstance": "%s", "fhirServer": "https://ehr.example.org/fhir",
                 "fhirAuthorization": {"access_token": "secret-token", "token_type": "Bearer", "expires_in": 300,
                   "scope": "patient/*.rs", "subject": "chartlens"},
                 "context": {"userId": "Practitioner/p1", "patientId": "123", "encounterId": "e-9"},
                 "prefetch": {"patient": {"resourceType": "Patient", "id": "123"}, "conditions": null}}
                """.formatted(INSTANCE));
        assertEquals(INSTANCE, r.hookInstance());
        assertEquals(Optional.of("https://ehr.example.org/fhir"), r.fhirServer());
        assertEquals("secret-token", r.fhirAuthorization().orElseThrow().accessToken());
        assertEquals("123", r.patientId());
        assertEquals("e-9", r.encounterId());
        assertEquals("Practitioner/p1", r.userId());
        assertTrue(r.prefetch().get("patient").isPresent());
        assertEquals(Optional.empty(), r.prefetch().get("conditions"), "null is kept as 'no data'");
        assertFalse(r.toString().contains("secret-token"), "no token in toString: " + r);
        assertFalse(r.fhirAuthorization().get().toString().contains("secret-token"));
        assertFalse(r.toString().contains("123"), "no patient in toString: " + r);
    }

    @Test
    void parsesAMinimalRequest() throws Exception {
        HookRequest r = HookRequest.parse(body("\"context\": {\"userId\": \"Practitioner/p1\", \"patientId\": \"123\"}"));
        assertTrue(r.fhirServer().isEmpty());
        assertTrue(r.fhirAuthorization().isEmpty());
        assertTrue(r.prefetch().isEmpty());
        assertEquals(null, r.encounterId());
    }

    @Test
    void rejectsMalformedJson() {
        assertMalformed("{\"hook\": ", "the body is not a JSON object");
        assertMalformed("[]", "the body is not a JSON object");
    }

    @Test
    void rejectsAMissingOrWrongHook() {
        assertMalformed("{\"hookInstance\": \"" + INSTANCE + "\"}", "hook is required");
        CdsHooksException e = assertThrows(CdsHooksException.class, () -> HookRequest.parse("""
                {"hook": "order-sign", "hookInstance": "%s", "context": {}}""".formatted(INSTANCE)));
        assertEquals(CdsFailure.UNSUPPORTED_HOOK, e.failure());
        assertEquals(400, e.failure().status());
    }

    @Test
    void rejectsAMissingOrNonUuidHookInstance() {
        assertMalformed("{\"hook\": \"patient-view\", \"context\": {}}", "hookInstance is required");
        assertMalformed("{\"hook\": \"patient-view\", \"hookInstance\": \"abc\", \"context\": {}}",
                "hookInstance must be a UUID");
    }

    @Test
    void rejectsAMissingContextOrPatient() {
        assertMalformed(body("\"x\": 1"), "context is required");
        assertMalformed(body("\"context\": {\"userId\": \"Practitioner/p1\"}"), "context.patientId is required");
        assertMalformed(body("\"context\": {\"userId\": \"Practitioner/p1\", \"patientId\": \"a/b\"}"),
                "context.patientId must be a FHIR id");
        assertMalformed(body("\"context\": {\"patientId\": \"123\"}"), "context.userId is required");
        assertMalformed(body("\"context\": {\"userId\": \"Bob\", \"patientId\": \"123\"}"), "context.userId must be");
    }

    @Test
    void rejectsAnAuthorizationWithoutServerOrIncomplete() {
        String context = "\"context\": {\"userId\": \"Practitioner/p1\", \"patientId\": \"123\"}";
        assertMalformed(body(context + ", \"fhirAuthorization\": {\"access_token\": \"t\", \"token_type\": \"Bearer\","
                + " \"expires_in\": 300, \"scope\": \"s\", \"subject\": \"c\"}"), "fhirServer is required");
        assertMalformed(body(context + ", \"fhirServer\": \"https://ehr.example.org/fhir\", \"fhirAuthorization\":"
                + " {\"access_token\": \"t\"}"), "fhirAuthorization needs");
        assertMalformed(body(context + ", \"fhirServer\": \"ftp://ehr\""), "fhirServer must be an absolute http(s) URL");
    }

    @Test
    void rejectsAPrefetchValueThatIsNotAnObject() {
        CdsHooksException e = assertThrows(CdsHooksException.class, () -> HookRequest.parse(body(
                "\"context\": {\"userId\": \"Practitioner/p1\", \"patientId\": \"123\"}, \"prefetch\": {\"patient\": 5}")));
        assertEquals(CdsFailure.INVALID_PREFETCH, e.failure());
        assertEquals("prefetch.patient must be a FHIR resource or null", e.detail());
    }

    private static String body(String rest) {
        return "{\"hook\": \"patient-view\", \"hookInstance\": \"" + INSTANCE + "\", " + rest + "}";
    }

    private static void assertMalformed(String body, String detail) {
        CdsHooksException e = assertThrows(CdsHooksException.class, () -> HookRequest.parse(body));
        assertEquals(CdsFailure.MALFORMED_REQUEST, e.failure());
        assertEquals(400, e.failure().status());
        assertTrue(e.detail().startsWith(detail), "expected '" + detail + "' in " + e.detail());
    }
}
