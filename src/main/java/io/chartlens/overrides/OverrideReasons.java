package io.chartlens.overrides;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.minidev.json.JSONObject;

/**
 * The configurable list of override reasons ({@code smart-config/overrides/override-reasons.json}): codes stored in
 * the feedback log and sent as the CDS Hooks 2.0 {@code overrideReason} coding, with the text clinicians see.
 *
 * @param system  the code system of the codes
 * @param reasons in the order shown
 */
public record OverrideReasons(String system, List<Reason> reasons) {

    /** One reason; {@code requiresComment}: the clinician must also say why in words. */
    public record Reason(String code, String display, boolean requiresComment) {
    }

    public OverrideReasons {
        reasons = List.copyOf(reasons);
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("at least one override reason is required");
        }
    }

    /** The reason with this code, if it is in the list. */
    public Optional<Reason> byCode(String code) {
        return reasons.stream().filter(r -> r.code().equals(code)).findFirst();
    }

    /** Parses the file, failing with the reason (duplicate or malformed code, missing display). */
    public static OverrideReasons parse(String json) throws ParseException {
        JSONObject o = JSONObjectUtils.parse(json);
        String system = JSONObjectUtils.getString(o, "system");
        List<Reason> reasons = new ArrayList<>();
        Set<String> codes = new LinkedHashSet<>();
        for (Object item : JSONObjectUtils.getJSONArray(o, "reasons")) {
            if (!(item instanceof JSONObject r)) {
                throw new ParseException("each override reason must be a JSON object");
            }
            String code = JSONObjectUtils.getString(r, "code");
            if (!code.matches("[a-z0-9][a-z0-9-]{0,60}")) {
                throw new ParseException("override reason code must be lower-case letters, digits and '-': " + code);
            }
            if (!codes.add(code)) {
                throw new ParseException("override reason code appears twice: " + code);
            }
            String display = JSONObjectUtils.getString(r, "display");
            if (display.isBlank() || (code + ": " + display).length() > FeedbackEntry.REASON_MAX) {
                throw new ParseException("override reason " + code + " needs a display of at most "
                        + (FeedbackEntry.REASON_MAX - code.length() - 2) + " characters");
            }
            reasons.add(new Reason(code, display, JSONObjectUtils.getBoolean(r, "requiresComment", false)));
        }
        if (reasons.isEmpty()) {
            throw new ParseException("override-reasons.json lists no reasons");
        }
        return new OverrideReasons(system, reasons);
    }
}
