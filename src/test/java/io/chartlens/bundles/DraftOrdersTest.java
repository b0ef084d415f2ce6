package io.chartlens.bundles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

class DraftOrdersTest {

    static SuggestedBundle suggested(String bundleId) {
        BundleDefinition definition = Config.catalog().bundle(bundleId).orElseThrow();
        return suggested(definition);
    }

    static SuggestedBundle suggested(BundleDefinition definition) {
        SuggestedBundle.Why why = new SuggestedBundle.Why(definition.triggers().get(0), "LACE index: 12 points",
                Optional.empty(), Optional.empty(), List.of());
        return new SuggestedBundle(definition, List.of(why), definition.items().stream()
                .map(i -> new SuggestedBundle.Item(i, ItemStatus.SUGGESTED, Optional.empty())).toList(), List.of());
    }

    @Test
    void eachSelectedItemIsADraftProposalPostedAsAConditionalCreateOnItsIdentifier() {
        SuggestedBundle readmission = suggested("readmission");
        Bundle tx = DraftOrders.transaction(readmission, List.of("med-reconciliation", "discharge-education"),
                "Patient/p1", "Encounter/e1", "Practitioner/sandbox-hospitalist", "launch-1");
        assertEquals(Bundle.BundleType.TRANSACTION, tx.getType());
        assertEquals(2, tx.getEntry().size());

        Bundle.BundleEntryComponent first = tx.getEntry().get(0);
        ServiceRequest reconciliation = (ServiceRequest) first.getResource();
        String value = DraftOrders.identifierValue("Patient/p1", readmission.definition(), "med-reconciliation");
        assertEquals(Bundle.HTTPVerb.POST, first.getRequest().getMethod());
        assertEquals("ServiceRequest", first.getRequest().getUrl());
        assertEquals("identifier=" + DraftOrders.IDENTIFIER_SYSTEM + "|" + value, first.getRequest().getIfNoneExist());
        assertTrue(first.getFullUrl().startsWith("urn:uuid:"));
        assertEquals(ServiceRequest.ServiceRequestStatus.DRAFT, reconciliation.getStatus());
        assertEquals(ServiceRequest.ServiceRequestIntent.PROPOSAL, reconciliation.getIntent());
        assertEquals(DraftOrders.IDENTIFIER_SYSTEM, reconciliation.getIdentifierFirstRep().getSystem());
        assertEquals(value, reconciliation.getIdentifierFirstRep().getValue());
        assertEquals("430193006", reconciliation.getCode().getCodingFirstRep().getCode());
        assertEquals("Patient/p1", reconciliation.getSubject().getReference());
        assertEquals("Encounter/e1", reconciliation.getEncounter().getReference());
        assertEquals("Practitioner/sandbox-hospitalist", reconciliation.getRequester().getReference());
        assertEquals("http://chartlens.io/fhir/ActivityDefinition/pharmacist-med-reconciliation|1.0.0",
                reconciliation.getInstantiatesCanonical().get(0).getValue());
        assertEquals(DraftOrders.REQUEST_SYSTEM, reconciliation.getRequisition().getSystem());
        assertTrue(reconciliation.getNoteFirstRep().getText().contains("Why: LACE index: 12 points."));
        assertTrue(!reconciliation.hasAuthoredOn(), "authored when signed in the EHR");

        Task education = (Task) tx.getEntry().get(1).getResource();
        assertEquals(Task.TaskStatus.DRAFT, education.getStatus());
        assertEquals(Task.TaskIntent.PROPOSAL, education.getIntent());
        assertEquals("Patient/p1", education.getFor().getReference());
        assertEquals(reconciliation.getRequisition().getValue(), education.getGroupIdentifier().getValue());
    }

    @Test
    void aMedicationItemIsADraftMedicationRequestWithItsProductAndDosage() {
        Bundle tx = DraftOrders.transaction(suggested("sepsis"), List.of("sepsis-crystalloid"), "p1", null, null, "k");
        MedicationRequest fluids = (MedicationRequest) tx.getEntryFirstRep().getResource();
        assertEquals(MedicationRequest.MedicationRequestStatus.DRAFT, fluids.getStatus());
        assertEquals(MedicationRequest.MedicationRequestIntent.PROPOSAL, fluids.getIntent());
        assertEquals(MedicationRequest.MedicationRequestPriority.STAT, fluids.getPriority());
        assertEquals("IV crystalloid (balanced solution)", fluids.getMedicationCodeableConcept().getText());
        assertTrue(fluids.getDosageInstructionFirstRep().getText().startsWith("30 mL/kg IV within 3 hours"));
        assertEquals("Patient/p1", fluids.getSubject().getReference());
        assertTrue(!fluids.hasEncounter() && !fluids.hasRequester());
    }

    @Test
    void theIdentifierDependsOnPatientBundleVersionAndItemButNotOnTheRequest() {
        SuggestedBundle readmission = suggested("readmission");
        Bundle once = DraftOrders.transaction(readmission, List.of("home-health-referral"), "Patient/p1", null, null, "a");
        Bundle again = DraftOrders.transaction(readmission, List.of("home-health-referral"), "p1", null, null, "b");
        assertEquals(once.getEntryFirstRep().getRequest().getIfNoneExist(),
                again.getEntryFirstRep().getRequest().getIfNoneExist());
        assertEquals(once.getEntryFirstRep().getFullUrl(), again.getEntryFirstRep().getFullUrl());
        BundleDefinition d = readmission.definition();
        BundleDefinition next = new BundleDefinition(d.id(), d.url(), "1.1.0", d.title(), d.description(), d.triggers(),
                d.withheldWhenTaking(), d.items(), d.citations());
        assertNotEquals(DraftOrders.identifierValue("p1", d, "home-health-referral"),
                DraftOrders.identifierValue("p1", next, "home-health-referral"));
        assertNotEquals(DraftOrders.identifierValue("p1", d, "home-health-referral"),
                DraftOrders.identifierValue("p2", d, "home-health-referral"));
        assertNotEquals(DraftOrders.identifierValue("p1", d, "home-health-referral"),
                DraftOrders.identifierValue("p1", d, "discharge-education"));
        assertEquals(64, DraftOrders.identifierValue("p1", d, "home-health-referral").length());
    }

    @Test
    void refusesAnItemOutsideTheBundleOrOneThePatientAlreadyHas() {
        SuggestedBundle readmission = suggested("readmission");
        var unknown = assertThrows(IllegalArgumentException.class, () -> DraftOrders.transaction(readmission,
                List.of("lactate"), "p1", null, null, "k"));
        assertEquals("'lactate' is not an item of bundle readmission", unknown.getMessage());
        SuggestedBundle done = new SuggestedBundle(readmission.definition(), readmission.why(), List.of(
                new SuggestedBundle.Item(readmission.definition().items().get(0), ItemStatus.ALREADY_DONE,
                        Optional.of(new SuggestedBundle.Holding("Procedure/pr1", "Medication Reconciliation",
                                "completed", Optional.empty())))), List.of());
        var already = assertThrows(IllegalArgumentException.class, () -> DraftOrders.transaction(done,
                List.of("med-reconciliation"), "p1", null, null, "k"));
        assertEquals("item med-reconciliation is already done (Procedure/pr1)", already.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DraftOrders.transaction(readmission, List.of(), "p1", null,
                null, "k"));
        assertThrows(IllegalArgumentException.class, () -> DraftOrders.transaction(readmission,
                List.of("home-health-referral"), "Encounter/e1", null, null, "k"));
    }

    @Test
    void theOrderListToCopyNamesEachSelectedItemWithItsCodePriorityAndDosage() {
        assertEquals("""
                Suspected sepsis (qSOFA 2 or more)
                - Blood cultures (two sets) before antibiotics [600-7 Bacteria identified in Blood by Culture] (stat)
                - IV crystalloid (balanced solution) (stat): 30 mL/kg IV within 3 hours if hypotensive or lactate >= 4\
                 mmol/L; reassess after each bolus
                """, DraftOrders.orderList(suggested("sepsis"), List.of("blood-cultures", "sepsis-crystalloid")));
    }
}
