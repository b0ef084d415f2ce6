package io.chartlens.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LaunchContextReaderTest {

    @Test
    void absoluteFhirUserBecomesRelative() {
        assertEquals("Practitioner/123", LaunchContextReader.relativeFhirUser("https://ehr/fhir/Practitioner/123"));
    }

    @Test
    void relativeFhirUserIsKept() {
        assertEquals("Practitioner/123", LaunchContextReader.relativeFhirUser("Practitioner/123"));
        assertEquals("PractitionerRole/abc-9", LaunchContextReader.relativeFhirUser("PractitionerRole/abc-9"));
    }

    @Test
    void historySuffixIsStripped() {
        assertEquals("Practitioner/123",
                LaunchContextReader.relativeFhirUser("https://ehr/fhir/Practitioner/123/_history/2"));
        assertEquals("Patient/p1", LaunchContextReader.relativeFhirUser("Patient/p1/_history/7"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "Practitioner", "Practitioner/"})
    void missingOrIncompleteFhirUserIsNull(String fhirUser) {
        assertNull(LaunchContextReader.relativeFhirUser(fhirUser));
    }
}
