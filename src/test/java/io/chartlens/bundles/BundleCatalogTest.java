package io.chartlens.bundles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chartlens.caregaps.CareGapStatus;
import io.chartlens.record.Code;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BundleCatalogTest {

    private static final String READMISSION = "bundles/PlanDefinition-readmission.json";

    @Test
    void loadsTheSixCommittedBundlesEachWithItsTriggersAndItems() {
        BundleCatalog catalog = Config.catalog();
        assertEquals(Set.of("readmission", "deterioration", "sepsis", "stroke-prevention", "statin",
                "preventive-screening"), catalog.bundles().stream().map(BundleDefinition::id).collect(Collectors.toSet()));
        for (BundleDefinition bundle : catalog.bundles()) {
            assertFalse(bundle.triggers().isEmpty(), bundle.id());
            assertFalse(bundle.items().isEmpty(), bundle.id());
            assertFalse(bundle.citations().isEmpty(), bundle.id() + " cites its evidence");
            assertEquals("1.0.0", bundle.version());
        }
        BundleDefinition readmission = catalog.bundle("readmission").orElseThrow();
        assertEquals(List.of(new BundleTrigger.ScoreBand("lace", "high (LACE >= 10)"),
                new BundleTrigger.ScoreBand("hospital", "high (HOSPITAL >= 7)")), readmission.triggers());
        BundleItem reconciliation = readmission.item("med-reconciliation").orElseThrow();
        assertEquals(OrderKind.SERVICE_REQUEST, reconciliation.kind());
        assertEquals(List.of(new Code(Code.SNOMED, "430193006", "Medication reconciliation (procedure)")),
                reconciliation.what().codings());
        assertEquals("http://chartlens.io/fhir/ActivityDefinition/pharmacist-med-reconciliation|1.0.0",
                reconciliation.activityCanonical());
        assertEquals(java.util.Optional.of(Period.ofDays(7)), reconciliation.satisfiedBy().within());
        assertEquals(OrderKind.TASK, readmission.item("discharge-education").orElseThrow().kind());
    }

    @Test
    void strokePreventionIsWithheldForTheFiveOralAnticoagulants() {
        BundleDefinition stroke = Config.catalog().bundle("stroke-prevention").orElseThrow();
        assertEquals(Map.of("11289", "warfarin", "1364430", "apixaban", "1114195", "rivaroxaban",
                        "1037042", "dabigatran", "1599538", "edoxaban"),
                stroke.withheldWhenTaking().stream().collect(Collectors.toMap(Ingredient::rxnorm, Ingredient::name)));
        assertEquals(2, stroke.triggers().size(), "one anticoagulation-recommended band per sex");
    }

    @Test
    void valueSetsAreExpandedIntoTheCodesThatShowAnItemIsDone() {
        BundleItem statin = Config.catalog().bundle("statin").orElseThrow().item("statin-therapy").orElseThrow();
        assertEquals(OrderKind.MEDICATION_REQUEST, statin.kind());
        assertTrue(statin.satisfiedBy().matches(Code.RXNORM, "312961"), "simvastatin 20 MG, moderate intensity");
        assertTrue(statin.satisfiedBy().matches(Code.RXNORM, "259255"), "atorvastatin 80 MG, high intensity");
        assertFalse(statin.satisfiedBy().matches(Code.RXNORM, "855332"), "warfarin is no statin");
        BundleItem mammogram = Config.catalog().bundle("preventive-screening").orElseThrow()
                .item("screening-mammography").orElseThrow();
        assertEquals(List.of(new BundleTrigger.GapStatus("breast", CareGapStatus.OPEN_GAP)), mammogram.triggers());
        assertTrue(mammogram.satisfiedBy().matches("http://loinc.org", "24606-6"));
        assertEquals(Set.of("creatinine"), Config.catalog().bundle("stroke-prevention").orElseThrow()
                .item("renal-function").orElseThrow().satisfiedBy().observationKinds());
    }

    @Test
    void aBandTheScoreDoesNotHaveFailsWithTheFileAndTheBandsItHas() {
        var e = assertThrows(IllegalStateException.class, () -> load(READMISSION,
                json -> json.replace("band=high (LACE >= 10)", "band=very high")));
        assertEquals(READMISSION + ": trigger 'score:lace:band=very high': score lace has no band 'very high' (its"
                + " bands: low (LACE 0-4) | moderate (LACE 5-9) | high (LACE >= 10))", e.getMessage());
    }

    @Test
    void aTriggerOnAScoreOrMeasureThatIsNotConfiguredFailsWithTheFile() {
        assertEquals(READMISSION + ": score frailty is not configured (no scores/frailty.json)",
                assertThrows(IllegalStateException.class, () -> load(READMISSION,
                        json -> json.replace("score:lace:band=high (LACE >= 10)", "score:frailty:band=high")))
                        .getMessage());
        String screening = "bundles/PlanDefinition-preventive-screening.json";
        assertEquals(screening + ": trigger 'gap:colonoscopy:open-gap': there is no measures/Measure-colonoscopy.json",
                assertThrows(IllegalStateException.class, () -> load(screening,
                        json -> json.replace("\"gap:colorectal:open-gap\"", "\"gap:colonoscopy:open-gap\"")))
                        .getMessage());
    }

    @Test
    void anActionWithoutItsActivityDefinitionFailsWithTheFile() {
        var missing = assertThrows(IllegalStateException.class, () -> load(READMISSION,
                json -> json.replace("ActivityDefinition/discharge-education|1.0.0", "ActivityDefinition/teach-back|1.0.0")));
        assertEquals(READMISSION + ": action discharge-education names http://chartlens.io/fhir/ActivityDefinition/"
                + "teach-back|1.0.0, which no ActivityDefinition in smart-config/bundles has", missing.getMessage());
        var version = assertThrows(IllegalStateException.class, () -> load(READMISSION,
                json -> json.replace("ActivityDefinition/discharge-education|1.0.0",
                        "ActivityDefinition/discharge-education|2.0.0")));
        assertTrue(version.getMessage().endsWith("but the ActivityDefinition is version 1.0.0"), version.getMessage());
    }

    @Test
    void aFileThatIsNotFhirOrIsMisnamedFailsWithItsName() {
        var broken = assertThrows(IllegalStateException.class, () -> load(READMISSION, json -> "{\"resourceType\": 1"));
        assertTrue(broken.getMessage().startsWith(READMISSION + " is not a FHIR PlanDefinition: "), broken.getMessage());
        var misnamed = assertThrows(IllegalStateException.class, () -> load(READMISSION,
                json -> json.replace("\"id\": \"readmission\"", "\"id\": \"readmit\"")));
        assertEquals(READMISSION + ": the file must be named PlanDefinition-<id>.json after its id, of lowercase"
                + " letters, digits or '-' (id is 'readmit')", misnamed.getMessage());
        var stray = assertThrows(IllegalStateException.class, () -> BundleCatalog.load(Config::read,
                (folder, suffix) -> {
                    List<String> files = new ArrayList<>(Config.list(folder, suffix));
                    if (folder.equals("bundles")) {
                        files.add("bundles/orders.json");
                    }
                    return files;
                }));
        assertEquals("bundles/orders.json: only PlanDefinition-<id>.json and ActivityDefinition-<id>.json belong in"
                + " smart-config/bundles", stray.getMessage());
    }

    @Test
    void anActivityDefinitionNamingAnUnknownValueSetOrKindFailsWithItsFile() {
        String statin = "bundles/ActivityDefinition-lipid-panel.json";
        var valueSet = assertThrows(IllegalStateException.class, () -> load(statin,
                json -> json.replace("2.16.840.1.113883.3.526.3.1573", "2.16.840.1.113883.3.526.3.9999")));
        assertTrue(valueSet.getMessage().startsWith(statin + ": http://chartlens.io/fhir/StructureDefinition/"
                + "satisfied-by-valueset names http://cts.nlm.nih.gov/fhir/ValueSet/2.16.840.1.113883.3.526.3.9999"),
                valueSet.getMessage());
        var kind = assertThrows(IllegalStateException.class, () -> load(statin,
                json -> json.replace("\"ldlCholesterol\"", "\"ldl\"")));
        assertTrue(kind.getMessage().startsWith(statin + ": "), kind.getMessage());
        assertTrue(kind.getMessage().contains("'ldl', which is not a kind of smart-config/record/observations.json"));
        var text = assertThrows(IllegalStateException.class, () -> load("bundles/ActivityDefinition-home-health-referral.json",
                json -> json.replace("\"code\": {\n    \"text\": \"Referral to home-health services\"\n  }", "\"code\": {}")));
        assertTrue(text.getMessage().endsWith("an item needs a code (coding or text)"), text.getMessage());
    }

    /** The committed content with one file changed. */
    private static BundleCatalog load(String path, UnaryOperator<String> change) {
        return BundleCatalog.load(p -> p.equals(path) ? change.apply(Config.read(p)) : Config.read(p), Config::list);
    }
}
