package io.chartlens.sandbox.fhir;

import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.List;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;

/**
 * Token search semantics of FHIR R4 (3.1.1.4.10): {@code system|code}, {@code code} (any system), {@code |code}
 * (no system) and {@code system|} (any code of the system). Modifiers (:text, :not, :in...) are refused with a 400
 * rather than ignored, so a client never mistakes an unfiltered answer for a filtered one.
 */
final class TokenMatcher {

    private TokenMatcher() {
    }

    /** True when the parameter is absent or one of its tokens matches one of the codings. */
    static boolean matches(String parameterName, TokenOrListParam parameter, List<Coding> codings) {
        if (parameter == null || parameter.getValuesAsQueryTokens().isEmpty()) {
            return true;
        }
        for (TokenParam token : parameter.getValuesAsQueryTokens()) {
            if (token.getModifier() != null) {
                throw new InvalidRequestException("The sandbox does not support the modifier :"
                        + token.getModifier().getValue() + " on " + parameterName);
            }
            for (Coding coding : codings) {
                if (matches(token, coding)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The same semantics for an {@code identifier} parameter: {@code system|value} against Identifier.system/value. */
    static boolean matchesIdentifier(TokenOrListParam parameter, List<Identifier> identifiers) {
        return matches("identifier", parameter, identifiers.stream()
                .map(i -> new Coding(i.getSystem(), i.getValue(), null)).toList());
    }

    private static boolean matches(TokenParam token, Coding coding) {
        String system = token.getSystem();
        String code = token.getValue();
        boolean systemMatches = system == null
                || (system.isEmpty() ? !coding.hasSystem() : system.equals(coding.getSystem()));
        boolean codeMatches = code == null || code.isEmpty() || code.equals(coding.getCode());
        return systemMatches && codeMatches;
    }
}
