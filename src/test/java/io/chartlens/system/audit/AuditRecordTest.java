package io.chartlens.system.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuditRecordTest {

    private static AuditRecord record(String who, String patient, Set<String> types, String detail) {
        return new AuditRecord(who, "sandbox", patient, " ", AuditAction.READ_RECORD, types, AuditOutcome.SUCCESS,
                detail, "req-1");
    }

    @Test
    void resourceTypesAreSortedAndJoinedWithoutSpaces() {
        AuditRecord r = record("Practitioner/1", "p1", Set.of("Observation", "Condition", "AllergyIntolerance"), null);
        assertEquals(List.of("AllergyIntolerance", "Condition", "Observation"), List.copyOf(r.resourceTypes()));
        assertEquals("AllergyIntolerance,Condition,Observation", r.resourceTypesJoined());
        assertEquals(r.resourceTypes(), AuditRecord.splitResourceTypes(r.resourceTypesJoined()));
        assertEquals(Set.of(), AuditRecord.splitResourceTypes(""));
        assertThrows(UnsupportedOperationException.class, () -> r.resourceTypes().add("Patient"));
    }

    @Test
    void emptyResourceTypesAreAllowed() {
        assertEquals("", record("Practitioner/1", "p1", Set.of(), null).resourceTypesJoined());
    }

    @Test
    void blankOptionalValuesBecomeNull() {
        AuditRecord r = record("Practitioner/1", "p1", Set.of(), "  ");
        assertNull(r.encounterId());
        assertNull(r.detail());
    }

    @Test
    void requiredValuesAreRequired() {
        assertThrows(IllegalArgumentException.class, () -> record(null, "p1", Set.of(), null));
        assertThrows(IllegalArgumentException.class, () -> record("Practitioner/1", " ", Set.of(), null));
        assertThrows(NullPointerException.class, () -> record("Practitioner/1", "p1", null, null));
        assertThrows(NullPointerException.class, () -> new AuditRecord("Practitioner/1", "e", "p", null, null,
                Set.of(), AuditOutcome.SUCCESS, null, null));
    }

    @Test
    void overlongIdentifiersAreRejectedWithoutEchoingThem() {
        String patient = "P".repeat(AuditRecord.PATIENT_MAX + 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> record("Practitioner/1", patient, Set.of(), null));
        assertTrue(e.getMessage().startsWith("patientId is longer than 200"), e.getMessage());
        assertFalse(e.getMessage().contains("PPP"), e.getMessage());
        assertEquals(AuditRecord.PATIENT_MAX, record("Practitioner/1", patient.substring(1), Set.of(), null)
                .patientId().length());
        assertThrows(IllegalArgumentException.class,
                () -> record("x".repeat(AuditRecord.WHO_MAX + 1), "p1", Set.of(), null));
        assertThrows(IllegalArgumentException.class, () -> record("Practitioner/1\n", "p1\r\nforged", Set.of(), null));
    }

    @Test
    void resourceTypesMustBeTypeNames() {
        for (String bad : new String[] {"observation", "Observation,Condition", "Obs ervation", "", "Observation/1"}) {
            assertThrows(IllegalArgumentException.class, () -> record("Practitioner/1", "p1", Set.of(bad), null),
                    bad);
        }
        Set<String> withNull = new HashSet<>();
        withNull.add(null);
        assertThrows(IllegalArgumentException.class, () -> record("Practitioner/1", "p1", withNull, null));
        Set<String> tooMany = new HashSet<>();
        for (int i = 0; i < 60; i++) {
            tooMany.add("Resource" + i);
        }
        assertThrows(IllegalArgumentException.class, () -> record("Practitioner/1", "p1", tooMany, null));
    }

    @Test
    void detailIsCleanedAndCut() {
        AuditRecord r = record("Practitioner/1", "p1", Set.of(), "Observation: HTTP 403\nforged line");
        assertEquals("Observation: HTTP 403?forged line", r.detail());
        String cut = record("Practitioner/1", "p1", Set.of(), "d".repeat(600)).detail();
        assertEquals(AuditRecord.DETAIL_MAX, cut.length());
        assertTrue(cut.endsWith("…"));
        AuditRecord longRequest = new AuditRecord("Practitioner/1", "e", "p", null, AuditAction.EXPORT, Set.of(),
                AuditOutcome.FAILURE, null, "r".repeat(100));
        assertEquals(AuditRecord.REQUEST_ID_MAX, longRequest.requestId().length());
    }

    @Test
    void toStringLeavesOutWhoPatientAndEncounter() {
        AuditRecord r = new AuditRecord("Practitioner/secret-doc", "sandbox", "secret-patient", "secret-encounter",
                AuditAction.VIEW_SUMMARY, Set.of("Patient"), AuditOutcome.SUCCESS, null, "req-9");
        String text = r.toString();
        assertFalse(text.contains("secret"), text);
        assertTrue(text.contains("VIEW_SUMMARY") && text.contains("req-9"), text);
    }
}
