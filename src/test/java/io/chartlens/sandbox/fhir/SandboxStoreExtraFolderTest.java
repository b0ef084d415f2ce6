package io.chartlens.sandbox.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;

class SandboxStoreExtraFolderTest {

    private static final Path SAMPLES = Path.of("/work/shared/fhir-samples");

    @Test
    void loadsAllTwentyFiveSamplePatientsOnceBesidesTheOverlappingBuiltIns() {
        assumeTrue(Files.isDirectory(SAMPLES), "the shared sample folder is not on this machine");
        SandboxStore store = SandboxStore.load(Optional.of(SAMPLES));
        List<PatientListing> patients = store.patients();
        // the 25 samples plus the built-in fictitious demo patient c01 (not a sample)
        assertEquals(26, patients.size());
        assertEquals(26, new HashSet<>(patients.stream().map(PatientListing::id).toList()).size());
        long a06Observations = store.compartment("e1ca0a50-2f1b-d54e-b648-432e3490bcc4").stream()
                .filter(Observation.class::isInstance).count();
        assertTrue(a06Observations > 2000, "a06 (6,828 entries) has 2,684 Observations; got " + a06Observations);
        long a04Observations = store.compartment(SandboxTestServer.A04).stream()
                .filter(Observation.class::isInstance).count();
        assertEquals(81, a04Observations, "a04 is built in and in the folder; its bundle must load once");
    }
}
