package io.chartlens.cdshooks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chartlens.fhir.RecordSection;
import java.util.EnumSet;
import net.minidev.json.JSONArray;
import net.minidev.json.JSONObject;
import org.junit.jupiter.api.Test;

class CdsDiscoveryTest {

    @Test
    void describesTheOneServiceWithItsPrefetchTemplates() throws Exception {
        JSONObject document = com.nimbusds.oauth2.sdk.util.JSONObjectUtils.parse(CdsDiscovery.document().toJSONString());
        JSONArray services = (JSONArray) document.get("services");
        assertEquals(1, services.size());
        JSONObject service = (JSONObject) services.get(0);
        assertEquals("patient-view", service.get("hook"));
        assertEquals("chartlens-patient-view", service.get("id"));
        JSONObject prefetch = (JSONObject) service.get("prefetch");
        assertEquals("Patient/{{context.patientId}}", prefetch.get("patient"));
        assertEquals("Observation?patient={{context.patientId}}&category=vital-signs", prefetch.get("vitalSigns"));
        assertEquals("MedicationRequest?patient={{context.patientId}}&_include=MedicationRequest:medication",
                prefetch.get("medications"));
        assertEquals(11, prefetch.size());
    }

    @Test
    void theTemplatesCoverEverySectionTheCardsReadAndNotTheNotes() {
        assertEquals(EnumSet.complementOf(EnumSet.of(RecordSection.DOCUMENTS)), PrefetchTemplate.sections());
        assertEquals("Condition?patient=42", PrefetchTemplate.CONDITIONS.forPatient("42"));
    }
}
