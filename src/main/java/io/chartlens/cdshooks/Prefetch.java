package io.chartlens.cdshooks;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import io.chartlens.fhir.RecordSection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.minidev.json.JSONObject;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;

/**
 * The request's prefetch checked against the templates (CDS Hooks 2.0: "It is the CDS Service's responsibility to
 * check prefetched data against its template to determine what requests were satisfied"):
 * <ul>
 * <li>a Patient with the context's id, or a Bundle without a {@code next} link (prefetch may not be paged), satisfies
 * its template;</li>
 * <li>a key that is absent, or a Bundle with a {@code next} link, does not: the section is fetched;</li>
 * <li>{@code null} is "the client has no data": with FHIR access the section is fetched anyway (a cheap check that
 * an empty list really means none); without, it is taken at its word, as an empty result. A null Patient is never
 * taken as "no patient": it is fetched, or the call fails with 412.</li>
 * </ul>
 *
 * @param given       the satisfied sections, PATIENT to the Patient, the others to a Bundle
 * @param unsatisfied the templates to fetch (or to report as missing)
 */
record Prefetch(Map<RecordSection, Resource> given, Set<PrefetchTemplate> unsatisfied) {

    Prefetch {
        given = Map.copyOf(given);
        unsatisfied = unsatisfied.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(unsatisfied));
    }

    /**
     * @param parser     a fresh HAPI JSON parser (parsers are not thread-safe)
     * @param fhirAccess whether the request granted FHIR access (fhirServer and fhirAuthorization)
     * @throws CdsHooksException INVALID_PREFETCH naming the key (never the content)
     */
    static Prefetch check(HookRequest request, IParser parser, boolean fhirAccess) throws CdsHooksException {
        Map<RecordSection, Resource> given = new EnumMap<>(RecordSection.class);
        Set<PrefetchTemplate> unsatisfied = EnumSet.noneOf(PrefetchTemplate.class);
        for (PrefetchTemplate template : PrefetchTemplate.values()) {
            Optional<JSONObject> value = request.prefetch().get(template.key());
            if (value == null) {
                unsatisfied.add(template);
            } else if (value.isEmpty()) {
                if (template == PrefetchTemplate.PATIENT || fhirAccess) {
                    unsatisfied.add(template);
                } else {
                    given.put(template.section(), new Bundle().setType(Bundle.BundleType.SEARCHSET));
                }
            } else {
                Resource resource = parse(parser, template, value.get());
                if (template == PrefetchTemplate.PATIENT) {
                    if (!(resource instanceof Patient patient)
                            || !request.patientId().equals(patient.getIdElement().getIdPart())) {
                        throw invalid(template, "is not the Patient of context.patientId");
                    }
                    given.put(template.section(), resource);
                } else if (!(resource instanceof Bundle bundle)) {
                    throw invalid(template, "is not a Bundle");
                } else if (bundle.getLink(Bundle.LINK_NEXT) != null) {
                    unsatisfied.add(template);
                } else {
                    given.put(template.section(), bundle);
                }
            }
        }
        return new Prefetch(given, unsatisfied);
    }

    private static Resource parse(IParser parser, PrefetchTemplate template, JSONObject json) throws CdsHooksException {
        try {
            IBaseResource resource = parser.parseResource(json.toJSONString());
            if (resource instanceof Resource r) {
                return r;
            }
        } catch (DataFormatException | ClassCastException e) {
            throw invalid(template, "is not a FHIR R4 JSON resource");
        }
        throw invalid(template, "is not a FHIR R4 resource");
    }

    private static CdsHooksException invalid(PrefetchTemplate template, String why) {
        return new CdsHooksException(CdsFailure.INVALID_PREFETCH, "prefetch." + template.key() + " " + why);
    }
}
