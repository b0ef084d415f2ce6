package io.chartlens.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;

/** The reader on real Observations: the sample bundles built into the sandbox, and the shared set when present. */
class ObservationReaderSamplesTest {

    private static final FhirContext FHIR = FhirContext.forR4();
    private static final Path SHARED = Path.of("/work/shared/fhir-samples");

    private final ObservationReader reader = new ObservationReader(TestCatalog.CATALOG);

    private static List<Observation> builtIn(String file) {
        try (InputStream in = ObservationReaderSamplesTest.class.getClassLoader()
                .getResourceAsStream("sandbox/patients/" + file)) {
            return observations(FHIR.newJsonParser().parseResource(Bundle.class, in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Observation> shared(String file) throws IOException {
        try (InputStream in = Files.newInputStream(SHARED.resolve(file))) {
            return observations(FHIR.newJsonParser().parseResource(Bundle.class, in));
        }
    }

    private static List<Observation> observations(Bundle bundle) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(Observation.class::isInstance).map(Observation.class::cast).toList();
    }

    @Test
    void readsBloodPressureFromASyntheaPanel85354dash9() {
        Readings r = reader.read(builtIn("a04-syn-deane47-howell947-873a0414.json"));
        assertEquals(4, r.measurements("systolicBp").size());
        assertEquals(4, r.measurements("diastolicBp").size());
        Measurement sbp = r.latest("systolicBp").orElseThrow();
        Measurement dbp = r.latest("diastolicBp").orElseThrow();
        assertEquals(sbp.source(), dbp.source());
        assertEquals(sbp.effective(), dbp.effective());
        assertTrue(sbp.source().startsWith("Observation/"), sbp.source());
        assertEquals("mm[Hg]", sbp.unit());
        assertEquals(List.of(), r.issues());
    }

    @Test
    void readsBloodPressureFromAGsdPanel55284dash4() {
        Readings r = reader.read(builtIn("a05-gsd-trey-berge-f46d1649.json"));
        assertEquals(11, r.measurements("systolicBp").size());
        assertEquals(11, r.measurements("diastolicBp").size());
        assertEquals(11, r.measurements("egfr").size(), "33914-3 in mL/min and mL/min/{1.73_m2}");
        assertEquals(List.of(), r.issues());
    }

    @Test
    void matchesAGsdEgfrWhoseDisplayHasAZeroWidthSpace() {
        List<Observation> observations = builtIn("a13-gsd-michele-wolf-0f49d2d0.json");
        Observation egfr = observations.stream()
                .filter(o -> o.getCode().getCodingFirstRep().getDisplay().contains("\u200b")
                        && o.getCode().getCodingFirstRep().getCode().equals("33914-3"))
                .findFirst().orElseThrow();
        Readings r = reader.read(List.of(egfr));
        assertEquals(1, r.measurements("egfr").size());
        assertEquals(List.of(), r.issues());
    }

    @Test
    void ignoresPrapareAndPainScoresAndSortsNewestFirst() {
        Readings r = reader.read(builtIn("a04-syn-deane47-howell947-873a0414.json"));
        assertFalse(r.measurements().isEmpty());
        for (int i = 1; i < r.measurements().size(); i++) {
            assertFalse(r.measurements().get(i).effective().isAfter(r.measurements().get(i - 1).effective()));
        }
        assertEquals(4, r.coded().stream().filter(c -> c.kind().equals("smokingStatus")).count());
    }

    @Test
    void ignoresTheNonExistentLoincX9999dash0InASyntheaRecord() throws IOException {
        Path file = SHARED.resolve("a03-syn-reuben327-lloyd546-graham902-1c488475.json");
        assumeTrue(Files.isRegularFile(file), "the shared sample folder is not on this machine");
        List<Observation> operative = shared(file.getFileName().toString()).stream()
                .filter(o -> o.getCode().getCodingFirstRep().getCode().equals("X9999-0")).toList();
        assertFalse(operative.isEmpty());
        assertEquals(new Readings(List.of(), List.of(), List.of()), reader.read(operative));
    }

    @Test
    void reportsInfernoDataAbsentValuesAndUsesPeriodStarts() throws IOException {
        Path file = SHARED.resolve("a02-inferno-dustin31-ritchie586-355.json");
        assumeTrue(Files.isRegularFile(file), "the shared sample folder is not on this machine");
        Readings r = reader.read(shared(file.getFileName().toString()));
        assertTrue(r.issues().stream().anyMatch(i -> i.kind() != null && i.kind().equals("heartRate")
                && i.reason().equals("no value (data absent: unknown)")), r.issues().toString());
        assertTrue(r.measurements().stream().anyMatch(m -> m.dateSource() == Measurement.DateSource.EFFECTIVE_PERIOD_START));
        assertEquals(1, r.measurements().stream().filter(m -> m.kind().equals("bodyTemperature")
                && m.source().equals("Observation/61c8aa40-25fd-4029-9ab4-783b1d50bed8")).count()
                + r.issues().stream().filter(i -> i.source().equals("Observation/61c8aa40-25fd-4029-9ab4-783b1d50bed8")).count(),
                "8310-5 + 8331-1 on one Observation count once");
    }
}
