package io.chartlens.caregaps;

import io.chartlens.fhir.LoadedRecord;
import io.chartlens.fhir.RecordSection;
import io.chartlens.fhir.SectionStatus;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Resource;

/**
 * The loaded record as the Bundle the CQL engine reads: no second round of FHIR queries. A MedicationRequest that
 * names its drug by {@code medicationReference} gets a copy with the resolved Medication's code as
 * {@code medicationCodeableConcept}, because CQL retrieves match the code, not the reference. Everything else is
 * passed as loaded.
 */
public final class RecordBundle {

    /** The sections the measures read. A gap computed while one of them is incomplete is flagged. */
    static final Set<RecordSection> READ_BY_MEASURES = EnumSet.of(RecordSection.PATIENT, RecordSection.ENCOUNTERS,
            RecordSection.CONDITIONS, RecordSection.VITAL_SIGNS, RecordSection.LABORATORY,
            RecordSection.SOCIAL_HISTORY, RecordSection.MEDICATIONS, RecordSection.ALLERGIES,
            RecordSection.PROCEDURES, RecordSection.IMMUNIZATIONS);

    private RecordBundle() {
    }

    public static Bundle of(LoadedRecord record) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        for (RecordSection section : READ_BY_MEASURES) {
            for (Resource r : record.resources(section, Resource.class)) {
                if (r instanceof MedicationRequest request && request.hasMedicationReference()) {
                    r = withResolvedCode(record, request);
                }
                bundle.addEntry().setResource(r);
            }
        }
        return bundle;
    }

    private static MedicationRequest withResolvedCode(LoadedRecord record, MedicationRequest request) {
        return record.medication(request).filter(m -> m.hasCode()).map(m -> {
            MedicationRequest copy = request.copy();
            copy.setMedication(m.getCode().copy());
            return copy;
        }).orElse(request);
    }

    /** The sections the measures read that did not load completely, in plain words, for the page's caveat. */
    public static List<String> incompleteSections(LoadedRecord record) {
        return READ_BY_MEASURES.stream().map(record::status).filter(s -> !s.complete())
                .map(SectionStatus::section).map(RecordSection::label).toList();
    }
}
