package io.chartlens.sandbox.fhir;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One SMART resource scope (SMART App Launch 2.0, "Scopes for requesting clinical data"):
 * {@code (patient|user|system)/(Type|*).(cruds|read|write|*)[?param=value]}. The v1 suffixes map to their v2
 * equivalents: {@code read} = rs, {@code write} = cud, {@code *} = cruds. Granular {@code ?param=value} suffixes
 * are accepted but do not narrow the grant in the sandbox (a scope {@code patient/Observation.rs?category=laboratory}
 * grants all the patient's Observations); the sandbox is a development aid, not an enforcement reference.
 *
 * @param context      who the scope is about
 * @param resourceType the type, or "*" for all types
 * @param permissions  the granted letters among c, r, u, d, s
 */
record SmartScope(Context context, String resourceType, Set<Character> permissions) {

    /** The scope's context: one patient's compartment, whatever the user may see, or a backend system. */
    enum Context { PATIENT, USER, SYSTEM }

    private static final Pattern GRAMMAR =
            Pattern.compile("(patient|user|system)/([A-Z][A-Za-z]+|\\*)\\.(read|write|\\*|c?r?u?d?s?)(\\?.*)?");

    /** The scope, or empty for other scopes (openid, launch/patient...) and malformed ones such as ".sr". */
    static Optional<SmartScope> parse(String scope) {
        Matcher m = GRAMMAR.matcher(scope);
        if (!m.matches() || m.group(3).isEmpty()) {
            return Optional.empty();
        }
        String letters = switch (m.group(3)) {
            case "read" -> "rs";
            case "write" -> "cud";
            case "*" -> "cruds";
            default -> m.group(3);
        };
        Set<Character> permissions = letters.chars().mapToObj(c -> (char) c).collect(Collectors.toUnmodifiableSet());
        return Optional.of(new SmartScope(Context.valueOf(m.group(1).toUpperCase(java.util.Locale.ROOT)),
                m.group(2), permissions));
    }

    boolean grants(String type, char permission) {
        return ("*".equals(resourceType) || resourceType.equals(type)) && permissions.contains(permission);
    }
}
