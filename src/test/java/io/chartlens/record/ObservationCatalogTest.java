package io.chartlens.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ObservationCatalogTest {

    private static final ObservationCatalog CATALOG = TestCatalog.CATALOG;

    @Test
    void readsTheVersionedShippedCatalogue() {
        assertEquals("1.0.0", CATALOG.version());
        assertTrue(CATALOG.kinds().size() >= 25, "kinds: " + CATALOG.kinds().size());
    }

    @Test
    void findsEveryCodeVariantTheSamplesUse() {
        Map<String, String> variants = Map.ofEntries(Map.entry("8310-5", "bodyTemperature"),
                Map.entry("8331-1", "bodyTemperature"), Map.entry("2708-6", "oxygenSaturation"),
                Map.entry("59408-5", "oxygenSaturation"), Map.entry("33914-3", "egfr"),
                Map.entry("4548-4", "hba1c"), Map.entry("17856-6", "hba1c"), Map.entry("2160-0", "creatinine"),
                Map.entry("38483-4", "creatinine"), Map.entry("3094-0", "bloodUreaNitrogen"),
                Map.entry("6299-2", "bloodUreaNitrogen"), Map.entry("2951-2", "sodium"), Map.entry("2947-0", "sodium"),
                Map.entry("2823-3", "potassium"), Map.entry("6298-4", "potassium"), Map.entry("2339-0", "glucose"),
                Map.entry("2345-7", "glucose"), Map.entry("718-7", "hemoglobin"), Map.entry("777-3", "plateletCount"),
                Map.entry("6690-2", "whiteBloodCellCount"), Map.entry("72166-2", "smokingStatus"),
                Map.entry("8867-4", "heartRate"), Map.entry("9279-1", "respiratoryRate"));
        variants.forEach((code, kind) -> assertEquals(kind, CATALOG.byLoinc(code).map(ObservationKind::kind)
                .orElse("(none)"), "LOINC " + code));
        assertEquals(Optional.empty(), CATALOG.byLoinc("X9999-0"));
        assertEquals(Optional.empty(), CATALOG.byLoinc("93025-5"));
    }

    @Test
    void mapsEachBloodPressurePanelCodeToSystolicAndDiastolicComponents() {
        for (String panel : List.of("85354-9", "55284-4", "96607-7")) {
            ObservationCatalog.Panel p = CATALOG.panelByLoinc(panel).orElseThrow();
            assertEquals("systolicBp", p.components().get("8480-6").kind());
            assertEquals("diastolicBp", p.components().get("8462-4").kind());
        }
    }

    @Test
    void findsConsciousnessBySnomedCode() {
        assertEquals("consciousness",
                CATALOG.byCode(Code.SNOMED, "1104441000000107").orElseThrow().kind());
        assertEquals(Optional.empty(), CATALOG.byCode("http://example.org", "8867-4"));
    }

    @Test
    void givesEveryQuantityKindAValidUcumUnitAndEveryAliasAValidTarget() {
        UnitNormalizer units = UnitNormalizer.of(CATALOG);
        for (ObservationKind kind : CATALOG.kinds()) {
            if (!kind.coded()) {
                assertEquals(Optional.of(kind.unit()), units.ucumCode(kind.unit()), kind.kind());
            }
        }
        CATALOG.unitAliases().forEach((alias, code) ->
                assertEquals(Optional.of(code), new UnitNormalizer(Map.of()).ucumCode(code), alias));
    }

    @Test
    void readsMolarMassesAndRangesAsExactDecimals() {
        ObservationKind chol = CATALOG.byKind("totalCholesterol").orElseThrow();
        assertEquals(new BigDecimal("386.65"), chol.molarMassGPerMol());
        ObservationKind sbp = CATALOG.byKind("systolicBp").orElseThrow();
        assertTrue(sbp.outsidePlausibleRange(new BigDecimal("900")));
        assertTrue(!sbp.outsidePlausibleRange(new BigDecimal("300")));
    }

    @Test
    void refusesACodeClaimedByTwoKinds() {
        String json = """
                {"version": "1", "kinds": [
                  {"kind": "a", "label": "A", "loinc": ["1-1"], "unit": "kg"},
                  {"kind": "b", "label": "B", "loinc": ["1-1"], "unit": "kg"}]}""";
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new ObservationCatalog(json));
        assertEquals("record/observations.json is invalid: code 1-1 is claimed by a and b", e.getMessage());
    }

    @Test
    void refusesAPanelNamingAnUnknownKind() {
        String json = """
                {"version": "1", "kinds": [{"kind": "a", "label": "A", "loinc": ["1-1"], "unit": "kg"}],
                 "panels": [{"panel": "p", "label": "P", "loinc": ["2-2"], "components": {"3-3": "nope"}}]}""";
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new ObservationCatalog(json));
        assertEquals("record/observations.json is invalid: panel p names unknown kind nope", e.getMessage());
    }

    @Test
    void refusesAQuantityKindWithoutAUnit() {
        String json = """
                {"version": "1", "kinds": [{"kind": "a", "label": "A", "loinc": ["1-1"]}]}""";
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new ObservationCatalog(json));
        assertTrue(e.getMessage().startsWith("record/observations.json is invalid: "), e.getMessage());
        assertTrue(e.getMessage().contains("unit"), e.getMessage());
    }
}
