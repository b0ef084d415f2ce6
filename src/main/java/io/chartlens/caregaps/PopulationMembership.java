package io.chartlens.caregaps;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which populations of one group a patient belongs to, after the proportion-measure rules: the denominator is
 * within the initial population; exclusions and exceptions apply only within the denominator; the numerator counts
 * only patients in the denominator who are not excluded; an exception applies only when the numerator is not met.
 *
 * @param groupId the group
 * @param members the populations the patient is in
 */
public record PopulationMembership(String groupId, Set<MeasurePopulation> members) {

    public PopulationMembership {
        members = Collections.unmodifiableSet(members.isEmpty() ? EnumSet.noneOf(MeasurePopulation.class)
                : EnumSet.copyOf(members));
    }

    /** Applies the proportion rules to the raw truth of each population's expression. */
    public static PopulationMembership of(MeasureDefinition.PopulationGroup group, CqlResults results) {
        Set<MeasurePopulation> in = EnumSet.noneOf(MeasurePopulation.class);
        boolean ip = holds(group, MeasurePopulation.INITIAL_POPULATION, results);
        boolean denominator = ip && holds(group, MeasurePopulation.DENOMINATOR, results);
        boolean excluded = denominator && holds(group, MeasurePopulation.DENOMINATOR_EXCLUSION, results);
        boolean numerator = denominator && !excluded && holds(group, MeasurePopulation.NUMERATOR, results);
        boolean numeratorExcluded = numerator && holds(group, MeasurePopulation.NUMERATOR_EXCLUSION, results);
        boolean exception = denominator && !excluded && !numerator
                && holds(group, MeasurePopulation.DENOMINATOR_EXCEPTION, results);
        add(in, MeasurePopulation.INITIAL_POPULATION, ip);
        add(in, MeasurePopulation.DENOMINATOR, denominator);
        add(in, MeasurePopulation.DENOMINATOR_EXCLUSION, excluded);
        add(in, MeasurePopulation.NUMERATOR, numerator);
        add(in, MeasurePopulation.NUMERATOR_EXCLUSION, numeratorExcluded);
        add(in, MeasurePopulation.DENOMINATOR_EXCEPTION, exception);
        return new PopulationMembership(group.id(), in);
    }

    private static boolean holds(MeasureDefinition.PopulationGroup group, MeasurePopulation population,
            CqlResults results) {
        String expression = group.criteria().get(population);
        return expression != null && results.isTrue(expression);
    }

    private static void add(Set<MeasurePopulation> set, MeasurePopulation population, boolean member) {
        if (member) {
            set.add(population);
        }
    }

    public boolean in(MeasurePopulation population) {
        return members.contains(population);
    }

    /** In the denominator and neither excluded nor excepted: the numerator decides the gap. */
    public boolean counts() {
        return in(MeasurePopulation.DENOMINATOR) && !in(MeasurePopulation.DENOMINATOR_EXCLUSION)
                && !in(MeasurePopulation.DENOMINATOR_EXCEPTION);
    }
}
