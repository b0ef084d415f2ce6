package io.chartlens.aisummary;

import io.chartlens.fhir.LoadedRecord;
import io.chartlens.fhir.RecordSection;
import io.chartlens.record.Measurement;
import io.chartlens.record.PatientRecord;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Observation;

/**
 * Abnormal recent laboratory values with their trend: for each laboratory kind whose latest value lies in the window
 * and is abnormal ({@link LabFlags}), one fact for that value and one for the previous value of the kind (the latest
 * one taken earlier), which the trend is measured against. Values are written as recorded (value and unit of the
 * Observation, long decimals rounded), so their numbers are those of the cited resource; the trend compares the
 * canonical values.
 */
final class LabFacts {

    private LabFacts() {
    }

    static List<SummaryFact> of(PatientRecord record, LoadedRecord loaded, LocalDate from) {
        Map<String, Observation> raw = new HashMap<>();
        for (RecordSection section : List.of(RecordSection.LABORATORY, RecordSection.VITAL_SIGNS,
                RecordSection.SOCIAL_HISTORY)) {
            for (Observation o : loaded.resources(section, Observation.class)) {
                raw.putIfAbsent("Observation/" + o.getIdElement().getIdPart(), o);
            }
        }
        Set<String> kinds = new LinkedHashSet<>();
        record.measurements().stream().map(Measurement::kind).filter(LabFlags::isLab).forEach(kinds::add);
        List<SummaryFact> facts = new ArrayList<>();
        for (String kind : kinds) { // newest latest value first: measurements are newest first
            List<Measurement> history = record.measurements().stream().filter(m -> kind.equals(m.kind())).toList();
            Measurement latest = history.get(0);
            if (!RecordFacts.inWindow(latest.effective(), record, from)) {
                continue;
            }
            Optional<LabFlags.Flag> flag = LabFlags.flag(latest, raw.get(latest.source()),
                    record.demographics().sex());
            if (flag.isEmpty()) {
                continue;
            }
            Optional<Measurement> previous = history.stream().skip(1)
                    .filter(m -> m.effective().isBefore(latest.effective())).findFirst();
            String trend = previous.map(p -> ", " + trend(latest, p)).orElse(", no previous value");
            facts.add(new SummaryFact(latest.source(), SummaryFacts.LAB, latest.label() + ": " + recorded(latest)
                    + " " + RelativeDates.of(latest.effective(), record.referenceDate()) + ", " + flag.get().word
                    + trend));
            previous.ifPresent(p -> facts.add(new SummaryFact(p.source(), SummaryFacts.LAB, p.label()
                    + ": previous value " + recorded(p) + " " + RelativeDates.of(p.effective(), record.referenceDate()))));
        }
        return facts;
    }

    /** The value and unit as the Observation records them, long decimals rounded for reading. */
    private static String recorded(Measurement m) {
        return (StatementText.readable(m.originalValue()) + " " + m.originalUnit()).strip();
    }

    private static String trend(Measurement latest, Measurement previous) {
        int c = latest.value().compareTo(previous.value());
        return c > 0 ? "higher than the previous value" : c < 0 ? "lower than the previous value"
                : "unchanged from the previous value";
    }
}
