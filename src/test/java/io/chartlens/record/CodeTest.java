package io.chartlens.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.junit.jupiter.api.Test;

class CodeTest {

    private static CodeableConcept concept(String system, String code, String display) {
        return new CodeableConcept(new Coding(system, code, display));
    }

    @Test
    void takesSystemAndCodeFromTheFirstCodingAndPrefersTheConceptText() {
        CodeableConcept c = concept(Code.SNOMED, "49436004", "Atrial fibrillation (disorder)").setText("AF");
        c.addCoding(new Coding(Code.SNOMED, "other", "Other"));

        assertEquals(new Code(Code.SNOMED, "49436004", "AF"), Code.of(c));
    }

    @Test
    void fallsBackToTheCodingDisplayWithoutText() {
        assertEquals(new Code(Code.LOINC, "4548-4", "Hemoglobin A1c"),
                Code.of(concept(Code.LOINC, "4548-4", "Hemoglobin A1c")));
    }

    @Test
    void fallsBackToTheCodeWithoutTextOrDisplay() {
        assertEquals(new Code(Code.LOINC, "4548-4", "4548-4"), Code.of(concept(Code.LOINC, "4548-4", null)));
    }

    @Test
    void removesZeroWidthSpacesFromADisplay() {
        Code read = Code.of(concept(Code.LOINC, "2093-3", "Total\u200B cholesterol\u200B"));

        assertEquals("Total cholesterol", read.display());
        assertEquals("2093-3", read.code());
    }

    @Test
    void namesAnEmptyOrMissingConceptUnnamed() {
        assertEquals(new Code(null, null, "Unnamed"), Code.of(new CodeableConcept()));
        assertEquals(new Code(null, null, "Unnamed"), Code.of(null));
    }

    @Test
    void keepsATextOnlyConceptsText() {
        assertEquals(new Code(null, null, "Back pain"), Code.of(new CodeableConcept().setText("Back pain")));
    }

    @Test
    void cleanNamesBlankTextUnnamed() {
        assertEquals("Unnamed", Code.clean(null));
        assertEquals("Unnamed", Code.clean("  "));
        assertEquals("Simvistatin 10 MG", Code.clean(" Simvistatin\u200B 10 MG\uFEFF "));
    }

    /** Bug: a display made only of invisible characters becomes "" instead of "Unnamed" (Code's contract). */
    @Test
    void cleanNamesTextOfOnlyZeroWidthCharactersUnnamed() {
        assertEquals("Unnamed", Code.clean("\u200B"));
    }

    @Test
    void anyOfMatchesOnSystemAndCodeInAnyCoding() {
        CodeableConcept c = concept(Code.LOINC, "8310-5", "Body temperature");
        c.addCoding(new Coding(Code.LOINC, "8331-1", "Oral temperature"));

        assertTrue(Code.anyOf(c, Code.LOINC, List.of("8331-1")));
        assertTrue(Code.anyOf(c, Code.LOINC, List.of("x", "8310-5")));
    }

    @Test
    void anyOfIgnoresDisplaysAndOtherSystems() {
        CodeableConcept c = concept(Code.SNOMED, "8310-5", "Body temperature");

        assertFalse(Code.anyOf(c, Code.LOINC, List.of("8310-5")), "same code, other system");
        assertFalse(Code.anyOf(c, Code.SNOMED, List.of("Body temperature")), "display is not a code");
        assertFalse(Code.anyOf(null, Code.SNOMED, List.of("8310-5")));
        assertFalse(Code.anyOf(new CodeableConcept().setText("8310-5"), Code.SNOMED, List.of("8310-5")));
    }
}
