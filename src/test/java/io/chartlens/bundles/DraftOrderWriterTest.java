package io.chartlens.bundles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import io.chartlens.caregaps.CareGapStatus;
import io.chartlens.record.PatientRecord;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

/** Draft orders written to the real sandbox FHIR server in Jetty on loopback, a fresh one per test. */
class DraftOrderWriterTest {

    private static final List<String> ALL_READMISSION =
            List.of("med-reconciliation", "follow-up-7-days", "discharge-education", "home-health-referral");

    @Test
    void theSameTransactionPostedTwiceWritesEachDraftExactlyOnce() throws Exception {
        try (SandboxEhr ehr = SandboxEhr.start()) {
            SuggestedBundle readmission = DraftOrdersTest.suggested("readmission");
            DraftOrderWriter writer = new DraftOrderWriter(ehr.client(SandboxEhr.WRITER));
            DraftOrderResult first = writer.write(readmission, ALL_READMISSION, "Patient/" + SandboxEhr.A04, null,
                    "Practitioner/sandbox-hospitalist", "launch-1");
            DraftOrderResult retry = writer.write(readmission, ALL_READMISSION, "Patient/" + SandboxEhr.A04, null,
                    "Practitioner/sandbox-hospitalist", "launch-1");

            assertTrue(first.indicatesSuccess(), first.toString());
            assertEquals(ALL_READMISSION, first.outcomes().stream().map(DraftOrderResult.ItemOutcome::itemId).toList());
            assertTrue(first.outcomes().stream().allMatch(o -> o.outcome() == DraftOrderResult.Outcome.CREATED));
            assertTrue(retry.outcomes().stream().allMatch(o -> o.outcome() == DraftOrderResult.Outcome.ALREADY_EXISTED),
                    retry.toString());
            for (int n = 0; n < ALL_READMISSION.size(); n++) {
                assertEquals(first.outcomes().get(n).reference(), retry.outcomes().get(n).reference());
            }
            IGenericClient client = ehr.client(SandboxEhr.READER);
            assertEquals(3, serviceRequests(client, SandboxEhr.A04).getEntry().size(), "three ServiceRequests, once each");
            assertEquals(1, client.search().forResource(Task.class).where(Task.PATIENT.hasId(SandboxEhr.A04))
                    .returnBundle(Bundle.class).execute().getEntry().size());
            String value = DraftOrders.identifierValue(SandboxEhr.A04, readmission.definition(), "med-reconciliation");
            Bundle byIdentifier = client.search().forResource(ServiceRequest.class)
                    .where(ServiceRequest.IDENTIFIER.exactly().systemAndIdentifier(DraftOrders.IDENTIFIER_SYSTEM, value))
                    .returnBundle(Bundle.class).execute();
            assertEquals(1, byIdentifier.getEntry().size());
            ServiceRequest stored = (ServiceRequest) byIdentifier.getEntryFirstRep().getResource();
            assertEquals(ServiceRequest.ServiceRequestStatus.DRAFT, stored.getStatus());
            assertEquals(ServiceRequest.ServiceRequestIntent.PROPOSAL, stored.getIntent());
            assertEquals("Practitioner/sandbox-hospitalist", stored.getRequester().getReference());
            assertEquals(first.outcomes().get(0).reference(), "ServiceRequest/" + stored.getIdElement().getIdPart());
        }
    }

    @Test
    void aDoubleClickSubmittingTwiceAtOnceWritesEachDraftOnce() throws Exception {
        try (SandboxEhr ehr = SandboxEhr.start()) {
            SuggestedBundle sepsis = DraftOrdersTest.suggested("sepsis");
            List<String> items = sepsis.definition().items().stream().map(BundleItem::id).toList();
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<DraftOrderResult>> clicks = List.of(1, 2).stream().map(n ->
                    CompletableFuture.supplyAsync(() -> {
                        DraftOrderWriter writer = new DraftOrderWriter(ehr.client(SandboxEhr.WRITER));
                        try {
                            go.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return writer.write(sepsis, items, SandboxEhr.A05, null, null, "form-" + n);
                    })).toList();
            go.countDown();
            List<DraftOrderResult> results = clicks.stream().map(CompletableFuture::join).toList();
            for (int n = 0; n < items.size(); n++) {
                int i = n;
                List<DraftOrderResult.Outcome> outcomes = results.stream().map(r -> r.outcomes().get(i).outcome())
                        .sorted().toList();
                assertEquals(List.of(DraftOrderResult.Outcome.CREATED, DraftOrderResult.Outcome.ALREADY_EXISTED),
                        outcomes, items.get(i));
            }
            IGenericClient client = ehr.client(SandboxEhr.READER);
            assertEquals(2, serviceRequests(client, SandboxEhr.A05).getEntry().size());
            assertEquals(2, client.search().forResource(MedicationRequest.class)
                    .where(MedicationRequest.PATIENT.hasId(SandboxEhr.A05))
                    .and(MedicationRequest.IDENTIFIER.hasSystemWithAnyCode(DraftOrders.IDENTIFIER_SYSTEM))
                    .returnBundle(Bundle.class).execute().getEntry().size());
        }
    }

    @Test
    void writtenDraftsAreShownAsAlreadyOrderedTheNextTimeTheBundleIsSuggested() throws Exception {
        try (SandboxEhr ehr = SandboxEhr.start()) {
            PatientRecord before = ehr.record(SandboxEhr.A04);
            var gaps = Records.gaps(before, CareGapStatus.OPEN_GAP, "statin", "breast");
            ExistingOrders none = ExistingOrders.read(ehr.client(SandboxEhr.READER), SandboxEhr.A04);
            assertEquals(List.of(), none.orders());
            BundleSuggestions first = BundleSuggestions.of(before, Records.panel(before), gaps, Config.catalog(), none);
            SuggestedBundle statin = bundle(first, "statin");
            SuggestedBundle screening = bundle(first, "preventive-screening");
            assertEquals(ItemStatus.SUGGESTED, statin.item("statin-therapy").orElseThrow().status());
            DraftOrderWriter writer = new DraftOrderWriter(ehr.client(SandboxEhr.A04_WRITER));
            DraftOrderResult written = writer.write(statin, List.of("statin-therapy"), SandboxEhr.A04, null, null, "k");
            DraftOrderResult mammogram = writer.write(screening, List.of("screening-mammography"), SandboxEhr.A04,
                    null, null, "k");
            assertTrue(written.indicatesSuccess() && mammogram.indicatesSuccess(), written + " " + mammogram);

            PatientRecord after = ehr.record(SandboxEhr.A04);
            assertEquals(before.referenceDate(), after.referenceDate(), "a draft does not move the reference date");
            ExistingOrders orders = ExistingOrders.read(ehr.client(SandboxEhr.READER), SandboxEhr.A04);
            BundleSuggestions again = BundleSuggestions.of(after, Records.panel(after), gaps, Config.catalog(), orders);
            SuggestedBundle.Item statinAgain = bundle(again, "statin").item("statin-therapy").orElseThrow();
            assertEquals(ItemStatus.ALREADY_ORDERED, statinAgain.status());
            assertEquals(written.outcomes().get(0).reference(), statinAgain.shownBy().orElseThrow().reference());
            assertEquals("draft", statinAgain.shownBy().orElseThrow().status());
            SuggestedBundle.Item mammogramAgain = bundle(again, "preventive-screening").item("screening-mammography")
                    .orElseThrow();
            assertEquals(ItemStatus.ALREADY_ORDERED, mammogramAgain.status());
            assertEquals(mammogram.outcomes().get(0).reference(), mammogramAgain.shownBy().orElseThrow().reference());

            DraftOrderResult reselected = writer.write(bundle(again, "statin"), List.of("statin-therapy"),
                    SandboxEhr.A04, null, null, "k2");
            assertEquals(DraftOrderResult.Outcome.ALREADY_EXISTED, reselected.outcomes().get(0).outcome());
            assertEquals(written.outcomes().get(0).reference(), reselected.outcomes().get(0).reference());
        }
    }

    @Test
    void withoutCreateScopeEveryItemFailsWithTheReasonNothingIsWrittenAndTheSelectionIsKept() throws Exception {
        try (SandboxEhr ehr = SandboxEhr.start()) {
            SuggestedBundle readmission = DraftOrdersTest.suggested("readmission");
            DraftOrderResult result = new DraftOrderWriter(ehr.client(SandboxEhr.READER))
                    .write(readmission, ALL_READMISSION, SandboxEhr.A04, null, null, "k");
            assertTrue(!result.indicatesSuccess());
            assertEquals(ALL_READMISSION, result.selectedItemIds());
            assertEquals(4, result.failed().size());
            DraftOrderResult.ItemOutcome outcome = result.failed().get(0);
            assertEquals(DraftOrderResult.Failure.WRITE_NOT_PERMITTED, outcome.failure());
            assertTrue(outcome.reason().startsWith("The EHR refused the draft orders (HTTP 403: Missing scope: this"
                    + " request needs patient/ServiceRequest.c or user/ServiceRequest.c). Nothing was written;"
                    + " the selection is kept."), outcome.reason());
            assertEquals(0, serviceRequests(ehr.client(SandboxEhr.READER), SandboxEhr.A04).getEntry().size());

            DraftOrderResult otherPatient = new DraftOrderWriter(ehr.client(SandboxEhr.A04_WRITER))
                    .write(readmission, List.of("home-health-referral"), SandboxEhr.A05, null, null, "k");
            assertEquals(DraftOrderResult.Failure.WRITE_NOT_PERMITTED, otherPatient.failed().get(0).failure());
        }
    }

    @Test
    void anUnknownItemFailsAloneWhileTheOthersAreWritten() throws Exception {
        try (SandboxEhr ehr = SandboxEhr.start()) {
            DraftOrderResult result = new DraftOrderWriter(ehr.client(SandboxEhr.WRITER)).write(
                    DraftOrdersTest.suggested("readmission"), List.of("home-health-referral", "lactate"),
                    SandboxEhr.A04, null, null, "k");
            assertEquals(List.of("home-health-referral", "lactate"), result.selectedItemIds());
            assertEquals(DraftOrderResult.Outcome.CREATED, result.outcomes().get(0).outcome());
            assertNotNull(result.outcomes().get(0).reference());
            assertEquals(DraftOrderResult.Failure.NOT_IN_BUNDLE, result.outcomes().get(1).failure());
        }
    }

    @Test
    void anEhrThatCannotBeReachedSaysSoAndThatSubmittingAgainIsSafe() {
        FhirContext context = FhirContext.forR4Cached();
        context.getRestfulClientFactory().setServerValidationMode(
                ca.uhn.fhir.rest.client.api.ServerValidationModeEnum.NEVER);
        IGenericClient nowhere = context.newRestfulGenericClient("http://127.0.0.1:9/fhir");
        DraftOrderResult result = new DraftOrderWriter(nowhere).write(DraftOrdersTest.suggested("readmission"),
                List.of("home-health-referral"), SandboxEhr.A04, null, null, "k");
        DraftOrderResult.ItemOutcome outcome = result.failed().get(0);
        assertEquals(DraftOrderResult.Failure.EHR_UNREACHABLE, outcome.failure());
        assertTrue(outcome.reason().contains("Submitting again is safe"), outcome.reason());
        assertEquals(List.of("home-health-referral"), result.selectedItemIds());
    }

    private static Bundle serviceRequests(IGenericClient client, String patientId) {
        return client.search().forResource(ServiceRequest.class).where(ServiceRequest.PATIENT.hasId(patientId))
                .returnBundle(Bundle.class).execute();
    }

    private static SuggestedBundle bundle(BundleSuggestions suggestions, String id) {
        return suggestions.suggested().stream().filter(b -> b.definition().id().equals(id)).findFirst().orElseThrow();
    }
}
