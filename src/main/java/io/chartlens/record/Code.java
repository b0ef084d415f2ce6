package io.chartlens.record;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/**
 * One coding of a concept, with a clean display text. Matching is always on {@code system} and {@code code}: some
 * source displays carry invisible characters (U+200B), so displays are for people only.
 *
 * @param system  code system URI, may be null when the source omits it
 * @param code    the code, may be null for text-only concepts
 * @param display readable text (never null; "Unnamed" when nothing readable exists)
 */
public record Code(String system, String code, String display) {

    public static final String SNOMED = "http://snomed.info/sct";
    public static final String LOINC = "http://loinc.org";
    public static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    public static final String CVX = "http://hl7.org/fhir/sid/cvx";

    /** The first coding of a concept, with the concept's text preferred as display. */
    public static Code of(CodeableConcept concept) {
        if (concept == null || concept.isEmpty()) {
            return new Code(null, null, "Unnamed");
        }
        Coding first = concept.getCodingFirstRep();
        String display = concept.hasText() ? concept.getText() : first.getDisplay();
        return new Code(first.getSystem(), first.getCode(), clean(display != null ? display : first.getCode()));
    }

    /** True when any coding of {@code concept} has this system and one of {@code codes}. */
    public static boolean anyOf(CodeableConcept concept, String system, java.util.Collection<String> codes) {
        return concept != null && concept.getCoding().stream()
                .anyMatch(c -> system.equals(c.getSystem()) && codes.contains(c.getCode()));
    }

    static String clean(String text) {
        String cleaned = text == null ? "" : text.replaceAll("[\\u200B-\\u200D\\uFEFF]", "").trim();
        return cleaned.isEmpty() ? "Unnamed" : cleaned;
    }
}
