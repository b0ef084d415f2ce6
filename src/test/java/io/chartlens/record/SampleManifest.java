package io.chartlens.record;

import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.minidev.json.JSONArray;
import net.minidev.json.JSONObject;

/**
 * The facts that ../shared/fhir-samples/manifest.json publishes about each sample patient, used as expected values.
 */
public record SampleManifest(List<Sample> samples) {

    /** One patient of the sample set. */
    public record Sample(String file, String patientId, String name, List<String> activeMeds, List<String> activeConditions) {
    }

    public static Path folder() {
        return Path.of(System.getProperty("it.samples.dir", "../shared/fhir-samples")).toAbsolutePath().normalize();
    }

    public static SampleManifest load() throws Exception {
        JSONObject root = JSONObjectUtils.parse(Files.readString(folder().resolve("manifest.json")));
        List<Sample> samples = new ArrayList<>();
        for (Object o : (JSONArray) root.get("patients")) {
            JSONObject p = (JSONObject) o;
            samples.add(new Sample(JSONObjectUtils.getString(p, "file"), JSONObjectUtils.getString(p, "patient_id"),
                    JSONObjectUtils.getString(p, "name"), strings(p, "active_meds"), strings(p, "active_conditions")));
        }
        return new SampleManifest(List.copyOf(samples));
    }

    private static List<String> strings(JSONObject o, String key) {
        Object value = o.get(key);
        List<String> out = new ArrayList<>();
        if (value instanceof JSONArray array) {
            array.forEach(v -> out.add(String.valueOf(v)));
        }
        return out;
    }
}
