package io.chartlens.summary;

import io.chartlens.fhir.RecordSection;
import io.chartlens.fhir.SectionStatus;
import io.chartlens.record.Freshness;
import io.chartlens.record.Measurement;
import io.chartlens.record.PatientRecord;
import io.chartlens.record.ReferenceDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The "record" strip of the summary page as view records: latest vitals with their age, active problems, active
 * medications, allergies and the last encounter. A section that did not load says so; an empty list from a
 * section that did load says "none recorded". Nothing missing is shown as normal.
 */
public record RecordStrip(String referenceNote, List<String> unavailable, boolean vitalsUnavailable,
                          List<Vital> vitals, List<Item> problems, String problemsNote, List<Item> medications,
                          String medicationsNote, List<Item> allergies, String allergiesNote, Item lastEncounter,
                          String encounterNote, String provenance) {

    /** One vital sign line; {@code value} is null when not recorded. */
    public record Vital(String label, String value, String age, boolean stale, String source) {
    }

    /** One entry with a link to its FHIR source. */
    public record Item(String text, String since, String source) {
    }

    static final int MAX_ITEMS = 12;

    public static RecordStrip of(PatientRecord record, Freshness freshness) {
        ReferenceDate ref = record.referenceDate();
        List<String> unavailable = new ArrayList<>();
        for (SectionStatus s : record.incompleteSections()) {
            String what = Character.toUpperCase(s.section().label().charAt(0)) + s.section().label().substring(1);
            unavailable.add(s.availability() == SectionStatus.Availability.PARTIAL
                    ? what + " are incomplete: " + s.reason() + "."
                    : what + " could not be loaded: " + s.reason() + ". Nothing is shown for them.");
        }
        boolean vitalsUnavailable = record.section(RecordSection.VITAL_SIGNS).availability()
                == SectionStatus.Availability.UNAVAILABLE;
        List<Vital> vitals = List.of(
                bloodPressure(record, freshness),
                vital(record, freshness, "heartRate", "Heart rate"),
                vital(record, freshness, "respiratoryRate", "Resp. rate"),
                vital(record, freshness, "bodyTemperature", "Temperature"),
                vital(record, freshness, "oxygenSaturation", "SpO2"),
                vital(record, freshness, "bodyWeight", "Weight"));
        List<Item> allProblems = distinctProblems(record);
        List<Item> problems = allProblems.stream().limit(MAX_ITEMS).toList();
        List<Item> meds = record.activeMedications().stream().limit(MAX_ITEMS)
                .map(m -> new Item(m.medication().display() + (m.nameResolved() ? "" : " (name not available)"),
                        date(m.authoredOn()), m.source())).toList();
        List<Item> allergies = record.activeAllergies().stream().limit(MAX_ITEMS)
                .map(a -> new Item(a.substance().display(),
                        a.criticality() != null ? "criticality " + a.criticality() : null, a.source())).toList();
        Item encounter = record.lastEncounter().map(e -> new Item(e.type().display()
                        + (e.classCode() != null ? " (" + e.classCode() + ")" : ""),
                (e.start() != null ? Freshness.age(e.start(), ref) : "date unknown")
                        + (e.end() == null && "in-progress".equals(e.status()) ? ", ongoing" : ""), e.source()))
                .orElse(null);
        return new RecordStrip(referenceNote(ref), unavailable, vitalsUnavailable, vitals,
                problems, note(record, RecordSection.CONDITIONS, problems.isEmpty(), allProblems.size(), "active problems"),
                meds, note(record, RecordSection.MEDICATIONS, meds.isEmpty(), record.activeMedications().size(), "active medications"),
                allergies, note(record, RecordSection.ALLERGIES, allergies.isEmpty(), record.activeAllergies().size(), "allergies"),
                encounter, note(record, RecordSection.ENCOUNTERS, encounter == null, 0, "encounters"),
                "Loaded from the EHR with " + record.requests() + " FHIR requests; "
                        + record.observationIssues().size() + " observation(s) not used (unknown unit or invalid value).");
    }

    /**
     * Active problems once each: the same coded problem is often recorded at every encounter (encounter-diagnosis),
     * so it is listed once, with its earliest onset as "since".
     */
    private static List<Item> distinctProblems(PatientRecord record) {
        java.util.Map<String, Item> byCode = new java.util.LinkedHashMap<>();
        for (var p : record.activeProblems()) {
            String key = p.code().code() != null ? p.code().system() + "|" + p.code().code() : p.code().display();
            Item item = new Item(p.code().display(), date(p.onset()), p.source());
            byCode.merge(key, item, (kept, older) -> older.since() != null
                    && (kept.since() == null || older.since().compareTo(kept.since()) < 0)
                    ? new Item(kept.text(), older.since(), kept.source()) : kept);
        }
        return List.copyOf(byCode.values());
    }

    private static String note(PatientRecord record, RecordSection section, boolean empty, int total, String what) {
        SectionStatus status = record.section(section);
        if (status.availability() == SectionStatus.Availability.UNAVAILABLE) {
            return "Not available: " + status.reason() + ".";
        }
        if (empty) {
            return "No " + what + " recorded" + (status.complete() ? "." : " in what could be loaded.");
        }
        return total > MAX_ITEMS ? "Showing " + MAX_ITEMS + " of " + total + "." : null;
    }

    private static Vital vital(PatientRecord record, Freshness freshness, String kind, String label) {
        Optional<Measurement> latest = record.latest(kind);
        return latest.map(m -> new Vital(label, m.value().stripTrailingZeros().toPlainString() + " " + m.unit(),
                        Freshness.age(m.effective(), record.referenceDate()),
                        freshness.isStale(kind, m.effective(), record.referenceDate()), m.source()))
                .orElse(new Vital(label, null, null, false, null));
    }

    /** Systolic and diastolic from the same panel, as clinicians read them: "132/84 mm[Hg]". */
    private static Vital bloodPressure(PatientRecord record, Freshness freshness) {
        Optional<Measurement> sys = record.latest("systolicBp");
        if (sys.isEmpty()) {
            return new Vital("BP", null, null, false, null);
        }
        Optional<Measurement> dia = record.measurements().stream()
                .filter(m -> "diastolicBp".equals(m.kind()) && m.source().equals(sys.get().source())).findFirst();
        String value = sys.get().value().stripTrailingZeros().toPlainString() + "/"
                + dia.map(d -> d.value().stripTrailingZeros().toPlainString()).orElse("?") + " " + sys.get().unit();
        return new Vital("BP", value, Freshness.age(sys.get().effective(), record.referenceDate()),
                freshness.isStale("systolicBp", sys.get().effective(), record.referenceDate()), sys.get().source());
    }

    /** What "now" means on this page: the wall clock, or the record's last date (sandbox). */
    public static String referenceNote(ReferenceDate ref) {
        String date = ref.value().atOffset(ZoneOffset.UTC).toLocalDate().toString();
        return ref.isWallClock() ? "Ages are relative to now (" + date + ")."
                : "Ages are relative to " + date + ", the last date in this record (sandbox setting), not to today.";
    }

    private static String date(OffsetDateTime d) {
        return d == null ? null : d.toLocalDate().toString();
    }
}
