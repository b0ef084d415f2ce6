package io.chartlens.sandbox.fhir;

import java.util.List;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * What the token search parameters of one resource type read, so one search routine serves every type.
 * A function returns an empty list when the type has no such element.
 *
 * @param type            the resource class
 * @param patient         the references that put a resource into a patient's compartment (subject or patient)
 * @param code            the codings of {@code code} (or vaccine-code, type)
 * @param category        the codings of {@code category}
 * @param componentCode   the codings of {@code component-code} (Observation components)
 * @param status          the {@code status} code as a coding in its code system
 * @param clinicalStatus  the codings of {@code clinical-status}
 */
record SearchProfile(
        Class<? extends Resource> type,
        Function<Resource, List<Reference>> patient,
        Function<Resource, List<Coding>> code,
        Function<Resource, List<Coding>> category,
        Function<Resource, List<Coding>> componentCode,
        Function<Resource, List<Coding>> status,
        Function<Resource, List<Coding>> clinicalStatus) {

    /** Builds a profile from functions typed for T; the store only hands them resources of type T. */
    static <T extends Resource> SearchProfile of(Class<T> type, Function<T, List<Reference>> patient,
            Function<T, List<Coding>> code, Function<T, List<Coding>> category,
            Function<T, List<Coding>> componentCode, Function<T, List<Coding>> status,
            Function<T, List<Coding>> clinicalStatus) {
        return new SearchProfile(type, cast(type, patient), cast(type, code), cast(type, category),
                cast(type, componentCode), cast(type, status), cast(type, clinicalStatus));
    }

    private static <T extends Resource, R> Function<Resource, R> cast(Class<T> type, Function<T, R> function) {
        return resource -> function.apply(type.cast(resource));
    }
}
