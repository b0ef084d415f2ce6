package io.chartlens.sandbox.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import io.chartlens.sandbox.auth.InvalidSandboxTokenException;
import io.chartlens.sandbox.auth.SandboxAccessToken;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Transactions of draft orders on a fresh sandbox server per test (the shared {@link SandboxTestServer} stays
 * read-only): conditional create on identifier, read-back and search, scopes, and what is refused.
 */
class DraftOrderTransactionsTest {

    private static final String A04 = SandboxTestServer.A04;
    private static final String SYSTEM = "http://chartlens.io/fhir/draft-order";
    private static final Map<String, SandboxAccessToken> TOKENS = Map.of(
            "writer", token(Set.of("user/*.rs", "user/ServiceRequest.c", "user/MedicationRequest.c", "user/Task.c"), null),
            "reader", token(Set.of("user/*.rs"), null),
            "a04-writer", token(Set.of("patient/*.rs", "patient/*.c"), A04));

    private SandboxStore store;
    private Server server;
    private String base;

    @BeforeEach
    void start() throws Exception {
        store = SandboxStore.load(Optional.empty());
        server = new Server(0);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(new SandboxFhirServer(store, DraftOrderTransactionsTest::verify)),
                "/fhir/*");
        server.setHandler(context);
        server.start();
        base = "http://localhost:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + "/fhir";
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void aConditionalCreateIsCreatedOnceThenAnswersOkWithTheSameLocation() {
        IGenericClient client = client("writer");
        Bundle first = client.transaction().withBundle(transaction(serviceRequest(A04, "sr-1"), task(A04, "t-1"),
                medicationRequest(A04, "mr-1"))).execute();
        Bundle second = client.transaction().withBundle(transaction(serviceRequest(A04, "sr-1"), task(A04, "t-1"),
                medicationRequest(A04, "mr-1"))).execute();
        assertEquals(Bundle.BundleType.TRANSACTIONRESPONSE, first.getType());
        for (int n = 0; n < 3; n++) {
            assertEquals("201 Created", first.getEntry().get(n).getResponse().getStatus());
            assertEquals("200 OK", second.getEntry().get(n).getResponse().getStatus());
            assertEquals(first.getEntry().get(n).getResponse().getLocation(),
                    second.getEntry().get(n).getResponse().getLocation());
        }
        String location = first.getEntryFirstRep().getResponse().getLocation();
        assertTrue(location.matches("ServiceRequest/[0-9a-f-]{36}/_history/1"), location);
        ServiceRequest read = client.read().resource(ServiceRequest.class)
                .withId(location.split("/")[1]).execute();
        assertEquals("sr-1", read.getIdentifierFirstRep().getValue());
        assertEquals("1", read.getMeta().getVersionId());
    }

    @Test
    void writtenOrdersAreFoundByPatientSubjectIdentifierStatusAndIntent() {
        IGenericClient client = client("writer");
        client.transaction().withBundle(transaction(serviceRequest(A04, "sr-1"), serviceRequest(A04, "sr-2"),
                task(A04, "t-1"), medicationRequest(A04, "mr-1"))).execute();
        IGenericClient reader = client("reader");
        assertEquals(2, reader.search().forResource(ServiceRequest.class).where(ServiceRequest.PATIENT.hasId(A04))
                .returnBundle(Bundle.class).execute().getEntry().size());
        assertEquals(2, reader.search().forResource(ServiceRequest.class).where(ServiceRequest.SUBJECT.hasId("Patient/" + A04))
                .and(ServiceRequest.STATUS.exactly().code("draft")).and(ServiceRequest.INTENT.exactly().code("proposal"))
                .returnBundle(Bundle.class).execute().getEntry().size());
        assertEquals(1, reader.search().forResource(ServiceRequest.class)
                .where(ServiceRequest.IDENTIFIER.exactly().systemAndIdentifier(SYSTEM, "sr-2"))
                .returnBundle(Bundle.class).execute().getEntry().size());
        assertEquals(0, reader.search().forResource(ServiceRequest.class).where(ServiceRequest.PATIENT.hasId(A04))
                .and(ServiceRequest.STATUS.exactly().code("active")).returnBundle(Bundle.class).execute().getEntry().size());
        assertEquals(1, reader.search().forResource(Task.class).where(Task.PATIENT.hasId(A04))
                .returnBundle(Bundle.class).execute().getEntry().size());
        assertEquals(1, reader.search().forResource(MedicationRequest.class).where(MedicationRequest.PATIENT.hasId(A04))
                .and(MedicationRequest.IDENTIFIER.hasSystemWithAnyCode(SYSTEM)).returnBundle(Bundle.class).execute()
                .getEntry().size());
        assertTrue(reader.search().forResource(MedicationRequest.class).where(MedicationRequest.PATIENT.hasId(A04))
                .returnBundle(Bundle.class).execute().getEntry().size() > 1, "the record's own medications are still there");
    }

    @Test
    void aDraftWithoutAClinicalDateDoesNotMoveThePatientsLastRecordDate() {
        Instant before = store.lastRecordDate(A04).orElseThrow();
        client("writer").transaction().withBundle(transaction(serviceRequest(A04, "sr-1"))).execute();
        assertEquals(before, store.lastRecordDate(A04).orElseThrow());
    }

    @Test
    void eachCreateNeedsItsScopeAndPatientScopesReachOnlyThePatientInContext() {
        var noScope = assertThrows(ForbiddenOperationException.class, () -> client("reader").transaction()
                .withBundle(transaction(serviceRequest(A04, "sr-1"))).execute());
        assertTrue(noScope.getMessage().contains("Missing scope: this request needs patient/ServiceRequest.c"),
                noScope.getMessage());
        assertThrows(ForbiddenOperationException.class, () -> client("a04-writer").transaction()
                .withBundle(transaction(serviceRequest("907", "sr-1"))).execute());
        assertEquals("201 Created", client("a04-writer").transaction().withBundle(transaction(task(A04, "t-1")))
                .execute().getEntryFirstRep().getResponse().getStatus());
        assertEquals(List.of(), store.all("ServiceRequest"));
    }

    @Test
    void refusesWhatTheSandboxDoesNotWriteAndStoresNothingOfThatTransaction() {
        IGenericClient client = client("writer");
        Bundle observation = transaction(serviceRequest(A04, "sr-1"), new Observation().setSubject(new Reference("Patient/" + A04)));
        var type = assertThrows(InvalidRequestException.class, () -> client.transaction().withBundle(observation).execute());
        assertTrue(type.getMessage().contains("accepts only POST of MedicationRequest, ServiceRequest, Task"),
                type.getMessage());
        Bundle put = transaction(serviceRequest(A04, "sr-1"));
        put.getEntryFirstRep().getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl("ServiceRequest/x");
        assertThrows(InvalidRequestException.class, () -> client.transaction().withBundle(put).execute());
        Bundle byCode = transaction(serviceRequest(A04, "sr-1"));
        byCode.getEntryFirstRep().getRequest().setIfNoneExist("code=http://loinc.org|600-7");
        var criteria = assertThrows(InvalidRequestException.class, () -> client.transaction().withBundle(byCode).execute());
        assertTrue(criteria.getMessage().contains("ifNoneExist=identifier=system|value only"), criteria.getMessage());
        Bundle batch = transaction(serviceRequest(A04, "sr-1")).setType(Bundle.BundleType.BATCH);
        assertThrows(InvalidRequestException.class, () -> client.transaction().withBundle(batch).execute());
        assertThrows(UnprocessableEntityException.class, () -> client.transaction()
                .withBundle(transaction(serviceRequest("no-such-patient", "sr-1"))).execute());
        assertEquals(List.of(), store.all("ServiceRequest"), "nothing of a refused transaction is stored");
    }

    @Test
    void anIdentifierThatSeveralOrdersShareIsAPreconditionFailure() {
        IGenericClient client = client("writer");
        Bundle plain = transaction(serviceRequest(A04, "shared"), serviceRequest(A04, "shared"));
        plain.getEntry().forEach(e -> e.getRequest().setIfNoneExist(null));
        client.transaction().withBundle(plain).execute();
        assertThrows(PreconditionFailedException.class, () -> client.transaction()
                .withBundle(transaction(serviceRequest(A04, "shared"), task(A04, "t-1"))).execute());
        assertEquals(List.of(), store.all("Task"), "all or nothing");
    }

    @Test
    void concurrentConditionalCreatesOfOneIdentifierStoreItOnce() {
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<List<SandboxStore.CreateOutcome>>> calls = new ArrayList<>();
        for (int n = 0; n < 8; n++) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return store.createAll(List.of(new SandboxStore.ConditionalCreate(serviceRequest(A04, "once"),
                        Optional.of(new ConditionalReference("ServiceRequest", SYSTEM, "once")))));
            }));
        }
        go.countDown();
        long created = calls.stream().map(CompletableFuture::join).filter(o -> o.get(0).created()).count();
        assertEquals(1, created);
        assertEquals(1, store.all("ServiceRequest").size());
    }

    private IGenericClient client(String token) {
        var context = SandboxFhirContext.get();
        context.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        IGenericClient client = context.newRestfulGenericClient(base);
        client.registerInterceptor(new BearerTokenAuthInterceptor(token));
        return client;
    }

    private static Bundle transaction(Resource... resources) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        for (Resource r : resources) {
            var request = bundle.addEntry().setResource(r).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl(r.fhirType());
            identifierOf(r).ifPresent(i -> request.setIfNoneExist("identifier=" + i.getSystem() + "|" + i.getValue()));
        }
        return bundle;
    }

    private static Optional<Identifier> identifierOf(Resource r) {
        return StoreIndex.identifiersOf(r).stream().findFirst();
    }

    private static ServiceRequest serviceRequest(String patient, String identifier) {
        ServiceRequest r = new ServiceRequest().setStatus(ServiceRequest.ServiceRequestStatus.DRAFT)
                .setIntent(ServiceRequest.ServiceRequestIntent.PROPOSAL)
                .setCode(new CodeableConcept().setText("Blood cultures")).setSubject(new Reference("Patient/" + patient));
        r.addIdentifier().setSystem(SYSTEM).setValue(identifier);
        return r;
    }

    private static Task task(String patient, String identifier) {
        Task t = new Task().setStatus(Task.TaskStatus.DRAFT).setIntent(Task.TaskIntent.PROPOSAL)
                .setCode(new CodeableConcept().setText("Urgent review")).setFor(new Reference("Patient/" + patient));
        t.addIdentifier().setSystem(SYSTEM).setValue(identifier);
        return t;
    }

    private static MedicationRequest medicationRequest(String patient, String identifier) {
        MedicationRequest m = new MedicationRequest().setStatus(MedicationRequest.MedicationRequestStatus.DRAFT)
                .setIntent(MedicationRequest.MedicationRequestIntent.PROPOSAL)
                .setMedication(new CodeableConcept().setText("IV crystalloid")).setSubject(new Reference("Patient/" + patient));
        m.addIdentifier().setSystem(SYSTEM).setValue(identifier);
        return m;
    }

    private static SandboxAccessToken verify(String bearer) throws InvalidSandboxTokenException {
        SandboxAccessToken token = TOKENS.get(bearer);
        if (token == null) {
            throw new InvalidSandboxTokenException("unknown test token");
        }
        return token;
    }

    private static SandboxAccessToken token(Set<String> scopes, String patientId) {
        return new SandboxAccessToken("tester", "chartlens-test", scopes, Optional.ofNullable(patientId),
                Optional.of("Practitioner/sandbox-clinician"), Instant.parse("2099-01-01T00:00:00Z"));
    }
}
