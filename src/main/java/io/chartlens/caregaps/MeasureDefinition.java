package io.chartlens.caregaps;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One care-gap measure as configured in {@code smart-config/measures/}: parsed once from its FHIR Measure resource.
 *
 * @param id                  short id, the Measure's id (for example {@code colorectal})
 * @param url                 the Measure's canonical URL
 * @param version             the Measure's version
 * @param title               plain title for the page
 * @param specification       the published specification it follows (for example {@code CMS130v12}), or a
 *                            description of the recommendation when no eCQM exists
 * @param specificationUrl    where that specification is published
 * @param improvement         whether a higher or lower numerator is better (set explicitly in every Measure)
 * @param library             the CQL library holding the logic
 * @param groups              the population groups, each mapping populations to CQL expressions
 * @param definedExpressions  every expression the library defines (to ask only for those that exist)
 */
public record MeasureDefinition(String id, String url, String version, String title, String specification,
        String specificationUrl, Improvement improvement, CqlEngine.LibraryRef library, List<PopulationGroup> groups,
        Set<String> definedExpressions) {

    /** Optional expressions a measure library may define; the page and the API show them when present. */
    public static final String ELIGIBILITY_EVIDENCE = "Eligibility Evidence";
    public static final String EXCLUSION_EVIDENCE = "Exclusion Evidence";
    public static final String NUMERATOR_EVIDENCE = "Numerator Evidence";
    public static final String EXCLUSION_REASONS = "Exclusion Reasons";
    public static final String EXCEPTION_REASONS = "Exception Reasons";
    public static final String DUE_DATE = "Due Date";
    public static final String RESULT_NOTE = "Result Note";

    public MeasureDefinition {
        groups = List.copyOf(groups);
        definedExpressions = Set.copyOf(definedExpressions);
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("Measure " + id + " has no population group");
        }
    }

    /** The improvement notation ({@code http://terminology.hl7.org/CodeSystem/measure-improvement-notation}). */
    public enum Improvement {
        INCREASE, DECREASE;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One population group.
     *
     * @param id          the group's id
     * @param criteria    each population's CQL expression
     * @param descriptions each population's plain description (used as the reason a patient is not in it)
     */
    public record PopulationGroup(String id, Map<MeasurePopulation, String> criteria,
            Map<MeasurePopulation, String> descriptions) {
        public PopulationGroup {
            criteria = Map.copyOf(criteria);
            descriptions = Map.copyOf(descriptions);
            if (!criteria.containsKey(MeasurePopulation.INITIAL_POPULATION)
                    || !criteria.containsKey(MeasurePopulation.DENOMINATOR)
                    || !criteria.containsKey(MeasurePopulation.NUMERATOR)) {
                throw new IllegalArgumentException("group " + id
                        + " needs initial-population, denominator and numerator criteria");
            }
        }
    }

    /** Every expression an evaluation should ask for: the populations plus the optional ones the library defines. */
    public Set<String> expressionsToEvaluate() {
        Set<String> names = new java.util.LinkedHashSet<>();
        groups.forEach(g -> names.addAll(g.criteria().values()));
        for (String optional : List.of(ELIGIBILITY_EVIDENCE, EXCLUSION_EVIDENCE, NUMERATOR_EVIDENCE, EXCLUSION_REASONS,
                EXCEPTION_REASONS, DUE_DATE, RESULT_NOTE)) {
            if (definedExpressions.contains(optional)) {
                names.add(optional);
            }
        }
        return names;
    }
}
