package io.chartlens.sandbox.fhir;

import static io.chartlens.sandbox.fhir.SandboxTestServer.A04;
import static io.chartlens.sandbox.fhir.SandboxTestServer.A04_OBSERVATIONS_ONLY;
import static io.chartlens.sandbox.fhir.SandboxTestServer.A04_TOKEN;
import static io.chartlens.sandbox.fhir.SandboxTestServer.A04_V1_TOKEN;
import static io.chartlens.sandbox.fhir.SandboxTestServer.A05;
import static io.chartlens.sandbox.fhir.SandboxTestServer.NO_PATIENT_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.UriType;
import org.junit.jupiter.api.Test;

class SandboxFhirServerAuthorizationTest {

    @Test
    void metadataIsOpenAndAdvertisesSmartOauthUris() throws Exception {
        CapabilityStatement statement = SandboxTestServer.client(null).capabilities()
                .ofType(CapabilityStatement.class).execute();
        CapabilityStatement.CapabilityStatementRestSecurityComponent security = statement.getRestFirstRep().getSecurity();
        assertEquals("SMART-on-FHIR", security.getServiceFirstRep().getCodingFirstRep().getCode());
        Extension uris = security.getExtensionByUrl(SmartCapabilityStatement.OAUTH_URIS);
        String appBase = SandboxTestServer.baseUrl().replace("/sandbox/fhir", "");
        assertEquals(appBase + "/sandbox/auth/authorize",
                ((UriType) uris.getExtensionByUrl("authorize").getValue()).getValue());
        assertEquals(appBase + "/sandbox/auth/token", ((UriType) uris.getExtensionByUrl("token").getValue()).getValue());
    }

    @Test
    void requestWithoutTokenIs401WithBearerChallengeAndOperationOutcome() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(SandboxTestServer.baseUrl() + "/Patient/907")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, response.statusCode());
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        assertTrue(SandboxFhirContext.get().newJsonParser().parseResource(response.body()) instanceof OperationOutcome);
    }

    @Test
    void unknownTokenIs401() {
        assertThrows(AuthenticationException.class, () -> SandboxTestServer.client("forged")
                .read().resource(Patient.class).withId("907").execute());
    }

    @Test
    void patientTokenReadsItsOwnPatientAndObservations() throws Exception {
        var client = SandboxTestServer.client(A04_TOKEN);
        assertEquals(A04, client.read().resource(Patient.class).withId(A04).execute().getIdElement().getIdPart());
        Bundle bundle = client.search().forResource(Observation.class).where(Observation.PATIENT.hasId(A04))
                .returnBundle(Bundle.class).execute();
        assertTrue(bundle.getTotal() > 0);
    }

    @Test
    void patientTokenReadingAnotherPatientIs403() {
        ForbiddenOperationException error = assertThrows(ForbiddenOperationException.class,
                () -> SandboxTestServer.client(A04_TOKEN).read().resource(Patient.class).withId(A05).execute());
        assertTrue(error.getOperationOutcome() instanceof OperationOutcome);
    }

    @Test
    void patientTokenReadingAnotherPatientsObservationIs403() throws Exception {
        String otherObservation = SandboxTestServer.store().compartment(A05).stream()
                .filter(Observation.class::isInstance).findFirst().orElseThrow().getIdElement().getIdPart();
        assertThrows(ForbiddenOperationException.class, () -> SandboxTestServer.client(A04_TOKEN)
                .read().resource(Observation.class).withId(otherObservation).execute());
    }

    @Test
    void patientTokenSearchingAnotherPatientIs403() {
        assertThrows(ForbiddenOperationException.class, () -> SandboxTestServer.client(A04_TOKEN).search()
                .forResource(Observation.class).where(Observation.PATIENT.hasId(A05))
                .returnBundle(Bundle.class).execute());
    }

    @Test
    void patientTokenSearchingWithoutPatientParameterIs403() {
        assertThrows(ForbiddenOperationException.class, () -> SandboxTestServer.client(A04_TOKEN).search()
                .forResource(Observation.class).returnBundle(Bundle.class).execute());
    }

    @Test
    void missingScopeIs403NamingTheScope() {
        ForbiddenOperationException error = assertThrows(ForbiddenOperationException.class,
                () -> SandboxTestServer.client(A04_OBSERVATIONS_ONLY).search().forResource(Condition.class)
                        .where(Condition.PATIENT.hasId(A04)).returnBundle(Bundle.class).execute());
        assertTrue(error.getMessage().contains("patient/Condition.s"), error.getMessage());
    }

    @Test
    void readScopeDoesNotAllowSearch() {
        assertThrows(ForbiddenOperationException.class, () -> SandboxTestServer.client(A04_OBSERVATIONS_ONLY)
                .search().forResource(Patient.class).where(Patient.RES_ID.exactly().code(A04))
                .returnBundle(Bundle.class).execute());
    }

    @Test
    void v1ReadScopeAllowsReadAndSearch() throws Exception {
        var client = SandboxTestServer.client(A04_V1_TOKEN);
        client.read().resource(Patient.class).withId(A04).execute();
        assertTrue(client.search().forResource(Condition.class).where(Condition.PATIENT.hasId(A04))
                .returnBundle(Bundle.class).execute().getTotal() > 0);
    }

    @Test
    void patientTokenReadsSharedPractitioners() throws Exception {
        assertEquals("sandbox-clinician", SandboxTestServer.client(A04_TOKEN).read().resource(Practitioner.class)
                .withId("sandbox-clinician").execute().getIdElement().getIdPart());
    }

    @Test
    void patientScopesWithoutPatientInContextAre403() {
        assertThrows(ForbiddenOperationException.class, () -> SandboxTestServer.client(NO_PATIENT_TOKEN)
                .read().resource(Patient.class).withId(A04).execute());
    }
}
