package io.chartlens.sandbox.fhir;

import java.util.Optional;

/**
 * A conditional reference such as {@code Practitioner?identifier=http://hl7.org/fhir/sid/us-npi|9999984591}, which
 * Synthea writes so that a transaction can point at resources loaded by an earlier batch bundle. Only the
 * {@code identifier=system|value} form is understood; anything else is not a conditional reference we resolve.
 *
 * @param resourceType the target type, for example "Practitioner"
 * @param system       the identifier system (may be empty)
 * @param value        the identifier value
 */
record ConditionalReference(String resourceType, String system, String value) {

    private static final String IDENTIFIER = "identifier=";

    /** Parses a reference string, or returns empty when it is not an identifier-based conditional reference. */
    static Optional<ConditionalReference> parse(String reference) {
        int query = reference.indexOf('?');
        if (query <= 0 || !reference.startsWith(IDENTIFIER, query + 1)) {
            return Optional.empty();
        }
        String type = reference.substring(0, query);
        String token = reference.substring(query + 1 + IDENTIFIER.length());
        int bar = token.indexOf('|');
        if (token.contains("&") || bar < 0 || bar == token.length() - 1 || type.contains("/")) {
            return Optional.empty();
        }
        return Optional.of(new ConditionalReference(type, token.substring(0, bar), token.substring(bar + 1)));
    }

    /** The key under which the store indexes identifiers of loaded resources. */
    String indexKey() {
        return indexKey(resourceType, system, value);
    }

    static String indexKey(String type, String system, String value) {
        return type + '\u0000' + (system == null ? "" : system) + '\u0000' + value;
    }
}
