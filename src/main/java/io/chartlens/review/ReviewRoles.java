package io.chartlens.review;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import net.minidev.json.JSONObject;

/**
 * Who has which {@link ReviewRole}, from {@code smart-config/roles.json}: a map from the user's SMART
 * {@code fhirUser} reference ({@code Practitioner/123}, {@code PractitionerRole/abc}, ...) to a role, an optional
 * ordered list of PractitionerRole codes ({@code system|code}) with a role each, and the role of everyone else
 * (default {@code clinician}). Immutable; {@link #parse} fails with the reason on a malformed file or an unknown role, so a
 * bad file stops the start instead of demoting or promoting users silently.
 *
 * <p>A {@code fhirUser} may be absolute ({@code https://ehr/fhir/Practitioner/123}, SMART App Launch 2.x) or
 * relative; it is matched on its last two segments, {@code Type/id}, after removing a {@code _history} suffix.
 */
public final class ReviewRoles {

    static final String FILE = "roles.json";

    private static final Set<String> KEYS = Set.of("_note", "defaultRole", "users", "practitionerRoleCodes");
    private static final Pattern REFERENCE = Pattern.compile("[A-Z][A-Za-z]{1,63}/[A-Za-z0-9\\-.]{1,64}");
    private static final Pattern TOKEN = Pattern.compile("[^|\\s]+\\|[^|\\s]+");

    private final ReviewRole defaultRole;
    private final Map<String, ReviewRole> users;
    private final Map<String, ReviewRole> codes;

    private ReviewRoles(ReviewRole defaultRole, Map<String, ReviewRole> users, Map<String, ReviewRole> codes) {
        this.defaultRole = defaultRole;
        this.users = Map.copyOf(users);
        this.codes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(codes));
    }

    /**
     * Parses the file.
     *
     * @throws ParseException naming what is wrong: not JSON, an unknown key, a role that is not one of
     *                        {@code clinician, hospitalist, informaticist, admin}, a user that is not a
     *                        {@code Type/id} reference, a code that is not {@code system|code}
     */
    public static ReviewRoles parse(String json) throws ParseException {
        JSONObject o = JSONObjectUtils.parse(json);
        for (String key : o.keySet()) {
            if (!KEYS.contains(key)) {
                throw new ParseException(FILE + ": unknown key \"" + key + "\" (expected " + KEYS + ")");
            }
        }
        ReviewRole defaultRole = o.containsKey("defaultRole")
                ? role("defaultRole", JSONObjectUtils.getString(o, "defaultRole")) : ReviewRole.CLINICIAN;
        return new ReviewRoles(defaultRole, users(o), codes(o));
    }

    /** The role of a user, by fhirUser reference; the default role for null, unknown or unparseable users. */
    public ReviewRole roleOf(String fhirUser) {
        String reference = relative(fhirUser);
        return reference == null ? defaultRole : users.getOrDefault(reference, defaultRole);
    }

    /**
     * The role of a user by reference first, then by the codes of the user's PractitionerRole(s), each
     * {@code system|code} (when several codes match, the one listed first in the file wins), then the default.
     */
    public ReviewRole roleOf(String fhirUser, Collection<String> practitionerRoleCodes) {
        String reference = relative(fhirUser);
        if (reference != null && users.containsKey(reference)) {
            return users.get(reference);
        }
        return codes.entrySet().stream().filter(e -> practitionerRoleCodes.contains(e.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(defaultRole);
    }

    public ReviewRole defaultRole() {
        return defaultRole;
    }

    /** The named users and their roles (an unmodifiable copy). */
    public Map<String, ReviewRole> users() {
        return users;
    }

    /** {@code Type/id} from a relative or absolute reference, or null if it is none. */
    static String relative(String fhirUser) {
        if (fhirUser == null || fhirUser.isBlank()) {
            return null;
        }
        List<String> parts = Arrays.asList(fhirUser.strip().replaceAll("/_history/.*$", "").split("/"));
        if (parts.size() < 2) {
            return null;
        }
        String reference = parts.get(parts.size() - 2) + "/" + parts.get(parts.size() - 1);
        return REFERENCE.matcher(reference).matches() ? reference : null;
    }

    private static Map<String, ReviewRole> users(JSONObject o) throws ParseException {
        Map<String, ReviewRole> result = new LinkedHashMap<>();
        if (!o.containsKey("users")) {
            return result;
        }
        JSONObject entries = JSONObjectUtils.getJSONObject(o, "users");
        for (String key : entries.keySet()) {
            if (!REFERENCE.matcher(key).matches()) {
                throw new ParseException(FILE + ": users key \"" + key + "\" is not a relative reference Type/id, "
                        + "e.g. Practitioner/123");
            }
            if (!(entries.get(key) instanceof String value)) {
                throw new ParseException(FILE + ": users \"" + key + "\" must map to a role code (a string)");
            }
            result.put(key, role("users \"" + key + "\"", value));
        }
        return result;
    }

    /** An array, so that the file's order (which decides between several matching codes) is kept. */
    private static Map<String, ReviewRole> codes(JSONObject o) throws ParseException {
        Map<String, ReviewRole> result = new LinkedHashMap<>();
        if (!o.containsKey("practitionerRoleCodes")) {
            return result;
        }
        for (Object item : JSONObjectUtils.getJSONArray(o, "practitionerRoleCodes")) {
            if (!(item instanceof JSONObject entry) || !(entry.get("code") instanceof String code)
                    || !(entry.get("role") instanceof String role)) {
                throw new ParseException(FILE + ": each practitionerRoleCodes entry must be {\"code\": "
                        + "\"system|code\", \"role\": \"...\"}");
            }
            if (!TOKEN.matcher(code).matches()) {
                throw new ParseException(FILE + ": practitionerRoleCodes code \"" + code + "\" is not system|code");
            }
            if (result.put(code, role("practitionerRoleCodes \"" + code + "\"", role)) != null) {
                throw new ParseException(FILE + ": practitionerRoleCodes lists \"" + code + "\" twice");
            }
        }
        return result;
    }

    private static ReviewRole role(String where, String code) throws ParseException {
        return ReviewRole.ofCode(code).orElseThrow(() -> new ParseException(FILE + ": " + where + " has unknown "
                + "role \"" + code + "\" (expected one of clinician, hospitalist, informaticist, admin)"));
    }
}
