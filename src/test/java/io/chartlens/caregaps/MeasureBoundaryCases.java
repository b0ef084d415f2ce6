package io.chartlens.caregaps;

import static io.chartlens.caregaps.MeasurePopulation.DENOMINATOR;
import static io.chartlens.caregaps.MeasurePopulation.DENOMINATOR_EXCEPTION;
import static io.chartlens.caregaps.MeasurePopulation.DENOMINATOR_EXCLUSION;
import static io.chartlens.caregaps.MeasurePopulation.INITIAL_POPULATION;
import static io.chartlens.caregaps.MeasurePopulation.NUMERATOR;
import static io.chartlens.caregaps.TestPatient.CPT;
import static io.chartlens.caregaps.TestPatient.ICD10;
import static io.chartlens.caregaps.TestPatient.RXNORM;
import static io.chartlens.caregaps.TestPatient.SNOMED;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Encounter;

/**
 * Boundary cases for the population criteria of every care-gap measure, as the CQL in
 * {@code smart-config/measures/cql/} defines them, shared by {@link MeasureBoundariesTest} (through the engine) and
 * {@link CareGapBoundariesIT} (through the HTTP API). Every case uses the calendar year 2025 as the measurement
 * period; ages are at the end of it (2025-12-31) unless the measure says otherwise (statin groups 2-4: at its start).
 * Codes come from the value-set expansions in {@code smart-config/measures/valuesets/}.
 *
 * <p>A met measure whose due date falls on or before 2026-03-01 (the period end + the 60-day prospective window) is a
 * prospective gap; a due date is asserted where the measure's CQL computes one.
 */
public final class MeasureBoundaryCases {

    public static final MeasurementPeriod PERIOD = new MeasurementPeriod(d(2025, 1, 1), d(2025, 12, 31));

    /** A qualifying office visit in the period. */
    static final LocalDate VISIT = d(2025, 3, 1);

    static final Set<MeasurePopulation> NONE = Collections.unmodifiableSet(EnumSet.noneOf(MeasurePopulation.class));
    static final Set<MeasurePopulation> DENOMINATOR_ONLY = set(INITIAL_POPULATION, DENOMINATOR);
    static final Set<MeasurePopulation> MET = set(INITIAL_POPULATION, DENOMINATOR, NUMERATOR);
    static final Set<MeasurePopulation> EXCLUDED = set(INITIAL_POPULATION, DENOMINATOR, DENOMINATOR_EXCLUSION);
    static final Set<MeasurePopulation> EXCEPTED = set(INITIAL_POPULATION, DENOMINATOR, DENOMINATOR_EXCEPTION);

    static final String HCPCS = "http://www.nlm.nih.gov/research/umls/hcpcs";

    /**
     * One boundary case.
     *
     * @param name                what is on which side of which boundary
     * @param measureId           the Measure's id
     * @param patient             the record
     * @param period              the measurement period
     * @param expected            the expected gap status
     * @param expectedPopulations the populations of the measure's first group the patient is in (exactly)
     * @param expectedDue         the expected due date, or null when not asserted
     */
    public record Case(String name, String measureId, TestPatient patient, MeasurementPeriod period,
            CareGapStatus expected, Set<MeasurePopulation> expectedPopulations, LocalDate expectedDue) {

        public Case {
            expectedPopulations = Collections.unmodifiableSet(expectedPopulations.isEmpty()
                    ? EnumSet.noneOf(MeasurePopulation.class) : EnumSet.copyOf(expectedPopulations));
        }

        @Override
        public String toString() {
            return measureId + ": " + name;
        }
    }

    private MeasureBoundaryCases() {
    }

    /** Every case expected to pass against the committed CQL. */
    public static List<Case> all() {
        List<Case> all = new ArrayList<>();
        all.addAll(colorectal());
        all.addAll(breast());
        all.addAll(cervical());
        all.addAll(hba1c());
        all.addAll(bloodPressure());
        all.addAll(statin());
        all.addAll(influenza());
        return List.copyOf(all);
    }

    /**
     * Cases whose expectation follows the published rule but which the committed CQL is suspected to get wrong: kept
     * out of {@link #all()} (the equivalent of {@code @Disabled}) until the CQL is decided on.
     */
    public static List<Case> suspected() {
        return List.of();
    }

    // ---- colorectal (CMS130): 46-75 at the end of the period ----

    static List<Case> colorectal() {
        Cases c = new Cases("colorectal");
        c.add("age 46 at the end of the period, unscreened: in the denominator, open",
                c.male(d(1979, 12, 31)).officeVisit(VISIT), CareGapStatus.OPEN_GAP, DENOMINATOR_ONLY, null);
        c.add("age 45 at the end of the period: not in the population",
                c.male(d(1980, 1, 1)).officeVisit(VISIT), CareGapStatus.NOT_APPLICABLE, NONE, null);
        c.add("age 75 at the end of the period, FOBT on the last day of the period: closed, due a year later",
                c.female(d(1950, 1, 1)).officeVisit(VISIT).labText(d(2025, 12, 31), "2335-8", "Negative"),
                CareGapStatus.CLOSED_GAP, MET, d(2026, 12, 31));
        c.add("age 76 at the end of the period: not in the population",
                c.female(d(1949, 12, 31)).officeVisit(VISIT), CareGapStatus.NOT_APPLICABLE, NONE, null);
        c.add("colonoscopy 9 years before the period start: met, due within the window (prospective)",
                c.male(d(1965, 6, 1)).officeVisit(VISIT).procedure(d(2016, 1, 1), SNOMED, "73761001"),
                CareGapStatus.PROSPECTIVE_GAP, MET, d(2026, 1, 1));
        c.add("colonoscopy one day before the 9-year look-back: open",
                c.male(d(1965, 6, 1)).officeVisit(VISIT).procedure(d(2015, 12, 31), SNOMED, "73761001"),
                CareGapStatus.OPEN_GAP, DENOMINATOR_ONLY, null);
        c.add("FOBT on the first day of the period: met, due within the window (prospective)",
                c.male(d(1965, 6, 1)).officeVisit(VISIT).labText(d(2025, 1, 1), "2335-8", "Negative"),
                CareGapStatus.PROSPECTIVE_GAP, MET, d(2026, 1, 1));
        c.add("FOBT the day before the period: open",
                c.male(d(1965, 6, 1)).officeVisit(VISIT).labText(d(2024, 12, 31), "2335-8", "Negative"),
                CareGapStatus.OPEN_GAP, DENOMINATOR_ONLY, null);
        c.add("hospice encounter in the period: excluded",
                c.male(d(1965, 6, 1)).officeVisit(VISIT).hospiceEncounter(d(2025, 8, 1)),
                CareGapStatus.NOT_APPLICABLE, EXCLUDED, null);
        c.add("hospice encounter the day before the period: not excluded, open",
                c.male(d(1965, 6, 1)).officeVisit(VISIT).hospiceEncounter(d(2024, 12, 31)),
                CareGapStatus.OPEN_GAP, DENOMINATOR_ONLY, null);
        c.add("palliative care diagnosis during the period: excluded",
                c.female(d(1965, 6, 1)).officeVisit(VISIT)
                        .condition(d(2025, 2, 1), ICD10, "Z51.5", "encounter-diagnosis"),
                CareGapStatus.NOT_APPLICABLE, EXCLUDED, null);
        c.add("age 66 with frailty and advanced illness: excluded",
                frailWithAdvancedIllness(c.male(d(1959, 12, 31)).officeVisit(VISIT)),
                CareGapStatus.NOT_APPLICABLE, EXCLUDED, null);
        c.add("age 65 with frailty and advanced illness: not excluded, open",
                frailWithAdvancedIllness(c.male(d(1960, 1, 1)).officeVisit(VISIT)),
                CareGapStatus.OPEN_GAP, DENOMINATOR_ONLY, null);
        c.add("total colectomy before the period: excluded",
                c.female(d(1965, 6, 1)).officeVisit(VISIT).procedure(d(2018, 3, 1), CPT, "44150"),
                CareGapStatus.NOT_APPLICABLE, EXCLUDED, null);
        c.add("colorectal cancer diagnosed before the period: excluded",
                c.female(d(1965, 6, 1)).officeVisit(VISIT)
                        .condition(d(2019, 5, 1), ICD10, "C18.0", "problem-list-item"),
                CareGapStatus.NOT_APPLICABLE, EXCLUDED, null);
        c.add("office visit the day before the period only (no qualifying visit): not in the population",
                c.male(d(1965, 6, 1)).officeVisit(d(2024, 12, 31)), CareGapStatus.NOT_APPLICABLE, NONE, null);
        return c.list;
    }

    // ---- breast (CMS125): women 52-74 at the end of the period; mammogram from October 1 two years before ----

    static List<Case> breast() {
        Cases c = new Cases("breast");
        c.add("age 52, mammogram on October 1 two years before the period: met; counts until December 30 three years on",
                c.female(d(1973, 12, 31)).officeVisit(VISIT).study(d(2023, 10, 1), "24606-6"),
                CareGapStatus.CLOSED_GAP, MET, d(2026, 12, 31));
        c.add("mammogram on September 30 two years before the period: open",
                c.female(d(1965, 6, 1)).officeVisit(VISIT).study(d(2023, 9, 30), "24606-6"),
                CareGapStatus.OPEN_GAP, DENOMINATOR_ONLY, null);
        c.add("age 51 at the end of the period: not in the population",
                c.female(d(1974, 1, 1)).officeVisit(VISIT).study(d(2025, 5, 1), "24606-6"),
                CareGapStatus.NOT_APPLICABLE, NONE, null);
        c.add("age 74, mammogram in May of the period: closed, counts until December 30 two years on",
                c.female(d(1951, 1, 1)).officeVisit(VISIT).study(d(2025, 5, 1), "24606-6"),
                CareGapStatus.CLOSED_GAP, MET, d(2027, 12, 31));
        c.add("age 75 at the end of the period: not in the population",
                c.female(d(1950, 12, 31)).officeVisit(VISIT).study(d(2025, 5, 1), "24606-6"),
                CareGapStatus.NOT_APPLICABLE, NONE, null);
        c.add("a man aged 60: not in the population",
                c.male(d(1965, 6, 1)).officeVisit(VISIT).study(d(2025, 5, 1), "24606-6"),
                CareGapStatus.NOT_APPLICABLE, NONE, null);
        c.add("bilateral mastectomy before the period: excluded",
                c.female(d(1965, 6, 1)).officeVisit(VISIT).procedure(d(2015, 3, 1), SNOMED, "22418005"),
                CareGapStatus.NOT_APPLICABLE, EXCLUDED, null);
        c.add("left and right mastectomies on different days: excluded",
                c.female(d(1965, 6, 1)).officeVisit(VISIT).procedure(d(2016, 4, 1), SNOMED, "428571003")
                        .procedure(d(2019, 9, 1), SNOMED, "429400009"),
                CareGapStatus.NOT_APPLICABLE, EXCLUDED, null);
        c.add("status post left and status post right mastectomy diagnoses: excluded",
                c.female(d(1965, 6, 1)).officeVisit(VISIT)
                        .condition(d(2016, 4, 1), ICD10, "Z90.12", "problem-list-item")
                        .condition(d(2019, 9, 1), ICD10, "Z90.11", "problem-list-item"),
                CareGapStatus.NOT_APPLICABLE, EXCLUDED, null);
        c.add("left mastectomy only: not excluded, open",
                c.female(d(1965, 6, 1)).officeVisit(VISIT).procedure(d(2016, 4, 1), SNOMED, "428571003"),
                CareGapStatus.OPEN_GAP, DENOMINATOR_ONLY, null);
        c.add("hospice encounter in the period: excluded",
                c.female(d(1965, 6, 1)).officeVisit(VISIT).hospiceEncounter(d(2025, 11, 1)),
                CareGapStatus.NOT_APPLICABLE, EXCLUDED, null);
        c.add("no visit in the period: not in the population",
                c.female(d(1965, 6, 1)).study(d(2025, 5, 1), "24606-6"), CareGapStatus.NOT_APPLICABLE, NONE, null);
        return c.list;
    }

    // ---- cervical (CMS124): women 24-64; cytology in the period or 2 years before; HPV 4 years before from 30 ----

    static List<Case> cervical() {
        Cases c = new Cases("cervical");
        c.add("age 24, cytology 2 years before the period start: met, due within the window (prospective)",
                c.female(d(2001, 12, 31)).officeVisit(VISIT).labText(d(2023, 1, 1), "10524-7", "Negative"),
                CareGapStatus.PROSPECTIVE_GAP, MET, d(2026, 1, 1));
        c.add("age 23 at the end of the period: not in the population",
                c.female(d(2002, 1, 1)).officeVisit(VISIT).labText(d(2025, 5, 1), "10524-7", "Negative"),
                CareGapStatus.NOT_APPLICABLE, NONE, null);
        c.add("age 64, HPV test 4 years before the period start: met, due within the window (prospective)",
                c.female(d(1961, 1, 1)).officeVisit(VISIT).labText(d(2021, 1, 1), "21440-3", "Negative"),
                CareGapStatus.PROSPECTIVE_GAP, MET, d(2026, 1, 1));
        c.add("age 65 at the end of the period: not in the population",
                c.female(d(1960, 12, 31)).officeVisit(VISIT).labText(d(2025, 5, 1), "10524-7", "Negative"),
                CareGapStatus.NOT_APPLICABLE, NONE, null);
        c.add("cytology one day before the 2-year look-back: open",
                c.female(d(1985, 6, 1)).officeVisit(VISIT).labText(d(2022, 12, 31), "10524-7", "Negative"),
                CareGapStatus.OPEN_GAP, DENOMINATOR_ONLY, null);
        c.add("HPV test one day before the 4-year look-back: open",
                c.female(d(1975, 6, 1)).officeVisit(VISIT).labText(d(2020, 12, 31), "21440-3", "Negative"),
                CareGapStatus.OPEN_GAP, DENOMINATOR_ONLY, null);
        c.add("HPV test on the 30th birthday: met, closed, due 5 years later",
                c.female(d(1994, 6, 1)).officeVisit(VISIT).labText(d(2024, 6, 1), "21440-3", "Negative"),
                CareGapStatus.CLOSED_GAP, MET, d(2029, 6, 1));
        c.add("HPV test the day before the 30th birthday: does not count, open",
                c.female(d(1994, 6, 1)).officeVisit(VISIT).labText(d(2024, 5, 31), "21440-3", "Negative"),
                CareGapStatus.OPEN_GAP, DENOMINATOR_ONLY, null);
        c.add("a man aged 40: not in the population",
                c.male(d(1985, 6, 1)).officeVisit(VISIT).labText(d(2025, 5, 1), "10524-7", "Negative"),
                CareGapStatus.NOT_APPLICABLE, NONE, null);
        c.add("hysterectomy with no residual cervix: excluded",
                c.female(d(1975, 6, 1)).officeVisit(VISIT).procedure(d(2010, 2, 1), CPT, "58150"),
                CareGapStatus.NOT_APPLICABLE, EXCLUDED, null);
        c.add("palliative care diagnosis during the period: excluded",
                c.female(d(1975, 6, 1)).officeVisit(VISIT)
                        .condition(d(2025, 2, 1), ICD10, "Z51.5", "encounter-diagnosis"),
                CareGapStatus.NOT_APPLICABLE, EXCLUDED, null);
        c.add("annual wellness visit only (CMS124 does not count it): not in the population",
                c.female(d(1985, 6, 1)).encounter(VISIT, HCPCS, "G0438", "AMB"),
                CareGapStatus.NOT_APPLICABLE, NONE, null);
        return c.list;
    }

    // ---- HbA1c poor control (CMS122, inverse): 18-75 with diabetes; > 9% or no test is the gap ----

    static List<Case> hba1c() {
        Cases c = new Cases("hba1c");
        Function<TestPatient, TestPatient> diabetic = p -> p.officeVisit(VISIT)
                .condition(d(2020, 1, 1), ICD10, "E11.9", "problem-list-item");
        c.add("age 18, HbA1c 9.0%: not poor control, closed, due a year after the test",
                diabetic.apply(c.female(d(2007, 12, 31))).lab(d(2025, 6, 1), "4548-4", 9.0, "%"),
                CareGapStatus.CLOSED_GAP, DENOMINATOR_ONLY, d(2026, 6, 1));
        c.add("age 17 at the end of the period: not in the population",
                diabetic.apply(c.female(d(2008, 1, 1))).lab(d(2025, 6, 1), "4548-4", 9.5, "%"),
                CareGapStatus.NOT_APPLICABLE, NONE, null);
        c.add("age 75, HbA1c 9.1%: poor control, open",
                diabetic.apply(c.male(d(1950, 1, 1))).lab(d(2025, 6, 1), "4548-4", 9.1, "%"),
                CareGapStatus.OPEN_GAP, MET, d(2026, 6, 1));
        c.add("age 76 at the end of the period: not in the population",
                diabetic.apply(c.male(d(1949, 12, 31))).lab(d(2025, 6, 1), "4548-4", 9.5, "%"),
                CareGapStatus.NOT_APPLICABLE, NONE, null);
        c.add("no HbA1c in the period: poor control, open",
                diabetic.apply(c.male(d(1970, 6, 1))), CareGapStatus.OPEN_GAP, MET, null);
        c.add("HbA1c 7.0% only the day before the period: no test in the period, open",
                diabetic.apply(c.male(d(1970, 6, 1))).lab(d(2024, 12, 31), "4548-4", 7.0, "%"),
                CareGapStatus.OPEN_GAP, MET, null);
        c.add("7.0% earlier, 9.5% on the most recent day: the most recent counts, open",
                diabetic.apply(c.female(d(1970, 6, 1))).lab(d(2025, 3, 1), "4548-4", 7.0, "%")
                        .lab(d(2025, 9, 1), "4548-4", 9.5, "%"),
                CareGapStatus.OPEN_GAP, MET, d(2026, 9, 1));
        c.add("9.5% and 8.0% on the most recent day: the lowest that day counts, closed",
                diabetic.apply(c.female(d(1970, 6, 1))).lab(d(2025, 9, 1), "4548-4", 9.5, "%")
                        .lab(d(2025, 9, 1), "4548-4", 8.0, "%"),
                CareGapStatus.CLOSED_GAP, DENOMINATOR_ONLY, d(2026, 9, 1));
        c.add("hospice encounter in the period: excluded",
                diabetic.apply(c.male(d(1970, 6, 1))).hospiceEncounter(d(2025, 10, 1)),
                CareGapStatus.NOT_APPLICABLE, EXCLUDED, null);
        c.add("age 66 with frailty and advanced illness: excluded",
                frailWithAdvancedIllness(diabetic.apply(c.male(d(1959, 12, 31)))),
                CareGapStatus.NOT_APPLICABLE, EXCLUDED, null);
        c.add("diabetes resolved the day before the period: not in the population",
                c.male(d(1970, 6, 1)).officeVisit(VISIT)
                        .resolvedCondition(d(2020, 1, 1), d(2024, 12, 31), ICD10, "E11.9", "problem-list-item"),
                CareGapStatus.NOT_APPLICABLE, NONE, null);
        c.add("diabetes but no visit in the period: not in the population",
                c.male(d(1970, 6, 1)).condition(d(2020, 1, 1), ICD10, "E11.9", "problem-list-item")
                        .lab(d(2025, 6, 1), "4548-4", 9.5, "%"),
                CareGapStatus.NOT_APPLICABLE, NONE, null);
        return c.list;
    }

    // ---- controlling high blood pressure (CMS165): 18-85, hypertension overlapping the first 6 months ----

    static List<Case> bloodPressure() {
        Cases c = new Cases("bp");
        Function<TestPatient, TestPatient> hypertensive = p -> p.officeVisit(VISIT)
                .condition(d(2020, 1, 1), ICD10, "I10", "problem-list-item");
        c.add("age 18, 139/89: controlled, closed, due a year after the reading",
                hypertensive.apply(c.male(d(2007, 12, 31))).bloodPressure(d(2025, 6, 1), 139, 89, null),
                CareGapStatus.CLOSED_GAP, MET, d(2026, 6, 1));
        c.add("age 17 at the end of the period: not in the population",
                hypertensive.apply(c.male(d(2008, 1, 1))).bloodPressure(d(2025, 6, 1), 139, 89, null),
                CareGapStatus.NOT_APPLICABLE, NONE, null);
        c.add("age 85, 140/89: systolic not below 140, open",
                hypertensive.apply(c.female(d(1940, 1, 1))).bloodPressure(d(2025, 6, 1), 140, 89, null),
                CareGapStatus.OPEN_GAP, DENOMINATOR_ONLY, d(2026, 6, 1));
        c.add("age 86 at the end of the period: not in the population",
                hypertensive.apply(c.female(d(1939, 12, 31))).bloodPressure(d(2025, 6, 1), 120, 80, null),
                CareGapStatus.NOT_APPLICABLE, NONE, null);
        c.add("139/90: diastolic not below 90, open",
                hypertensive.apply(c.male(d(1960, 6, 1))).bloodPressure(d(2025, 6, 1), 139, 90, null),
                CareGapStatus.OPEN_GAP, DENOMINATOR_ONLY, d(2026, 6, 1));
        TestPatient er = hypertensive.apply(c.male(d(1960, 6, 1))).bloodPressure(d(2025, 5, 1), 150, 95, null);
        Encounter emergency = er.emergencyEncounter(d(2025, 6, 1));
        er.bloodPressure(d(2025, 6, 1), 120, 80, emergency);
        c.add("a later 120/80 in an emergency (EMER) encounter is ignored: the earlier 150/95 counts, open",
                er, CareGapStatus.OPEN_GAP, DENOMINATOR_ONLY, d(2026, 5, 1));
        c.add("hypertension starting on the last day of the first six months: in the population",
                c.male(d(1960, 6, 1)).officeVisit(VISIT).condition(d(2025, 6, 30), ICD10, "I10", "problem-list-item")
                        .bloodPressure(d(2025, 9, 1), 130, 80, null),
                CareGapStatus.CLOSED_GAP, MET, d(2026, 9, 1));
        c.add("hypertension starting right after the first six months: not in the population",
                c.male(d(1960, 6, 1)).officeVisit(VISIT).condition(d(2025, 7, 1), ICD10, "I10", "problem-list-item")
                        .bloodPressure(d(2025, 9, 1), 130, 80, null),
                CareGapStatus.NOT_APPLICABLE, NONE, null);
        c.add("pregnancy during the period: excluded",
                hypertensive.apply(c.female(d(1990, 6, 1)))
                        .condition(d(2025, 4, 1), SNOMED, "77386006", "problem-list-item"),
                CareGapStatus.NOT_APPLICABLE, EXCLUDED, null);
        c.add("end-stage renal disease: excluded",
                hypertensive.apply(c.male(d(1960, 6, 1))).condition(d(2022, 1, 1), ICD10, "N18.6", "problem-list-item"),
                CareGapStatus.NOT_APPLICABLE, EXCLUDED, null);
        c.add("age 81 with frailty alone: excluded",
                hypertensive.apply(c.male(d(1944, 12, 31))).encounter(d(2025, 5, 1), CPT, "99509", "HH"),
                CareGapStatus.NOT_APPLICABLE, EXCLUDED, null);
        c.add("age 80 with frailty alone (no advanced illness): not excluded, open",
                hypertensive.apply(c.male(d(1945, 1, 1))).encounter(d(2025, 5, 1), CPT, "99509", "HH"),
                CareGapStatus.OPEN_GAP, DENOMINATOR_ONLY, null);
        c.add("hypertension but no visit in the period: not in the population",
                c.male(d(1960, 6, 1)).condition(d(2020, 1, 1), ICD10, "I10", "problem-list-item")
                        .bloodPressure(d(2025, 6, 1), 120, 80, null),
                CareGapStatus.NOT_APPLICABLE, NONE, null);
        return c.list;
    }

    // ---- statin therapy (CMS347): group 1 ASCVD; groups 2-4 by age at the START of the period ----

    static List<Case> statin() {
        Cases c = new Cases("statin");
        Function<TestPatient, TestPatient> ascvd = p -> p.officeVisit(VISIT)
                .condition(d(2020, 1, 1), ICD10, "I25.10", "problem-list-item");
        Function<TestPatient, TestPatient> diabetic = p -> p.officeVisit(VISIT)
                .condition(d(2020, 1, 1), ICD10, "E11.9", "problem-list-item");
        c.add("ASCVD on the problem list, statin ordered in the period: met",
                ascvd.apply(c.male(d(1960, 6, 1))).statin(d(2025, 4, 1), "197904"),
                CareGapStatus.CLOSED_GAP, MET, null);
        c.add("ASCVD, no statin: open",
                ascvd.apply(c.male(d(1960, 6, 1))), CareGapStatus.OPEN_GAP, DENOMINATOR_ONLY, null);
        c.add("ASCVD only as an encounter diagnosis (not a problem-list item): not in the population",
                c.male(d(1960, 6, 1)).officeVisit(VISIT)
                        .condition(d(2020, 1, 1), ICD10, "I25.10", "encounter-diagnosis"),
                CareGapStatus.NOT_APPLICABLE, NONE, null);
        c.add("ASCVD with a statin allergy starting in the period: denominator exception",
                ascvd.apply(c.male(d(1960, 6, 1))).allergy(RXNORM, "83367", d(2025, 2, 1)),
                CareGapStatus.NOT_APPLICABLE, EXCEPTED, null);
        c.add("ASCVD and breastfeeding during the period: excluded",
                ascvd.apply(c.female(d(1985, 6, 1))).condition(d(2025, 5, 1), SNOMED, "866041003", "problem-list-item"),
                CareGapStatus.NOT_APPLICABLE, EXCLUDED, null);
        c.add("ASCVD and breastfeeding that ended the day before the period: not excluded, open",
                ascvd.apply(c.female(d(1985, 6, 1)))
                        .resolvedCondition(d(2024, 3, 1), d(2024, 12, 31), SNOMED, "866041003", "problem-list-item"),
                CareGapStatus.OPEN_GAP, DENOMINATOR_ONLY, null);
        c.add("diabetes, age 40 at the start of the period, statin: group 3, met",
                diabetic.apply(c.female(d(1985, 1, 1))).statin(d(2025, 4, 1), "197904"),
                CareGapStatus.CLOSED_GAP, NONE, null);
        c.add("diabetes, age 39 at the start of the period (40 at its end): in no group",
                diabetic.apply(c.female(d(1985, 1, 2))).statin(d(2025, 4, 1), "197904"),
                CareGapStatus.NOT_APPLICABLE, NONE, null);
        c.add("diabetes, age 75 at the start of the period (76 at its end), no statin: group 3, open",
                diabetic.apply(c.male(d(1949, 1, 2))), CareGapStatus.OPEN_GAP, NONE, null);
        c.add("diabetes, age 76 at the start of the period: in no group",
                diabetic.apply(c.male(d(1949, 1, 1))), CareGapStatus.NOT_APPLICABLE, NONE, null);
        c.add("LDL 190 mg/dL, age 20 at the start of the period, statin: group 2, met",
                c.male(d(2005, 1, 1)).officeVisit(VISIT).lab(d(2024, 6, 1), "18262-6", 190.0, "mg/dL")
                        .statin(d(2025, 4, 1), "197904"),
                CareGapStatus.CLOSED_GAP, NONE, null);
        c.add("LDL 190 mg/dL, age 19 at the start of the period (20 at its end): in no group",
                c.male(d(2005, 1, 2)).officeVisit(VISIT).lab(d(2024, 6, 1), "18262-6", 190.0, "mg/dL"),
                CareGapStatus.NOT_APPLICABLE, NONE, null);
        c.add("LDL 189 mg/dL only: in no group",
                c.male(d(1990, 6, 1)).officeVisit(VISIT).lab(d(2024, 6, 1), "18262-6", 189.0, "mg/dL"),
                CareGapStatus.NOT_APPLICABLE, NONE, null);
        c.add("ASCVD but no visit in the period: not in the population",
                c.male(d(1960, 6, 1)).condition(d(2020, 1, 1), ICD10, "I25.10", "problem-list-item"),
                CareGapStatus.NOT_APPLICABLE, NONE, null);
        return c.list;
    }

    // ---- influenza (ChartLens): alive and 18+ at the end of the period; season July 1 - June 30; no visit needed ----

    static List<Case> influenza() {
        Cases c = new Cases("flu");
        c.add("age 18, vaccinated this season, no visit: closed, due the next season",
                c.female(d(2007, 12, 31)).immunization(d(2025, 10, 1), "140"),
                CareGapStatus.CLOSED_GAP, MET, d(2026, 7, 1));
        c.add("age 17 at the end of the period: not in the population",
                c.female(d(2008, 1, 1)).immunization(d(2025, 10, 1), "140"), CareGapStatus.NOT_APPLICABLE, NONE, null);
        c.add("vaccinated on the first day of the season (July 1): closed",
                c.male(d(1960, 6, 1)).immunization(d(2025, 7, 1), "140"), CareGapStatus.CLOSED_GAP, MET, d(2026, 7, 1));
        c.add("vaccinated the last day of last season (June 30): open, due October 31",
                c.male(d(1960, 6, 1)).officeVisit(VISIT).immunization(d(2025, 6, 30), "140"),
                CareGapStatus.OPEN_GAP, DENOMINATOR_ONLY, d(2025, 10, 31));
        c.add("deceased (deceasedBoolean): not in the population",
                c.male(d(1960, 6, 1)).deceased(), CareGapStatus.NOT_APPLICABLE, NONE, null);
        c.add("deceased (deceasedDateTime in the period): not in the population",
                c.male(d(1960, 6, 1)).deceased(d(2025, 9, 1)), CareGapStatus.NOT_APPLICABLE, NONE, null);
        c.add("allergy to influenza vaccine: excluded",
                c.female(d(1960, 6, 1)).allergy(SNOMED, "294647003", true),
                CareGapStatus.NOT_APPLICABLE, EXCLUDED, null);
        c.add("hospice encounter in the period: excluded",
                c.female(d(1960, 6, 1)).hospiceEncounter(d(2025, 9, 1)), CareGapStatus.NOT_APPLICABLE, EXCLUDED, null);
        return c.list;
    }

    // ---- helpers ----

    /** Frailty (a home visit for activities of daily living, CPT 99509, in the period) and advanced illness
     *  (pancreatic cancer diagnosed in the year before the period). */
    static TestPatient frailWithAdvancedIllness(TestPatient p) {
        return p.encounter(d(2025, 5, 1), CPT, "99509", "HH")
                .condition(d(2024, 6, 1), ICD10, "C25.0", "problem-list-item");
    }

    static LocalDate d(int year, int month, int day) {
        return LocalDate.of(year, month, day);
    }

    private static Set<MeasurePopulation> set(MeasurePopulation first, MeasurePopulation... rest) {
        return Collections.unmodifiableSet(EnumSet.of(first, rest));
    }

    /** Collects one measure's cases; patient ids are stable: the measure id and a sequence ({@code bp-03}). */
    private static final class Cases {
        private final String measureId;
        private final List<Case> list = new ArrayList<>();
        private int patients;

        Cases(String measureId) {
            this.measureId = measureId;
        }

        private String nextId() {
            return String.format("%s-%02d", measureId, ++patients);
        }

        TestPatient female(LocalDate birthDate) {
            return TestPatient.female(nextId(), birthDate);
        }

        TestPatient male(LocalDate birthDate) {
            return TestPatient.male(nextId(), birthDate);
        }

        void add(String name, TestPatient patient, CareGapStatus expected, Set<MeasurePopulation> populations,
                LocalDate due) {
            list.add(new Case(name, measureId, patient, PERIOD, expected, populations, due));
        }
    }
}
