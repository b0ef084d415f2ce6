package io.chartlens.record;

import java.time.OffsetDateTime;

/**
 * One coded Observation answer ({@code valueCodeableConcept}), such as smoking status (LOINC 72166-2, answer in SNOMED
 * CT).
 *
 * @param kind      the {@link ObservationKind#kind()} id, for example {@code smokingStatus}; never null
 * @param system    the answer's code system URI; null when the source omits it
 * @param code      the answer's code; null for a text-only answer
 * @param display   readable text, invisible characters removed; never null
 * @param effective when the answer was true for the patient; never null
 * @param source    {@code Observation/{id}}; never null
 */
public record CodedValue(String kind, String system, String code, String display, OffsetDateTime effective,
        String source) {
}
