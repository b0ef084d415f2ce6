package io.chartlens.aisummary;

import io.chartlens.record.Entries.AllergyEntry;
import io.chartlens.record.Entries.EncounterEntry;
import io.chartlens.record.Entries.MedicationEntry;
import io.chartlens.record.Entries.Problem;
import io.chartlens.record.PatientRecord;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The facts {@link SummaryFacts} reads from the typed record's entries: problems, encounters, medications, allergies. */
final class RecordFacts {

    private static final Set<String> ENDED = Set.of("stopped", "completed", "cancelled");

    private RecordFacts() {
    }

    /** Inpatient stays that started or ended in the window, newest first. */
    static List<SummaryFact> admissions(PatientRecord record, LocalDate from) {
        List<SummaryFact> facts = new ArrayList<>();
        for (EncounterEntry e : record.encounters()) {
            if (!e.inpatient() || !inWindow(e, record, from)) {
                continue;
            }
            String end = e.end() != null ? ", discharged " + RelativeDates.of(e.end(), record.referenceDate())
                    : "in-progress".equals(e.status()) ? ", still admitted" : ", discharge not recorded";
            facts.add(new SummaryFact(e.source(), SummaryFacts.ADMISSION, "Inpatient admission: " + type(e)
                    + "admitted " + RelativeDates.of(e.start(), record.referenceDate()) + end));
        }
        return facts;
    }

    /** Emergency visits in the window, then the most recent other (not inpatient) encounter in it. */
    static List<SummaryFact> encounters(PatientRecord record, LocalDate from) {
        List<SummaryFact> facts = new ArrayList<>();
        record.encounters().stream().filter(EncounterEntry::emergency).filter(e -> inWindow(e, record, from))
                .forEach(e -> facts.add(new SummaryFact(e.source(), SummaryFacts.ENCOUNTER, "Emergency visit: "
                        + type(e) + RelativeDates.of(e.start(), record.referenceDate()))));
        record.encounters().stream().filter(e -> !e.emergency() && !e.inpatient()).filter(e -> inWindow(e, record, from))
                .findFirst().ifPresent(e -> facts.add(new SummaryFact(e.source(), SummaryFacts.ENCOUNTER,
                        "Most recent other encounter: " + classWord(e.classCode()) + ", " + type(e)
                                + RelativeDates.of(e.start(), record.referenceDate()))));
        return facts;
    }

    /**
     * Active problems, one per code (the entry with the earliest onset): findings and situations last (Synthea
     * records social findings such as employment as Conditions), each group newest onset first.
     */
    static List<SummaryFact> problems(PatientRecord record) {
        Map<String, Problem> byCode = new LinkedHashMap<>();
        for (Problem p : record.activeProblems()) {
            String key = p.code().code() != null ? p.code().system() + "|" + p.code().code()
                    : p.code().display().toLowerCase(Locale.ROOT);
            byCode.merge(key, p, (a, b) -> a.onset() == null || (b.onset() != null && b.onset().isBefore(a.onset()))
                    ? b : a);
        }
        Comparator<Problem> order = Comparator.comparing((Problem p) -> p.code().display().endsWith("(finding)")
                        || p.code().display().endsWith("(situation)"))
                .thenComparing(Problem::onset, Comparator.nullsLast(Comparator.reverseOrder()));
        return byCode.values().stream().sorted(order).map(p -> new SummaryFact(p.source(), SummaryFacts.PROBLEM,
                "Active problem: " + p.code().display() + ", onset "
                        + (p.onset() != null ? RelativeDates.of(p.onset(), record.referenceDate()) : "not recorded")))
                .toList();
    }

    /**
     * Medication changes in the window. A medication is started when its first request (by authoredOn) is in the
     * window; re-orders of a medication already prescribed are not changes. It is stopped when it has no active
     * request and its last request, in the window, is stopped, completed or cancelled. MedicationRequest has no
     * stop date in R4, so a stop is dated by that last request's authoredOn.
     */
    static List<SummaryFact> medicationChanges(PatientRecord record, LocalDate from) {
        Map<String, List<MedicationEntry>> byMedication = new LinkedHashMap<>();
        for (MedicationEntry m : record.medications()) {
            if (m.authoredOn() != null) {
                String key = m.medication().code() != null ? m.medication().system() + "|" + m.medication().code()
                        : m.medication().display().toLowerCase(Locale.ROOT);
                byMedication.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
            }
        }
        List<SummaryFact> started = new ArrayList<>();
        List<SummaryFact> stopped = new ArrayList<>();
        for (List<MedicationEntry> requests : byMedication.values()) {
            MedicationEntry first = requests.stream().min(Comparator.comparing(MedicationEntry::authoredOn)).orElseThrow();
            MedicationEntry last = requests.stream().max(Comparator.comparing(MedicationEntry::authoredOn)).orElseThrow();
            String name = first.medication().display();
            if (inWindow(first.authoredOn(), record, from)) {
                started.add(new SummaryFact(first.source(), SummaryFacts.MEDICATION_STARTED, "Medication started: "
                        + name + ", " + RelativeDates.of(first.authoredOn(), record.referenceDate())
                        + (ENDED.contains(first.status()) ? ", since " + first.status() : "")));
            } else if (requests.stream().noneMatch(MedicationEntry::active) && ENDED.contains(last.status())
                    && inWindow(last.authoredOn(), record, from)) {
                stopped.add(new SummaryFact(last.source(), SummaryFacts.MEDICATION_STOPPED, "Medication stopped: "
                        + name + ", last ordered " + RelativeDates.of(last.authoredOn(), record.referenceDate())
                        + ", now " + last.status()));
            }
        }
        List<SummaryFact> facts = new ArrayList<>(started);
        facts.addAll(stopped);
        return facts;
    }

    /** Active allergies, one per substance. */
    static List<SummaryFact> allergies(PatientRecord record) {
        Set<String> seen = new HashSet<>();
        List<SummaryFact> facts = new ArrayList<>();
        for (AllergyEntry a : record.activeAllergies()) {
            if (seen.add(a.substance().display().toLowerCase(Locale.ROOT))) {
                facts.add(new SummaryFact(a.source(), SummaryFacts.ALLERGY, "Active allergy: " + a.substance().display()
                        + Optional.ofNullable(a.criticality()).map(c -> ", criticality " + c).orElse("")));
            }
        }
        return facts;
    }

    static boolean inWindow(OffsetDateTime when, PatientRecord record, LocalDate from) {
        if (when == null) {
            return false;
        }
        LocalDate day = when.toLocalDate();
        return !day.isBefore(from) && !day.isAfter(RelativeDates.day(record.referenceDate()));
    }

    private static boolean inWindow(EncounterEntry e, PatientRecord record, LocalDate from) {
        return e.start() != null && (inWindow(e.start(), record, from) || inWindow(e.end(), record, from));
    }

    /** The encounter's type and a comma, or nothing when the type has no name. */
    private static String type(EncounterEntry e) {
        return e.type() == null || "Unnamed".equals(e.type().display()) ? "" : e.type().display() + ", ";
    }

    /** v3 ActCode encounter classes in words. */
    private static String classWord(String classCode) {
        if (classCode == null) {
            return "class not recorded";
        }
        return switch (classCode) {
            case "AMB" -> "ambulatory";
            case "HH" -> "home health";
            case "VR" -> "virtual";
            case "OBSENC" -> "observation";
            case "SS" -> "short stay";
            case "FLD" -> "field";
            case "PRENC" -> "pre-admission";
            default -> "class " + classCode;
        };
    }
}
