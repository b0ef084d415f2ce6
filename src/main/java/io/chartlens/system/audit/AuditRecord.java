package io.chartlens.system.audit;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One access to one patient's data, as the caller describes it; {@link AuditTrail#record} adds the time and the id.
 *
 * <p>Validated here, before any database work, so that a bad value fails with a clear reason instead of a
 * vendor-specific SQL error (H2's "value too long" message would even echo the value, i.e. PHI). Identifiers
 * (who, ehr, patient, encounter) that do not fit their columns are rejected, not truncated: a truncated id would
 * point at the wrong person. The free-text {@code detail} and the diagnostic {@code requestId} are cleaned and
 * truncated instead, because failing a page over a long diagnostic would be worse than shortening it.
 *
 * <p>{@link #toString()} leaves out who, patient and encounter, so that logging a record cannot leak PHI.
 *
 * @param who           the user's fhirUser reference (e.g. {@code Practitioner/123} or an absolute URL), never a
 *                      name; at most 300 characters
 * @param ehr           the EHR registration id; at most 100 characters
 * @param patientId     the FHIR id of the patient whose data was accessed; at most 200 characters
 * @param encounterId   the encounter in context, or null (blank becomes null); at most 200 characters
 * @param action        what was done
 * @param resourceTypes the FHIR resource types involved (e.g. Observation); kept sorted; may be empty
 * @param outcome       how it ended
 * @param detail        why it was partial or failed, without PHI (e.g. "Observation: HTTP 403"), or null;
 *                      control characters become '?', longer than 500 characters is cut
 * @param requestId     a correlation id for the HTTP request, or null; cut to 64 characters
 */
public record AuditRecord(String who, String ehr, String patientId, String encounterId, AuditAction action,
                          Set<String> resourceTypes, AuditOutcome outcome, String detail, String requestId) {

    static final int WHO_MAX = 300;
    static final int EHR_MAX = 100;
    static final int PATIENT_MAX = 200;
    static final int ENCOUNTER_MAX = 200;
    static final int RESOURCE_TYPES_MAX = 500;
    static final int DETAIL_MAX = 500;
    static final int REQUEST_ID_MAX = 64;

    /** FHIR resource type names: letters and digits, starting upper case; this also keeps commas out. */
    private static final Pattern RESOURCE_TYPE = Pattern.compile("[A-Z][A-Za-z0-9]{0,63}");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u0085\\u2028\\u2029]");

    public AuditRecord {
        who = required("who", who, WHO_MAX);
        ehr = required("ehr", ehr, EHR_MAX);
        patientId = required("patientId", patientId, PATIENT_MAX);
        encounterId = optional("encounterId", encounterId, ENCOUNTER_MAX);
        Objects.requireNonNull(action, "action is required");
        Objects.requireNonNull(outcome, "outcome is required");
        resourceTypes = resourceTypes(resourceTypes);
        detail = cut(detail, DETAIL_MAX);
        requestId = cut(requestId, REQUEST_ID_MAX);
    }

    /** The resource types as stored: sorted, comma-separated, no spaces (e.g. "Condition,Observation"). */
    public String resourceTypesJoined() {
        return String.join(",", resourceTypes);
    }

    /** The inverse of {@link #resourceTypesJoined()}; an empty or null column gives an empty set. */
    static Set<String> splitResourceTypes(String joined) {
        if (joined == null || joined.isBlank()) {
            return Set.of();
        }
        return Set.of(joined.split(","));
    }

    @Override
    public String toString() {
        return "AuditRecord[action=" + action + ", outcome=" + outcome + ", ehr=" + ehr + ", resourceTypes="
                + resourceTypes + ", requestId=" + requestId + "]";
    }

    private static String required(String name, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return checked(name, value.strip(), max);
    }

    private static String optional(String name, String value, int max) {
        return value == null || value.isBlank() ? null : checked(name, value.strip(), max);
    }

    /** The reason names the field and the length, never the value (it may be PHI). */
    private static String checked(String name, String value, int max) {
        if (value.length() > max) {
            throw new IllegalArgumentException(name + " is longer than " + max + " characters (" + value.length()
                    + "); it is an identifier, so it is not truncated");
        }
        if (CONTROL.matcher(value).find()) {
            throw new IllegalArgumentException(name + " contains control characters");
        }
        return value;
    }

    private static Set<String> resourceTypes(Set<String> types) {
        Objects.requireNonNull(types, "resourceTypes is required (may be empty)");
        SortedSet<String> sorted = new TreeSet<>();
        for (String type : types) {
            if (type == null || !RESOURCE_TYPE.matcher(type).matches()) {
                throw new IllegalArgumentException("resourceTypes holds a value that is not a FHIR resource type "
                        + "name (letters and digits, starting upper case)");
            }
            sorted.add(type);
        }
        int joinedLength = String.join(",", sorted).length();
        if (joinedLength > RESOURCE_TYPES_MAX) {
            throw new IllegalArgumentException("resourceTypes take " + joinedLength + " characters joined; at most "
                    + RESOURCE_TYPES_MAX + " fit");
        }
        return Collections.unmodifiableSortedSet(sorted);
    }

    private static String cut(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String cleaned = CONTROL.matcher(value.strip()).replaceAll("?");
        return cleaned.length() > max ? cleaned.substring(0, max - 1) + "…" : cleaned;
    }
}
