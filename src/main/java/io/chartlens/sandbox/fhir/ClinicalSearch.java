package io.chartlens.sandbox.fhir;

import ca.uhn.fhir.rest.api.SortOrderEnum;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Runs a {@link ClinicalQuery} over candidate resources of one type: FHIR search semantics for reference, token
 * and date parameters (a date matches when its period overlaps the requested range), then {@code _sort}.
 */
final class ClinicalSearch {

    private final SearchProfile profile;
    private final String dateParameter;

    /**
     * @param dateParameter the name of the type's date parameter ("date", or "authoredon" for MedicationRequest),
     *                      also accepted as a {@code _sort} key
     */
    ClinicalSearch(SearchProfile profile, String dateParameter) {
        this.profile = profile;
        this.dateParameter = dateParameter;
    }

    /** The patient id a query is restricted to, or empty; refuses chains and non-Patient targets. */
    static Optional<String> patientOf(ClinicalQuery query) {
        Optional<String> patient = patientId("patient", query.patient());
        Optional<String> subject = patientId("subject", query.subject());
        if (patient.isPresent() && subject.isPresent() && !patient.equals(subject)) {
            throw new InvalidRequestException("patient and subject name different patients");
        }
        return patient.or(() -> subject);
    }

    List<Resource> run(List<Resource> candidates, ClinicalQuery query) {
        Optional<String> patientId = patientOf(query);
        List<Resource> matches = candidates.stream()
                .filter(r -> patientId.isEmpty() || isInCompartment(r, patientId.get()))
                .filter(r -> TokenMatcher.matches("code", query.code(), profile.code().apply(r)))
                .filter(r -> TokenMatcher.matches("category", query.category(), profile.category().apply(r)))
                .filter(r -> TokenMatcher.matches("component-code", query.componentCode(),
                        profile.componentCode().apply(r)))
                .filter(r -> TokenMatcher.matches("status", query.status(), profile.status().apply(r)))
                .filter(r -> TokenMatcher.matches("clinical-status", query.clinicalStatus(),
                        profile.clinicalStatus().apply(r)))
                .filter(r -> inRange(ClinicalDates.of(r), query.date()))
                .filter(r -> inRange(ClinicalDates.lastUpdated(r), query.lastUpdated()))
                .toList();
        Comparator<Resource> order = comparator(query.sort());
        return order == null ? matches : matches.stream().sorted(order).toList();
    }

    private boolean isInCompartment(Resource resource, String patientId) {
        return profile.patient().apply(resource).stream().map(Reference::getReferenceElement)
                .anyMatch(id -> "Patient".equals(id.getResourceType()) && patientId.equals(id.getIdPart()));
    }

    private static Optional<String> patientId(String name, ReferenceParam parameter) {
        if (parameter == null || parameter.getValue() == null || parameter.getValue().isEmpty()) {
            return Optional.empty();
        }
        if (parameter.getChain() != null) {
            throw new InvalidRequestException("The sandbox does not support chained search on " + name);
        }
        if (parameter.getResourceType() != null && !"Patient".equals(parameter.getResourceType())) {
            throw new InvalidRequestException("The sandbox supports only Patient references in " + name);
        }
        return Optional.of(parameter.getIdPart());
    }

    static boolean inRange(Optional<DateSpan> span, DateRangeParam range) {
        if (range == null || range.isEmpty()) {
            return true;
        }
        return span.isPresent() && span.get().overlaps(instant(range.getLowerBoundAsInstant()),
                instant(range.getUpperBoundAsInstant()));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    /** The comparator for a (possibly chained) _sort; resources without the sorted date go last. */
    private Comparator<Resource> comparator(SortSpec sort) {
        Comparator<Resource> result = null;
        for (SortSpec spec = sort; spec != null; spec = spec.getChain()) {
            Function<Resource, Optional<DateSpan>> key = keyOf(spec.getParamName());
            Comparator<Instant> instants = spec.getOrder() == SortOrderEnum.DESC
                    ? Comparator.<Instant>naturalOrder().reversed() : Comparator.naturalOrder();
            Comparator<Resource> next = Comparator.comparing(
                    r -> key.apply(r).map(DateSpan::start).orElse(null), Comparator.nullsLast(instants));
            result = result == null ? next : result.thenComparing(next);
        }
        return result;
    }

    private Function<Resource, Optional<DateSpan>> keyOf(String parameterName) {
        if ("_lastUpdated".equals(parameterName)) {
            return ClinicalDates::lastUpdated;
        } else if ("date".equals(parameterName) || dateParameter.equals(parameterName)) {
            return ClinicalDates::of;
        }
        throw new InvalidRequestException("The sandbox cannot sort by " + parameterName
                + "; use " + dateParameter + " or _lastUpdated (prefix - for descending)");
    }
}
