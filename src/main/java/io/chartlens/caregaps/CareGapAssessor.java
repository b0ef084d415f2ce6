package io.chartlens.caregaps;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DeviceRequest;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Type;

/**
 * Turns one evaluation's expression values into a {@link CareGap}: population memberships by the proportion rules,
 * the gap status by the measure's improvement notation, and a prospective gap when a met measure falls due within
 * the configured window.
 */
public final class CareGapAssessor {

    private final int prospectiveDays;

    /** @param prospectiveDays a met measure whose due date is this many days or fewer away is a prospective gap */
    public CareGapAssessor(int prospectiveDays) {
        if (prospectiveDays < 0) {
            throw new IllegalArgumentException("the prospective-gap window cannot be negative");
        }
        this.prospectiveDays = prospectiveDays;
    }

    public CareGap assess(MeasureDefinition measure, MeasurementPeriod period, CqlResults results) {
        List<PopulationMembership> memberships = measure.groups().stream()
                .map(g -> PopulationMembership.of(g, results)).toList();
        List<Evidence> evidence = evidence(results);
        Optional<LocalDate> due = results.date(MeasureDefinition.DUE_DATE);
        List<String> notes = results.strings(MeasureDefinition.RESULT_NOTE);
        Optional<PopulationMembership> counted = memberships.stream().filter(PopulationMembership::counts).findFirst();
        if (counted.isEmpty()) {
            return notApplicable(measure, period, results, memberships, evidence);
        }
        boolean numerator = counted.get().in(MeasurePopulation.NUMERATOR);
        boolean met = measure.improvement() == MeasureDefinition.Improvement.INCREASE ? numerator : !numerator;
        List<Evidence> shown = evidence.stream().filter(e -> e.role() != Evidence.Role.EXCLUSION).toList();
        if (!met) {
            return new CareGap(measure, period, CareGapStatus.OPEN_GAP, due, notes, shown, memberships);
        }
        boolean dueSoon = due.map(d -> !d.isAfter(period.end().plusDays(prospectiveDays))).orElse(false);
        return new CareGap(measure, period, dueSoon ? CareGapStatus.PROSPECTIVE_GAP : CareGapStatus.CLOSED_GAP, due,
                notes, shown, memberships);
    }

    private CareGap notApplicable(MeasureDefinition measure, MeasurementPeriod period, CqlResults results,
            List<PopulationMembership> memberships, List<Evidence> evidence) {
        List<String> reasons = new ArrayList<>();
        boolean anyDenominator = memberships.stream().anyMatch(m -> m.in(MeasurePopulation.DENOMINATOR));
        boolean excluded = memberships.stream().anyMatch(m -> m.in(MeasurePopulation.DENOMINATOR_EXCLUSION));
        boolean excepted = memberships.stream().anyMatch(m -> m.in(MeasurePopulation.DENOMINATOR_EXCEPTION));
        List<Evidence> shown;
        if (!anyDenominator) {
            MeasureDefinition.PopulationGroup first = measure.groups().get(0);
            reasons.add("Not in the measure's population: " + first.descriptions().getOrDefault(
                    MeasurePopulation.INITIAL_POPULATION, "the initial population criteria are not met") + ".");
            shown = List.of();
        } else if (excluded) {
            List<String> why = results.strings(MeasureDefinition.EXCLUSION_REASONS);
            reasons.add(why.isEmpty() ? "Excluded by the measure's denominator exclusions." : "Excluded: "
                    + String.join("; ", why) + ".");
            shown = evidence.stream().filter(e -> e.role() == Evidence.Role.EXCLUSION).toList();
        } else if (excepted) {
            List<String> why = results.strings(MeasureDefinition.EXCEPTION_REASONS);
            reasons.add(why.isEmpty() ? "A denominator exception applies." : "Exception: "
                    + String.join("; ", why) + ".");
            shown = evidence.stream().filter(e -> e.role() == Evidence.Role.EXCLUSION).toList();
        } else {
            reasons.add("Not in the denominator.");
            shown = List.of();
        }
        return new CareGap(measure, period, CareGapStatus.NOT_APPLICABLE, Optional.empty(), reasons, shown,
                memberships);
    }

    /** Evidence from the optional evidence expressions, each resource once per role, newest first. */
    static List<Evidence> evidence(CqlResults results) {
        Map<String, Evidence> byKey = new LinkedHashMap<>();
        collect(byKey, Evidence.Role.NUMERATOR, results.resources(MeasureDefinition.NUMERATOR_EVIDENCE));
        collect(byKey, Evidence.Role.EXCLUSION, results.resources(MeasureDefinition.EXCLUSION_EVIDENCE));
        collect(byKey, Evidence.Role.ELIGIBILITY, results.resources(MeasureDefinition.ELIGIBILITY_EVIDENCE));
        List<Evidence> list = new ArrayList<>(byKey.values());
        list.sort(Comparator.comparing(Evidence::role)
                .thenComparing(e -> e.date().orElse(LocalDate.MIN), Comparator.reverseOrder()));
        return list;
    }

    private static void collect(Map<String, Evidence> into, Evidence.Role role, List<Resource> resources) {
        for (Resource r : resources) {
            if (!r.hasIdElement() || r.getIdElement().getIdPart() == null) {
                continue;
            }
            String reference = r.fhirType() + "/" + r.getIdElement().getIdPart();
            into.putIfAbsent(role + "|" + reference, new Evidence(role, reference, display(r), date(r)));
        }
    }

    static String display(Resource r) {
        CodeableConcept code = null;
        if (r instanceof Procedure p) {
            code = p.getCode();
        } else if (r instanceof Observation o) {
            code = o.getCode();
        } else if (r instanceof Condition c) {
            code = c.getCode();
        } else if (r instanceof Encounter e) {
            code = e.getTypeFirstRep();
        } else if (r instanceof Immunization i) {
            code = i.getVaccineCode();
        } else if (r instanceof MedicationRequest m && m.hasMedicationCodeableConcept()) {
            code = m.getMedicationCodeableConcept();
        } else if (r instanceof ServiceRequest s) {
            code = s.getCode();
        } else if (r instanceof DeviceRequest d && d.hasCodeCodeableConcept()) {
            code = d.getCodeCodeableConcept();
        } else if (r instanceof AllergyIntolerance a) {
            code = a.getCode();
        }
        if (code != null && code.hasText()) {
            return code.getText();
        }
        if (code != null) {
            for (var coding : code.getCoding()) {
                if (coding.hasDisplay()) {
                    return coding.getDisplay();
                }
            }
            for (var coding : code.getCoding()) {
                if (coding.hasCode()) {
                    return r.fhirType() + " " + coding.getCode();
                }
            }
        }
        return r.fhirType();
    }

    static Optional<LocalDate> date(Resource r) {
        Type when = null;
        if (r instanceof Procedure p) {
            when = p.getPerformed();
        } else if (r instanceof Observation o) {
            when = o.getEffective();
        } else if (r instanceof Condition c) {
            when = c.hasOnset() ? c.getOnset() : c.getRecordedDateElement();
        } else if (r instanceof Encounter e) {
            when = e.getPeriod();
        } else if (r instanceof Immunization i) {
            when = i.getOccurrence();
        } else if (r instanceof MedicationRequest m) {
            when = m.getAuthoredOnElement();
        } else if (r instanceof ServiceRequest s) {
            when = s.getAuthoredOnElement();
        } else if (r instanceof DeviceRequest d) {
            when = d.getAuthoredOnElement();
        } else if (r instanceof AllergyIntolerance a) {
            when = a.hasOnset() ? a.getOnset() : a.getRecordedDateElement();
        }
        if (when instanceof Period period) {
            when = period.hasEnd() ? period.getEndElement() : period.getStartElement();
        }
        if (when instanceof BaseDateTimeType dt && dt.getValue() != null) {
            return Optional.of(LocalDate.of(dt.getYear(), dt.getMonth() + 1, dt.getDay()));
        }
        return Optional.empty();
    }
}
