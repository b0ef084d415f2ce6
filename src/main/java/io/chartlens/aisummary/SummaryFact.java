package io.chartlens.aisummary;

/**
 * One fact from the record, in the minimum-necessary, de-identified form a summary is written from: no name, MRN,
 * address or exact birth date; dates are relative to the record's reference date ("12 d before").
 *
 * @param reference the FHIR resource it comes from ({@code Type/id})
 * @param kind      what sort of fact it is: problem, encounter, admission, lab, vital, medication-started,
 *                  medication-stopped, allergy, score, care-gap
 * @param text      the fact in words, with its values and relative date
 */
public record SummaryFact(String reference, String kind, String text) {
}
