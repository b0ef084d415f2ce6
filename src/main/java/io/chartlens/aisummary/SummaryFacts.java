package io.chartlens.aisummary;

import io.chartlens.caregaps.CareGap;
import io.chartlens.caregaps.CareGapReport;
import io.chartlens.caregaps.CareGapStatus;
import io.chartlens.caregaps.Evidence;
import io.chartlens.fhir.LoadedRecord;
import io.chartlens.record.Measurement;
import io.chartlens.record.PatientRecord;
import io.chartlens.risk.RiskInputs;
import io.chartlens.risk.RiskPanel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The facts of a record that a summary is written from, de-identified: no name, MRN, address or birth date; every
 * date relative to the record's reference date ("12 d before"). Each fact cites exactly one resource, and every
 * number in its text is in that resource (a fact that fails the {@link StatementVerifier} is left out and logged as
 * a defect). Facts come most important first:
 * <ol>
 *     <li>inpatient admissions in the last {@value #RECENT_MONTHS} months;</li>
 *     <li>abnormal laboratory values in the last {@value #RECENT_MONTHS} months, each with its previous value;</li>
 *     <li>scores in a high or moderate band, one fact per input that has a source (age and sex, which cite the
 *     Patient, only when no other input has one);</li>
 *     <li>open care gaps, then gaps due soon;</li>
 *     <li>emergency visits in the last {@value #RECENT_MONTHS} months and the most recent other encounter;</li>
 *     <li>active problems with their onset;</li>
 *     <li>medications started or stopped in the last {@value #MEDICATION_CHANGE_DAYS} days;</li>
 *     <li>active allergies.</li>
 * </ol>
 * Every text reads {@code Topic: detail}; facts that belong together share the topic (a lab's value and its previous
 * value, a score's inputs, the active problems), which is how {@link RuleSummary} groups them.
 */
public final class SummaryFacts {

    public static final String ADMISSION = "admission";
    public static final String LAB = "lab";
    public static final String SCORE = "score";
    public static final String CARE_GAP = "care-gap";
    public static final String ENCOUNTER = "encounter";
    public static final String PROBLEM = "problem";
    public static final String MEDICATION_STARTED = "medication-started";
    public static final String MEDICATION_STOPPED = "medication-stopped";
    public static final String ALLERGY = "allergy";

    /** The look-back for encounters and laboratory values. */
    public static final int RECENT_MONTHS = 12;
    /** The look-back for medication changes. */
    public static final int MEDICATION_CHANGE_DAYS = 90;

    private static final Logger LOG = Logger.getLogger(SummaryFacts.class.getName());
    /** Band labels that count as high or moderate when the score's definition names no alert bands. */
    private static final List<String> RAISED_BANDS = List.of("high", "moderate", "intermediate", "medium",
            "positive", "anticoagulation recommended");

    private SummaryFacts() {
    }

    /** The facts, with an index built from {@code loaded}. */
    public static List<SummaryFact> from(PatientRecord record, LoadedRecord loaded, RiskPanel risk,
                                         CareGapReport gaps) {
        return from(record, loaded, EvidenceIndex.of(loaded), risk, gaps);
    }

    /**
     * The facts of one record.
     *
     * @param record the typed record
     * @param loaded the same record as loaded (for what the typed record does not keep: a lab's interpretation)
     * @param index  the index of {@code loaded}
     * @param risk   the record's risk panel, or null when scores are not available (no score facts)
     * @param gaps   the record's care gaps, or null when they are not available (no care-gap facts)
     */
    public static List<SummaryFact> from(PatientRecord record, LoadedRecord loaded, EvidenceIndex index,
                                         RiskPanel risk, CareGapReport gaps) {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(index, "index");
        if (!record.patientId().equals(Objects.requireNonNull(loaded, "loaded").patientId())) {
            throw new IllegalArgumentException("the typed and the loaded record are of different patients");
        }
        LocalDate reference = RelativeDates.day(record.referenceDate());
        LocalDate recent = reference.minusMonths(RECENT_MONTHS);
        List<SummaryFact> facts = new ArrayList<>(RecordFacts.admissions(record, recent));
        facts.addAll(LabFacts.of(record, loaded, recent));
        if (risk != null) {
            facts.addAll(scores(record, risk));
        }
        if (gaps != null) {
            facts.addAll(careGaps(record, gaps, index));
        }
        facts.addAll(RecordFacts.encounters(record, recent));
        facts.addAll(RecordFacts.problems(record));
        facts.addAll(RecordFacts.medicationChanges(record, reference.minusDays(MEDICATION_CHANGE_DAYS)));
        facts.addAll(RecordFacts.allergies(record));
        return verified(facts, index);
    }

    private static List<SummaryFact> scores(PatientRecord record, RiskPanel risk) {
        List<SummaryFact> facts = new ArrayList<>();
        for (RiskPanel.Card card : risk.cards()) {
            if (!card.final_() || card.band() == null) {
                continue;
            }
            String band = ConfigText.band(card.band());
            String lower = band.toLowerCase(Locale.ROOT);
            if (band.isEmpty() || !(card.alert() || RAISED_BANDS.stream().anyMatch(lower::startsWith))) {
                continue;
            }
            String topic = ConfigText.of(card.name().replaceFirst("\\s*\\(.*$", "")) + " band \"" + band + "\"";
            // Age and sex cite the Patient with no value; they are listed only when nothing else is cited.
            boolean onlyPatient = card.inputs().stream().allMatch(i -> i.source() == null || i.value() == null
                    || i.source().startsWith("Patient/"));
            for (RiskInputs.Provenance input : card.inputs()) {
                if (input.source() != null && input.value() != null
                        && (onlyPatient || !input.source().startsWith("Patient/"))) {
                    facts.add(new SummaryFact(input.source(), SCORE, topic + ": input " + ConfigText.of(input.label())
                            + inputValue(record, input).map(v -> " " + v).orElse("")));
                }
            }
        }
        return facts;
    }

    /** An input's value when its numbers are the resource's: as recorded for observations, coded answers as given. */
    private static Optional<String> inputValue(PatientRecord record, RiskInputs.Provenance input) {
        if (input.source().startsWith("Patient/")) {
            return Optional.empty(); // age and sex: no birth date or age in a summary
        }
        Optional<Measurement> measured = record.measurements().stream()
                .filter(m -> m.source().equals(input.source())
                        && input.value().equals(m.value().stripTrailingZeros().toPlainString() + " " + m.unit()))
                .findFirst();
        if (measured.isPresent()) {
            return Optional.of("= " + StatementText.readable(measured.get().originalValue()) + " "
                    + measured.get().originalUnit());
        }
        String value = input.value().startsWith("yes: ") ? "yes, " + input.value().substring(5) : input.value();
        return input.value().startsWith("yes: ") || StatementText.hasNoValues(value)
                ? Optional.of("= " + value) : Optional.empty();
    }

    private static List<SummaryFact> careGaps(PatientRecord record, CareGapReport report, EvidenceIndex index) {
        List<SummaryFact> facts = new ArrayList<>();
        for (CareGap gap : report.gaps()) {
            String topic = gap.status() == CareGapStatus.OPEN_GAP ? "Open care gap"
                    : gap.status() == CareGapStatus.PROSPECTIVE_GAP ? "Care gap due soon" : null;
            if (topic == null) {
                continue;
            }
            String patient = "Patient/" + record.patientId();
            Optional<String> cited = gap.evidence(Evidence.Role.ELIGIBILITY).stream().map(Evidence::reference)
                    .filter(index::contains).findFirst()
                    .or(() -> gap.evidence().stream().map(Evidence::reference).filter(index::contains).findFirst())
                    .or(() -> index.contains(patient) ? Optional.of(patient) : Optional.empty());
            String due = gap.dueDate().map(d -> due(d, record)).orElse("");
            cited.ifPresent(ref -> facts.add(new SummaryFact(ref, CARE_GAP,
                    topic + ": " + ConfigText.of(gap.measure().title()) + due)));
        }
        return facts;
    }

    private static String due(LocalDate due, PatientRecord record) {
        long days = RelativeDates.daysFrom(due, record.referenceDate());
        return days < 0 ? ", overdue since " + RelativeDates.of(due, record.referenceDate())
                : days == 0 ? ", due on the reference date" : ", due in " + days + " d";
    }

    private static List<SummaryFact> verified(List<SummaryFact> facts, EvidenceIndex index) {
        List<SummaryFact> kept = new ArrayList<>();
        for (SummaryFact fact : facts) {
            Optional<DroppedStatement> failure = StatementVerifier.check(
                    new CitedStatement(fact.text(), List.of(fact.reference())), index);
            if (failure.isEmpty()) {
                kept.add(fact);
            } else {
                LOG.log(Level.WARNING, "Left out a {0} fact its resource does not support: {1}; cites {2}",
                        new Object[]{fact.kind(), failure.get().reason().name(),
                                index.contains(fact.reference()) ? fact.reference() : "a resource not in the record"});
            }
        }
        return List.copyOf(kept);
    }
}
