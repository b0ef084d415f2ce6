package io.chartlens.cdshooks;

import net.minidev.json.JSONArray;
import net.minidev.json.JSONObject;

/** The discovery document, {@code GET {baseUrl}/cds-services} (CDS Hooks 2.0, Discovery). */
final class CdsDiscovery {

    /** The {@code {id}} of {@code {baseUrl}/cds-services/{id}}. */
    static final String SERVICE_ID = "chartlens-patient-view";

    private CdsDiscovery() {
    }

    static JSONObject document() {
        JSONObject prefetch = new JSONObject();
        for (PrefetchTemplate template : PrefetchTemplate.values()) {
            prefetch.put(template.key(), template.template());
        }
        JSONObject service = new JSONObject();
        service.put("hook", HookRequest.HOOK);
        service.put("id", SERVICE_ID);
        service.put("title", "ChartLens risk scores and care gaps");
        service.put("description", "When a patient's chart is opened: risk scores in an alert band (NEWS2, qSOFA,"
                + " CURB-65, LACE, HOSPITAL, HAS-BLED, ASCVD) and open or due care gaps (quality measures), at most"
                + " three cards, most urgent first, each citing its source and linking to the ChartLens summary."
                + " Uses the prefetch when given, else reads the rest with fhirAuthorization.");
        service.put("prefetch", prefetch);
        JSONArray services = new JSONArray();
        services.add(service);
        JSONObject document = new JSONObject();
        document.put("services", services);
        return document;
    }
}
